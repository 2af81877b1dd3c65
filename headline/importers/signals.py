"""The `redirects` content version (see `headline.core.freshness`): moved whenever a redirect is
saved or deleted, in the admin's Redirects or by an import (`bulk_create` sends no signal, so
the importer bumps it itself), because a page answered for an old WordPress address must give way
to the redirect added for it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.redirects.models import Redirect

from headline.core import freshness

REDIRECTS = "redirects"


@receiver((post_save, post_delete), sender=Redirect)
def redirects_changed(sender, **kwargs):
    freshness.bump(REDIRECTS)
