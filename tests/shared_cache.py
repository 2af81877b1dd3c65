"""Emptying the shared cache in tests, the way eviction empties it."""

from django.core.cache import cache

from headline.core import freshness


def evict_everything():
    """The shared cache forgets every version, fragment and stored page.

    On Redis this process's copy of the versions learns of it from Redis's notice, which can trail
    the answer to the flush (more so under load: it once made a conditional GET test fail in CI).
    Redis answers a command on the copy's own connection after that notice, so one PING there
    takes the notice in before this returns.
    """
    cache.clear()
    if (tracked := freshness._tracked()) is not None:
        versions, _ = tracked
        versions.read([])  # connected, with tracking on
        with versions.lock:
            versions.client.ping()
