"""Background work of the news app: purging front-end caches after a change (see
`news.frontend_cache`)."""

from django.apps import apps
from django_tasks import task
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

from headline.core.frontend_cache import PRIORITY, absolute

from . import frontend_cache


@task(priority=PRIORITY)
def purge_shown_on(label: str, pk: int, paths: list[str]):
    """Purge `paths` and every address showing the object `label`/`pk` (gone: `paths` only)."""
    model = apps.get_model(label)
    instance = model._default_manager.filter(pk=pk).first()
    if instance is not None:
        paths = paths + frontend_cache.SHOWN_ON[model](instance)
    # Already in the background: purge here rather than queue another task.
    purge_urls_from_cache_task.call(absolute(paths))
