"""Queue a related-lists update whenever an article goes live, changes or is withdrawn, and name
the articles whose box shows an article, for front-end cache purges (`news.frontend_cache`).

Deleting a live page sends `page_unpublished` before the rows go, so the lists that held the
article are read here and handed to the task, which may run after the cascade removed them.
"""

from django.db.models import Q
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from headline.news import follow_up, frontend_cache
from headline.news.models import ArticlePage

from .models import RelatedArticle
from .tasks import refresh_related


@receiver(page_published, sender=ArticlePage)
def queue_refresh_on_publish(sender, instance, **kwargs):
    if not follow_up.collected(instance.pk):  # else refreshed with the rest of a bulk write
        refresh_related.enqueue(instance.pk)


@receiver(page_unpublished, sender=ArticlePage)
def queue_refresh_on_unpublish(sender, instance, **kwargs):
    listed_by = RelatedArticle.objects.filter(related_id=instance.pk).values_list(
        "article_id", flat=True
    )
    refresh_related.enqueue(instance.pk, withdrawn=True, listed_by=list(listed_by))


def listing_articles_paths(article):
    """The pages of the published articles whose related box lists `article` (stored or pinned)."""
    listing = ArticlePage.objects.published().filter(
        Q(related_links__related=article) | Q(related_pins__article=article)
    )
    return [path for page in listing.distinct() if (path := frontend_cache.page_path(page))]
