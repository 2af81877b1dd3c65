"""The `site` content version (see `freshness`) moves whenever the site identity or a Site changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site

from . import freshness
from .models import SiteIdentity

SITE = "site"


@receiver(post_save, sender=SiteIdentity)
@receiver(post_delete, sender=SiteIdentity)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def site_changed(**kwargs):
    freshness.bump(SITE)
