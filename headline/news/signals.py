"""Fill an article's publication time the first time it goes live.

Editors may set `published_at` themselves (to backdate a story); when they don't, the moment of
first publication is used, whether the article was published by hand or by the scheduler.
"""

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import ArticlePage


@receiver(page_published, sender=ArticlePage)
def stamp_publication_time(sender, instance, **kwargs):
    if instance.published_at is None:
        stamp = instance.first_published_at or instance.last_published_at
        ArticlePage.objects.filter(pk=instance.pk).update(published_at=stamp)
        instance.published_at = stamp
