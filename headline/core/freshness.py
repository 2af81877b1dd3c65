"""Content versions: exact validators for conditional GET, shared by every app process.

Each kind of content that responses show has a named *scope*; the app that owns the content bumps
its scopes from signal receivers whenever it changes, and a response derives its ETag and
Last-Modified from the versions of the scopes it shows. A version lives in the shared cache (Redis
in production), so a change made in one process is seen by every other at once.

Scopes (a response names every scope whose content it shows):

- `site`: the site identity settings and Wagtail's Site records (names, descriptions, language,
  host names). Bumped by `core`.
- `sections`: the home page and every section page (title, slug, intro, place in the tree), which
  are part of every article's URL and of the listings. Bumped by `news`.
- `articles`: every article a reader may see, with everything an item shows of it: text, lead
  image, authors' names, tags, corrections, publication state, view restrictions. Bumped by `news`.
- `article:<pk>`: one article's own page (bumped together with `articles`).
- `comments:<article pk>`: that article's comments (any save, delete or status change). Bumped by
  `comments`.

`version()` never trusts a missing key: an evicted or never-written scope counts as changed now,
with a fresh token, so eviction costs a 200, never a stale 304.

Moments are whole seconds, the resolution of HTTP dates, so a change later in the same second as
a response would keep its date. A response made in the second of the last change therefore says
it was modified one second earlier, while If-Modified-Since is still compared with the true
second: that client gets a full answer again rather than a stale 304, and from the next second on
the validators settle.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from hashlib import sha256

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

KEY_PREFIX = "freshness:"


@dataclass(frozen=True)
class Version:
    """The combined version of some scopes: an opaque token and the moment of the last change."""

    token: str
    changed_at: datetime


def _now():
    """The current moment in whole seconds since 1970."""
    return int(timezone.now().timestamp())


def _write(scopes):
    moment = _now()
    cache.set_many(
        {KEY_PREFIX + scope: (uuid.uuid4().hex, moment) for scope in scopes}, timeout=None
    )


def bump(*scopes):
    """Mark `scopes` as changed: every response showing them gets new validators.

    Bumped at once and again when the current transaction commits: a response rendered between
    the two from the not yet committed state would otherwise keep the new version.
    """
    _write(scopes)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _write(scopes))


def version(*scopes):
    """The Version of `scopes` together; a scope missing from the cache starts a fresh version."""
    keys = [KEY_PREFIX + scope for scope in scopes]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            fresh = (uuid.uuid4().hex, _now())
            # Another process may start the same scope at the same time: the first one wins.
            found[key] = fresh if cache.add(key, fresh, timeout=None) else cache.get(key, fresh)
    token = sha256(" ".join(found[key][0] for key in keys).encode()).hexdigest()
    changed_at = max(found[key][1] for key in keys)
    return Version(token, datetime.fromtimestamp(changed_at, tz=UTC))


def serve_conditionally(request, scopes, render, *, extra=(), changed_at=None):
    """Answer 304 while `scopes` are unchanged, else `render()`; both carry ETag and Last-Modified.

    `extra` adds what else shapes the response (settings, a window that moves with time);
    `changed_at` (an aware datetime) is a later moment of change that no scope records. Nothing
    else is queried, so a 304 costs no more than the cache reads.
    """
    current = version(*scopes)
    identity = (request.get_host(), request.get_full_path(), current.token, extra)
    etag = quote_etag(sha256(repr(identity).encode()).hexdigest()[:32])
    moments = [current.changed_at, changed_at] if changed_at else [current.changed_at]
    changed = int(max(moments).timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=changed) or render()
    response.headers["ETag"] = etag
    # Still the second of the change: a later change this second must not match this date.
    response.headers["Last-Modified"] = http_date(changed if changed < _now() else changed - 1)
    return response
