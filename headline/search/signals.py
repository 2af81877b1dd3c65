"""Index an article again once publishing has saved all of it; note every change to the index.

Wagtail indexes a page from its post_save signal, which modelcluster sends before it writes the
page's tags; a second pass on page_published (sent when everything is saved) makes the tags
searchable as soon as the article goes live, through the same background task Wagtail uses.

Indexing runs in the task worker, after the publish that moved the `articles` content version,
so cached result lists (see `views`) also carry the `search-index` version, moved each time an
indexing task finishes.
"""

from django.dispatch import receiver
from django_tasks.signals import task_finished
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signals import page_published

from headline.core import freshness
from headline.news import follow_up
from headline.news.models import ArticlePage

SEARCH_INDEX = "search-index"
freshness.READ_AHEAD.add(SEARCH_INDEX)
INDEX_TASKS = "modelsearch.tasks."


@receiver(page_published, sender=ArticlePage)
def index_published_article(sender, instance, **kwargs):
    if follow_up.collected(instance.pk):  # indexed with the rest of a bulk write
        return
    insert_or_update_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )


@receiver(task_finished)
def index_changed(sender, task_result, **kwargs):
    if task_result.task.module_path.startswith(INDEX_TASKS):
        freshness.bump(SEARCH_INDEX)
