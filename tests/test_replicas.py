"""Read replicas: which connection each query of a request uses.

The test settings give the test database a second connection, `replica_1` (a test mirror of
`default`), standing in for a PostgreSQL replica; the `replicas` fixture switches the router on
as `DATABASE_REPLICA_URLS` does. Queries are recorded in order, with the alias that ran them.
Transactional tests: the replica connection sees only committed rows, as a real replica does.
"""

import re
from contextlib import contextmanager

import psycopg
import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.db import connections, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.models import Page

from headline.core.routers import ReplicaReadsMiddleware
from headline.settings.base import with_replicas

from .comment_helpers import post_comment, posted, set_rules
from .factories import make_article, make_section

pytestmark = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", "replica_1"]
)


@pytest.fixture
def replicas(settings):
    settings.DATABASE_REPLICAS = ["replica_1"]
    settings.DATABASE_ROUTERS = ["headline.core.routers.ReplicaRouter"]


@contextmanager
def recorded_queries():
    """A list that fills, in order, with (alias, SQL) for every query on either connection."""
    log = []

    def record(execute, sql, params, many, context):
        log.append((context["connection"].alias, sql))
        return execute(sql, params, many, context)

    with (
        connections["default"].execute_wrapper(record),
        connections["replica_1"].execute_wrapper(record),
    ):
        yield log


SETTINGS_LOOKUP = r'SELECT .* FROM "(core_siteidentity|comments_commentsettings)" WHERE'


def aliases(log):
    return {alias for alias, _ in log}


@pytest.fixture
def story():
    return make_article(make_section("International"), "A state visit")


def test_a_readers_page_views_read_only_from_the_replica(replicas, story):
    for path in (story.url, "/", "/international/", "/feed/", "/search/?q=visit"):
        Client().get(path)  # the first view stores the site's settings rows: a primary write
        caches["default"].clear()  # and its page parts: this view reads everything again
        with recorded_queries() as log:
            response = Client().get(path)
        assert response.status_code == 200
        on_replica = [sql for alias, sql in log if alias == "replica_1"]
        assert any('"wagtailcore_page"' in sql for sql in on_replica), (path, on_replica)
        # Wagtail reads site settings with get_or_create(), which asks for the primary; nothing
        # else may.
        on_primary = [sql for alias, sql in log if alias == "default"]
        assert all(re.match(SETTINGS_LOOKUP, sql) for sql in on_primary), (path, on_primary)


def test_without_replicas_every_query_uses_the_primary(story):
    Client().get(story.url)
    with recorded_queries() as log:
        assert Client().get(story.url).status_code == 200
    assert aliases(log) == {"default"}


def test_posting_a_comment_reads_and_writes_the_primary_and_the_poster_sees_it(replicas, story):
    set_rules(moderate_first_time=True)
    client = Client()
    client.get(story.url)
    with recorded_queries() as log:
        response = post_comment(client, story, body="Read your own writes.")
    # The duplicate and flood checks read before the insert: on a replica they could miss a row.
    assert aliases(log) == {"default"}
    assert posted(response).status == "pending"
    with recorded_queries() as log:
        page = client.get(response["Location"])
    assert any(alias == "replica_1" and "comments_comment" in sql for alias, sql in log)
    assert "Read your own writes." in page.content.decode()


def test_the_admin_reads_the_primary(replicas, story, admin_user):
    client = Client()
    client.force_login(admin_user)
    with recorded_queries() as log:
        response = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert response.status_code == 200
    assert aliases(log) == {"default"}


def test_after_a_write_and_inside_a_transaction_a_request_reads_the_primary(replicas, story):
    def view(request):
        Page.objects.count()
        with transaction.atomic():
            Page.objects.count()
        Page.objects.count()
        story.save_revision()
        Page.objects.count()
        return HttpResponse()

    with recorded_queries() as log:
        ReplicaReadsMiddleware(view)(RequestFactory().get("/"))
        Page.objects.count()  # after the request: the worker, commands
    reads = [alias for alias, sql in log if "COUNT(*)" in sql and '"wagtailcore_page"' in sql]
    assert reads == ["replica_1", "default", "replica_1", "default", "default"]
    first_write = next(n for n, (_, sql) in enumerate(log) if sql.startswith("INSERT"))
    assert aliases(log[first_write:]) == {"default"}


def test_replica_urls_become_mirrored_aliases_and_the_primary_waits_for_them():
    primary = {"default": {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": 60}}
    databases = with_replicas(
        primary,
        ["postgres://reader@replica-a:5432/headline", "postgres://reader@replica-b/headline"],
    )
    assert list(databases) == ["default", "replica_1", "replica_2"]
    assert databases["replica_1"]["HOST"] == "replica-a"
    assert databases["replica_2"]["NAME"] == "headline"
    assert databases["replica_2"]["TEST"] == {"MIRROR": "default"}
    assert databases["replica_2"]["CONN_MAX_AGE"] == 60
    assert databases["default"]["OPTIONS"]["options"] == "-c synchronous_commit=remote_apply"
    assert with_replicas({"default": {"CONN_MAX_AGE": 0}}, []) == {"default": {"CONN_MAX_AGE": 0}}


@pytest.mark.skipif(
    "sqlite" in django_settings.DATABASES["default"]["ENGINE"],
    reason="PostgreSQL's synchronous_commit; runs on the PostgreSQL lane (make test-services)",
)
def test_the_primary_option_is_one_postgresql_applies():
    primary = {"default": dict(django_settings.DATABASES["default"], OPTIONS={})}
    options = with_replicas(primary, ["postgres://reader@replica/headline"])["default"]["OPTIONS"]
    params = connections["default"].get_connection_params()
    with psycopg.connect(**params | options) as connection:
        assert connection.execute("SHOW synchronous_commit").fetchone() == ("remote_apply",)
