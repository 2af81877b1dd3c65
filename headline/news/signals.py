"""Keep derived news data right when content changes.

- An article's publication time is filled the first time it goes live: editors may set
  `published_at` themselves (to backdate a story); when they don't, the moment of first
  publication is used, whether the article was published by hand or by the scheduler.
- Every tag gets an address: taggit makes a tag's slug from its name, which leaves nothing of a
  name made only of punctuation or emoji (`!!!`, `🙂`); a tag with an empty slug has no URL, so
  every page that links it would fail.
- The cached list of restricted paths (see `ArticlePageQuerySet.private_q`) is dropped once a
  view restriction changes or a page moves, after the transaction commits.
"""

import hashlib

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from taggit.models import Tag
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, post_page_move

from .models import RESTRICTED_PATHS_KEY, ArticlePage


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_page_move)
def forget_restricted_paths(**kwargs):
    transaction.on_commit(lambda: cache.delete(RESTRICTED_PATHS_KEY))


@receiver(page_published, sender=ArticlePage)
def stamp_publication_time(sender, instance, **kwargs):
    if instance.published_at is None:
        stamp = instance.first_published_at or instance.last_published_at
        ArticlePage.objects.filter(pk=instance.pk).update(published_at=stamp)
        instance.published_at = stamp


@receiver(pre_save, sender=Tag)
def give_every_tag_a_slug(sender, instance, **kwargs):
    """A name with nothing to slugify gets `tag-` and 8 hex digits of its SHA-1: stable, and
    distinct per name (taggit appends `_1`, `_2`… in the unlikely case it is taken)."""
    if not instance.slug:
        digest = hashlib.sha1(instance.name.encode(), usedforsecurity=False).hexdigest()
        instance.slug = f"tag-{digest[:8]}"
