"""Wagtail's `update_index`, then the `search-index` content version moved: result pages and
their fragments cached from the old index are not served again (headline.core.freshness)."""

from wagtail.search.management.commands.update_index import Command as UpdateIndex

from headline.core import freshness
from headline.search.signals import SEARCH_INDEX


class Command(UpdateIndex):
    def handle(self, *args, **options):
        super().handle(*args, **options)
        freshness.bump(SEARCH_INDEX)
