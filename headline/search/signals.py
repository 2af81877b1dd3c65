"""Index an article again once publishing has saved all of it.

Wagtail indexes a page from its post_save signal, which modelcluster sends before it writes the
page's tags; a second pass on page_published (sent when everything is saved) makes the tags
searchable as soon as the article goes live, through the same background task Wagtail uses.
"""

from django.dispatch import receiver
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signals import page_published

from headline.news.models import ArticlePage


@receiver(page_published, sender=ArticlePage)
def index_published_article(sender, instance, **kwargs):
    insert_or_update_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )
