"""Scheduling works by itself: an article scheduled in the admin goes live, and an expiring one
comes down, when the task worker (`manage.py db_worker`, which `make run` starts too) reaches its
time, with no cron line; a rescheduled or cancelled one does not go live early; the dashboard lists
what is scheduled and flags what is overdue."""

import time
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.contrib.staticfiles.management.commands.runserver import Command as RunserverCommand
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Revision

from headline.core.management.commands.runserver import Command
from headline.news import tasks
from headline.news.models import ArticlePage

from .factories import make_article, make_author, make_section
from .html import parse, texts
from .test_newsroom import article_form, staff

pytestmark = pytest.mark.django_db

PUBLISH_DUE = "headline.news.tasks.publish_due"


@pytest.fixture(autouse=True)
def database_tasks(settings):
    """Tasks wait in the database for the worker, as in production and under `make run`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def editor(client):
    client.force_login(staff("editor", "Editors"))


@pytest.fixture
def draft():
    section = make_section("Business")
    return make_article(section, "Harbour reopens", slug="harbour-reopens", publish=False)


def minute(moment):
    """The admin's date fields take minutes: the time as typed, and as it is stored."""
    moment = timezone.localtime(moment).replace(second=0, microsecond=0)
    return moment.strftime("%Y-%m-%d %H:%M"), moment


def publish_in_admin(client, article, capture, **dates):
    form = article_form(make_author(), title=article.title, slug=article.slug)
    form.update({name: minute(moment)[0] for name, moment in dates.items()})
    with capture(execute=True):  # the schedule is queued once the save commits
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[article.pk]),
            {**form, "action-publish": "publish"},
        )
    assert response.status_code == 302, response.context["form"].errors


def run_worker(at=None):
    """The task worker, as production runs it, at the time `at` (or now): it runs what is due,
    then stops.

    Between tasks the worker closes connections it thinks stale, as Django does between requests;
    inside a test's transaction that would close the test's own connection (on PostgreSQL), so it
    is left open here, as Django's test client does for requests.
    """
    with (
        time_machine.travel(at or timezone.now(), tick=at is None),
        mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"),
    ):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval=0")


def is_live(client, article):
    return client.get("/business/harbour-reopens/").status_code == 200


def test_a_scheduled_article_goes_live_when_the_worker_reaches_its_time(
    client, editor, draft, django_capture_on_commit_callbacks
):
    typed, go_live = minute(timezone.now() + timedelta(minutes=10))
    publish_in_admin(client, draft, django_capture_on_commit_callbacks, go_live_at=go_live)
    queued = DBTaskResult.objects.filter(task_path=PUBLISH_DUE, run_after=go_live)
    assert queued.count() == 1

    run_worker(go_live - timedelta(seconds=1))
    assert not is_live(client, draft)
    run_worker(go_live + timedelta(seconds=1))
    assert is_live(client, draft)
    article = ArticlePage.objects.get(pk=draft.pk)
    assert article.published_at == go_live + timedelta(seconds=1)
    # The same signals as a manual publish ran: the article is in the section and the feed.
    assert b"Harbour reopens" in client.get("/business/").content
    assert b"Harbour reopens" in client.get("/feed/").content


def unschedule(client, article):
    revision = Revision.objects.get(approved_go_live_at__isnull=False)
    url = reverse("wagtailadmin_pages:revisions_unschedule", args=[article.pk, revision.pk])
    assert client.post(url).status_code == 302


def test_a_rescheduled_article_goes_live_at_its_new_time_only(
    client, editor, draft, django_capture_on_commit_callbacks
):
    first = timezone.now() + timedelta(minutes=10)
    publish_in_admin(client, draft, django_capture_on_commit_callbacks, go_live_at=first)
    # Wagtail locks a scheduled page: the editor cancels the schedule, then sets the new time.
    unschedule(client, draft)
    later = first + timedelta(hours=1)
    publish_in_admin(client, draft, django_capture_on_commit_callbacks, go_live_at=later)
    run_worker(minute(first)[1] + timedelta(seconds=1))
    assert not is_live(client, draft)
    run_worker(minute(later)[1] + timedelta(seconds=1))
    assert is_live(client, draft)


def test_a_cancelled_schedule_publishes_nothing(
    client, editor, draft, django_capture_on_commit_callbacks
):
    go_live = timezone.now() + timedelta(minutes=10)
    publish_in_admin(client, draft, django_capture_on_commit_callbacks, go_live_at=go_live)
    unschedule(client, draft)
    run_worker(minute(go_live)[1] + timedelta(seconds=1))
    assert not is_live(client, draft)


