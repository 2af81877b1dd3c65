"""The process's copy of content versions (`core.tracked_versions`) never serves a changed one.

A page cache hit checks its versions against this copy, so a stale copy would serve a stale page.
Changes are made the way another app process makes them, through a Redis connection of its own,
and the first read after Redis's notice has arrived must see them (Redis writes the notice in the
same pass of its event loop as its answer to the writer, but to another socket, so the writer can
be a few microseconds ahead: more under load, which once made an immediate read fail in CI; each
check waits for the notice, up to NOTICE_WAIT); so must a read after the connection was lost or
the database flushed. Redis lane only: the copy exists only on Redis.
"""

import os
import time

import pytest
import redis
from django.core.cache import caches

from headline.core import freshness

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"),
    reason="the tracked copy works on Redis only: run in the services lane (REDIS_URL set, as "
    "CI's `make test-services`)",
)
SCOPES = ("sections", "articles", "article:7")
NOTICE_WAIT = 2.0  # seconds: far beyond a notice's way over loopback, short of a stale copy's life


def eventually(check):
    """Whether `check()` holds within NOTICE_WAIT seconds (it is asked every millisecond)."""
    deadline = time.monotonic() + NOTICE_WAIT
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.001)
    return True


@pytest.fixture
def other_process():
    """A Redis connection of another process, and the way it changes a version."""
    connection = redis.Redis.from_url(os.environ["REDIS_URL"])
    backend = caches["default"]

    def change(scope):
        key = backend.make_key(freshness.KEY_PREFIX + scope)
        connection.set(key, backend.client.encode((os.urandom(8).hex(), 1)))

    yield change, connection
    connection.close()


def read_twice():
    first = freshness.fingerprint(SCOPES)
    assert first is not None and first == freshness.fingerprint(SCOPES)
    return first


def test_a_change_made_elsewhere_is_seen_by_the_next_read(other_process):
    change, _ = other_process
    freshness.version(*SCOPES)  # every scope has a version
    for scope in SCOPES * 20:
        before = read_twice()
        change(scope)
        assert eventually(lambda before=before: freshness.fingerprint(SCOPES) != before), scope


def test_a_change_made_here_is_seen_at_once():
    freshness.version(*SCOPES)
    for scope in SCOPES * 20:
        before = read_twice()
        freshness.bump(scope)
        assert freshness.fingerprint(SCOPES) != before, scope


def test_a_lost_connection_empties_the_copy_and_tracking_starts_again(other_process):
    change, connection = other_process
    freshness.version(*SCOPES)
    before = read_twice()
    tracked, _ = freshness._tracked()
    connection.client_kill_filter(_id=tracked.client.client_id(), skipme=True)
    change("articles")  # while this process has no tracked connection
    after = freshness.fingerprint(SCOPES)
    assert after not in (None, before)
    change("sections")  # tracked again on the new connection
    assert eventually(lambda: freshness.fingerprint(SCOPES) not in (None, after))


def test_a_flushed_database_leaves_no_version_behind(other_process):
    _, connection = other_process
    freshness.version(*SCOPES)
    read_twice()
    connection.flushdb()
    assert eventually(lambda: freshness.fingerprint(SCOPES) is None)
    freshness.version(*SCOPES)  # fresh versions, which count as changed
    assert freshness.fingerprint(SCOPES) is not None
