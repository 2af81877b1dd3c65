"""Core's receivers: the `site` content version, the one cleaning step for stored text, and the
default Site's address following SITE_URL after `migrate` (see `site_url`).

The `site` content version (see `freshness`) moves whenever the site identity or a Site changes,
and front-end caches drop every page then.

Every text a reader or an editor stores passes `clean_text` on its way into the database: one
`pre_save` receiver serves every model of Headline's own apps and the third-party models that
hold newsroom text (page titles, revisions, image titles), so no model needs code of its own and
a new model is covered the day it is added. It cleans each CharField and TextField (RichTextField
included), every string inside a StreamField and inside a JSONField such as a revision's content.
Models are picked by app and label, never imported: core depends on no app. Writes that skip
`save()` (`QuerySet.update()`, `bulk_create()`) are not cleaned here, which is why the feed and
sitemap writers clean again.
"""

from functools import cache

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.dispatch import receiver
from wagtail.fields import StreamField
from wagtail.models import Site

from . import freshness, frontend_cache
from .models import SITE, SiteIdentity
from .site_url import point_default_site
from .text import clean_tree

OUR_APPS = "headline."
# Tags are not here: their names are unique and looked up before saving, so they are cleaned before
# the look-up (`text.parse_tags` for the admin, `news.models.CleanTaggableManager` for code) and
# again by every writer.
NEWSROOM_MODELS = {"wagtailcore.page", "wagtailcore.revision", "wagtailimages.image"}


@receiver(post_migrate)
def default_site_follows_site_url(sender, **kwargs):
    """After `migrate`, with SITE_URL set, the default Site takes its address (see `site_url`)."""
    if sender.name == "headline.core" and settings.SITE_URL:
        point_default_site(settings.SITE_URL)


@receiver(post_save, sender=SiteIdentity)
@receiver(post_delete, sender=SiteIdentity)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def site_changed(**kwargs):
    freshness.bump(SITE)
    # The site's name and description head every page and feed.
    if frontend_cache.enabled():
        frontend_cache.purge([frontend_cache.EVERYTHING])


@cache
def our_app_labels():
    return {config.label for config in apps.get_app_configs() if config.name.startswith(OUR_APPS)}


def stores_newsroom_text(model):
    meta = model._meta
    return meta.app_label in our_app_labels() or meta.label_lower in NEWSROOM_MODELS


def cleaned(field, value):
    """`value` cleaned for `field`, or `value` itself when the field holds no text."""
    if isinstance(field, StreamField):
        raw = field.get_prep_value(value)
        clean = clean_tree(raw)
        # A fresh StreamValue only when something changed: converting back drops loaded blocks.
        return value if clean == raw else field.to_python(clean)
    if isinstance(field, models.CharField | models.TextField | models.JSONField):
        return clean_tree(value)
    return value


@receiver(pre_save)
def clean_stored_text(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not stores_newsroom_text(sender):  # raw: loaddata writes fixtures as they are
        return
    for field in instance._meta.concrete_fields:
        if update_fields is not None and field.name not in update_fields:
            continue
        value = getattr(instance, field.attname)
        if value:
            setattr(instance, field.attname, cleaned(field, value))