def test_an_article_expires_when_the_worker_reaches_its_time(
    client, editor, draft, django_capture_on_commit_callbacks
):
    expire = timezone.now() + timedelta(hours=1)
    publish_in_admin(client, draft, django_capture_on_commit_callbacks, expire_at=expire)
    assert is_live(client, draft)
    run_worker(minute(expire)[1] - timedelta(seconds=1))
    assert is_live(client, draft)
    run_worker(minute(expire)[1] + timedelta(seconds=1))
    assert not is_live(client, draft)


def test_each_run_queues_a_safety_net_sweep(client, draft):
    """A publication whose task was lost (its worker killed) still happens at the next sweep."""
    go_live = timezone.now() + timedelta(minutes=2)
    draft.go_live_at = go_live
    draft.save_revision().publish()
    DBTaskResult.objects.all().delete()  # the task queued for it is lost
    call_command("migrate", verbosity=0)  # a deployment starts the sweeps
    run_worker(timezone.now())
    assert not is_live(client, draft)
    cache.delete(tasks.NEXT_SWEEP_KEY)  # Redis lets it lapse by its own clock, not the test's
    run_worker(timezone.now() + tasks.SWEEP_INTERVAL + timedelta(seconds=1))
    assert is_live(client, draft)
    waiting = DBTaskResult.objects.filter(task_path=PUBLISH_DUE, status=TaskResultStatus.READY)
    assert waiting.count() == 1, "one sweep is queued at a time"


def dashboard_rows(client):
    tree = parse(client.get("/admin/"))
    return [" ".join(texts(row, "./td")) for row in tree.xpath("//*[@id='scheduled-content']//tr")]


def test_the_dashboard_lists_scheduled_and_expiring_articles_and_flags_overdue_ones(
    client, editor, draft, django_capture_on_commit_callbacks
):
    go_live = timezone.now() + timedelta(minutes=10)
    publish_in_admin(client, draft, django_capture_on_commit_callbacks, go_live_at=go_live)
    expiring = make_article(draft.get_parent(), "Offer ends", slug="offer-ends")
    expire = timezone.now() + timedelta(hours=2)
    publish_in_admin(client, expiring, django_capture_on_commit_callbacks, expire_at=expire)
    at_go_live = f"{minute(go_live)[1]:%-d %B %Y, %H:%M} UTC"
    at_expiry = f"{minute(expire)[1]:%-d %B %Y, %H:%M} UTC"
    assert dashboard_rows(client)[1:] == [
        f"Harbour reopens Goes live {at_go_live} Waiting",
        f"Offer ends Expires {at_expiry} Waiting",
    ]
    # The worker is not running: both times pass without anything happening.
    with time_machine.travel(expire + timedelta(minutes=1)):
        assert dashboard_rows(client)[1:] == [
            f"Harbour reopens Goes live {at_go_live} Overdue: not live yet",
            f"Offer ends Expires {at_expiry} Overdue: still live",
        ]
        assert b"check that the task worker" in client.get("/admin/").content
        editor_page = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
        assert f"Overdue: this page was scheduled to go live at {at_go_live}" in (
            editor_page.content.decode()
        )


def test_a_moderator_sees_no_schedule_of_articles_they_cannot_edit(
    client, draft, django_capture_on_commit_callbacks
):
    draft.go_live_at = timezone.now() + timedelta(minutes=10)
    draft.save_revision().publish()
    client.force_login(staff("moderator", "Moderators"))
    assert dashboard_rows(client) == []


# serialized_rollback: the migrations' home page and roles, which a flush would drop, come back.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_development_server_publishes_scheduled_articles_by_itself(client, monkeypatch):
    """`make run`: runserver runs the task worker in a thread, which publishes at go-live time."""
    draft = make_article(make_section("Business"), "Harbour reopens", slug="harbour-reopens")
    draft.unpublish()
    draft = ArticlePage.objects.get(pk=draft.pk)
    draft.go_live_at = timezone.now() + timedelta(seconds=2)
    draft.save_revision().publish()  # autocommit: the task is queued at once
    assert not is_live(client, draft)

    def serve(command, *args, **kwargs):
        # Stands in for the HTTP server, touching nothing: the in-memory test database takes
        # one connection at a time (a real one, in WAL mode, serves readers beside the worker).
        time.sleep(5)

    monkeypatch.setattr(RunserverCommand, "inner_run", serve)
    command = Command()
    try:
        command.inner_run()
    finally:
        command.worker.running = False
        command.worker_thread.join(timeout=30)
    assert not command.worker_thread.is_alive()
    assert is_live(client, draft)
