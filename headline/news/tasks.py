"""Background work of the news app: scheduled articles go live, and expired ones come down, by
themselves; front-end caches are purged after a change (see `news.frontend_cache`).

Wagtail keeps a scheduled publication as a revision with `approved_go_live_at`, and an expiry as
a live page's `expire_at`; its `publish_scheduled` command carries out every one that is due,
publishing through `Revision.publish` (so the same signals fire as when an editor presses
Publish: page caches are purged and related lists refreshed). Nothing runs that command by
itself, so `news.signals` queues `publish_due` for the moment each schedule or expiry is set, and
the task worker (`manage.py db_worker`, which `make run` also starts) runs it then. A schedule
moved or cancelled leaves its earlier task behind; that one finds nothing due and does nothing.

Each run also queues the next sweep `SWEEP_INTERVAL` later, so a lost task (say, a worker killed
while running it) delays a publication by minutes, not forever.
"""

import io
from datetime import timedelta

from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

from headline.core.frontend_cache import PRIORITY, absolute

from . import frontend_cache

SWEEP_INTERVAL = timedelta(minutes=5)
# Present while a sweep is queued; it lapses a little before that sweep runs, so the sweep itself
# queues the next one, and tasks running in between do not queue more.
NEXT_SWEEP_KEY = "news:next-sweep-queued"


@task()
def publish_due():
    """Publish every revision whose go-live time has passed and unpublish every expired page."""
    queue_sweep()  # first: a failure below must not end the chain of sweeps
    call_command("publish_scheduled", stdout=io.StringIO())


def queue_publication(moment):
    """Run `publish_due` at `moment` (an aware datetime).

    Only a backend that can defer tasks (the database one) can hold it until then; the immediate
    backend (tests) runs tasks as they are queued, so nothing is queued there.
    """
    if publish_due.get_backend().supports_defer:
        publish_due.using(run_after=moment).enqueue()


def queue_sweep():
    lapse = (SWEEP_INTERVAL - timedelta(seconds=30)).total_seconds()
    if cache.add(NEXT_SWEEP_KEY, True, timeout=lapse):
        queue_publication(timezone.now() + SWEEP_INTERVAL)


@task(priority=PRIORITY)
def purge_shown_on(label: str, pk: int, paths: list[str]):
    """Purge `paths` and every address showing the object `label`/`pk` (gone: `paths` only)."""
    model = apps.get_model(label)
    instance = model._default_manager.filter(pk=pk).first()
    if instance is not None:
        paths = paths + frontend_cache.SHOWN_ON[model](instance)
    # Already in the background: purge here rather than queue another task.
    purge_urls_from_cache_task.call(absolute(paths))
