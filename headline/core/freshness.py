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
- `comments:<page pk>`: that article's or standard page's comments (any save, delete or status
  change). Bumped by `comments`.

Rendered fragments shared by every reader (navigation, an article's body, the related box, the
comment thread, card lists) are kept in the same cache by `cached()`, under keys made of the
versions of the scopes they show: a change moves a version, so the next render misses and stores
the new HTML, in every process at once; nothing is deleted or purged.

A response also *declares* that it may be shared (`declare`), with the scopes its own queries
show, and any moment at which it changes by the clock alone (`declare_until`). The page cache
(`core.page_cache`) stores only declared responses, keyed on the declared
scopes together with every scope whose version the request read (`used`: each fragment reads
its own), and serves one only while those versions are the ones it was made with.

`version()` never trusts a missing key: an evicted or never-written scope counts as changed now,
with a fresh token, so eviction costs a 200, never a stale 304.

Moments are whole seconds, the resolution of HTTP dates, so a change later in the same second as
a response would keep its date. A response made in the second of the last change therefore says
it was modified one second earlier, while If-Modified-Since is still compared with the true
second: that client gets a full answer again rather than a stale 304, and from the next second on
the validators settle.
"""

import re
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache as once
from functools import lru_cache
from hashlib import sha256
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

from .tracked_versions import TrackedVersions

KEY_PREFIX = "freshness:"
FRAGMENT_PREFIX = "fragment:"
# Keys change with their content, so a fragment is never stale; the timeout only lets the cache
# forget fragments of old versions without relying on its eviction policy.
FRAGMENT_SECONDS = 24 * 60 * 60
local = caches["fragments"]
# What shapes a fragment or page besides the data: Headline's templates, code and static text.
CODE_SUFFIXES = {".py", ".html", ".txt", ".xml", ".js", ".css", ".svg", ".json"}


@dataclass(frozen=True)
class Version:
    """The combined version of some scopes: an opaque token and the moment of the last change."""

    token: str
    changed_at: datetime


def _now():
    """The current moment in whole seconds since 1970."""
    return int(timezone.now().timestamp())


# The versions one request has read, when it reads each only once (`read_once`), and the scopes
# it asked for (what its response shows; READ_AHEAD scopes read along are not among them).
_read = ContextVar("freshness_read", default=None)
_used = ContextVar("freshness_used", default=None)
# Scopes most pages show, read in a request's first round trip; the apps owning them add them.
READ_AHEAD = set()


@contextmanager
def read_once():
    """Within the block each scope's version is read from the shared cache once, then
    remembered: a page with several fragments makes one round trip per new scope, not one per
    fragment. Bumps made inside the block are remembered too. Used around each request
    (`core.middleware.ContentVersionsMiddleware`), which then shows one state throughout.
    """
    token, used = _read.set({}), _used.set(set())
    try:
        yield
    finally:
        _read.reset(token)
        _used.reset(used)


def used():
    """The scopes whose versions the current `read_once` block asked for (empty outside one)."""
    return frozenset(_used.get() or ())


def _write(scopes):
    moment = _now()
    versions = {KEY_PREFIX + scope: (uuid.uuid4().hex, moment) for scope in scopes}
    cache.set_many(versions, timeout=None)
    if (tracked := _tracked()) is not None:
        tracked[0].forget([tracked[1](key) for key in versions])
    if (remembered := _read.get()) is not None:
        remembered.update(versions)


class _AtCommit:
    """The scopes bumped in one transaction, written again, once, when it commits.

    `pending` is the connection's list of commit callbacks this one is in: Django replaces that
    list whenever the transaction commits or rolls back (a savepoint rollback too), so while it is
    the same list this callback still runs and may take more scopes.
    """

    def __init__(self, pending):
        self.pending = pending
        self.scopes = set()

    def __call__(self):
        _write(self.scopes)

    def still_pending(self, connection):
        """Whether this callback runs when `connection`'s transaction commits."""
        if self.pending is not connection.run_on_commit:
            # Replaced: by a commit or rollback (dropped), or a savepoint rollback (maybe kept).
            if not any(func is self for _sids, func, _robust in connection.run_on_commit):
                return False
            self.pending = connection.run_on_commit
        return True


def bump(*scopes):
    """Mark `scopes` as changed: every response showing them gets new validators.

    Bumped at once and again when the current transaction commits: a response rendered between
    the two from the not yet committed state would otherwise keep the new version. The writes at
    commit are one per transaction, whatever the number of bumps: an import of thousands of
    articles keeps one set of scope names, not a callback per save.
    """
    _write(scopes)
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return
    at_commit = getattr(connection, "freshness_at_commit", None)
    if at_commit is None or not at_commit.still_pending(connection):
        at_commit = connection.freshness_at_commit = _AtCommit(connection.run_on_commit)
        transaction.on_commit(at_commit)
    at_commit.scopes.update(scopes)


def version(*scopes):
    """The Version of `scopes` together; a scope missing from the cache starts a fresh version.

    Inside `read_once`, the first read also fetches the READ_AHEAD scopes, in the same round
    trip.
    """
    keys = [KEY_PREFIX + scope for scope in scopes]
    if (asked := _used.get()) is not None:
        asked.update(scopes)
    remembered = _read.get()
    found = dict(remembered) if remembered is not None else {}
    if wanted := {key for key in keys if key not in found}:
        if remembered is not None:
            wanted |= {KEY_PREFIX + scope for scope in READ_AHEAD} - found.keys()
        found.update(cache.get_many(list(wanted)))
    for key in keys:
        if key not in found:
            fresh = (uuid.uuid4().hex, _now())
            # Another process may start the same scope at the same time: the first one wins.
            found[key] = fresh if cache.add(key, fresh, timeout=None) else cache.get(key, fresh)
    if remembered is not None:
        remembered.update(found)
    token = sha256(" ".join(found[key][0] for key in keys).encode()).hexdigest()
    changed_at = max(found[key][1] for key in keys)
    return Version(token, datetime.fromtimestamp(changed_at, tz=UTC))


@once
def _tracked():
    """(the process's TrackedVersions, the function giving a version's Redis key) when the
    shared cache is django-redis, else None."""
    from django_redis.cache import RedisCache

    backend = caches["default"]  # `cache` is a proxy to it
    if not isinstance(backend, RedisCache):
        return None
    # django-redis's LOCATION: the primary first, then any replicas.
    location = settings.CACHES["default"]["LOCATION"]
    url = location[0] if isinstance(location, list | tuple) else re.split("[;,]", location)[0]
    make_key = lru_cache(maxsize=4096)(lambda key: str(backend.make_key(key)).encode())
    return TrackedVersions(url), make_key


def fingerprint(scopes):
    """A value equal for two reads exactly when none of `scopes` changed between them, or None
    when one of them has no version yet: what a stored page is checked against on every hit.

    On Redis it is the versions' stored bytes, not decoded (a change writes a new random token, so
    new bytes), from this process's copy that Redis keeps exact (`core.tracked_versions`): no
    round trip while they hold. Elsewhere, the token of `version`.
    """
    if (tracked := _tracked()) is None:
        return version(*scopes).token
    versions, make_key = tracked
    stored = versions.read([make_key(KEY_PREFIX + scope) for scope in scopes])
    return None if None in stored else stored


def fingerprint_at(current, scopes):
    """`fingerprint(scopes)` while `scopes` are still at `current` (their Version as a response
    was made), else None: a page is stored with the versions it shows, never with later ones."""
    found = fingerprint(scopes)
    if found is None or isinstance(found, str):
        return found if found == current.token else None
    tokens = (cache.client.decode(value)[0] for value in found)
    return found if sha256(" ".join(tokens).encode()).hexdigest() == current.token else None


def declare(request, *scopes):
    """Note that the response to `request` may be shared, showing `scopes` besides those of the
    fragments it renders; any view, page or template tag that queries content itself adds the
    scopes of that content."""
    request.__dict__.setdefault("freshness_scopes", set()).update(scopes)


def declare_until(request, moment):
    """Note that the response to `request` changes by the clock alone at `moment` (an aware
    datetime, e.g. when comments close): the page cache keeps it no later than that."""
    current = getattr(request, "freshness_until", None)
    request.freshness_until = moment if current is None else min(current, moment)


def serve_conditionally(request, scopes, render, *, extra=(), changed_at=None):
    """Answer 304 while `scopes` are unchanged, else `render()`; both carry ETag and Last-Modified.

    `extra` adds what else shapes the response (settings, a window that moves with time);
    `changed_at` (an aware datetime) is a later moment of change that no scope records. Nothing
    else is queried, so a 304 costs no more than the cache reads.
    """
    declare(request, *scopes)
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


@once
def code_version():
    """A digest of Headline's code and templates, read once per process.

    Part of every fragment key, so a deploy that changes how a fragment is made never serves
    the HTML the previous code made.
    """
    package = Path(__file__).resolve().parent.parent
    digest = sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cached(name, scopes, render, *, vary=(), request=None):
    """`render()` (a picklable value, usually HTML) kept in the shared cache while `scopes` hold.

    The key is `name` with a digest of the scopes' version, `vary` (a tuple of plain values:
    anything else that shapes the value, such as a page number or a language), the scheme and
    host of `request` when given (absolute URLs, several sites) and `code_version()`. A preview
    renders unsaved content, so its request never reads or writes the cache. `render()` giving
    None is not kept, and an exception it raises leaves nothing behind.

    A key names one content state, so its value never changes: each process also keeps the
    fragments it used last in its own memory (the `fragments` cache, least recently used go
    first), and a page served from there costs the shared cache only the version reads.
    """
    if getattr(request, "is_preview", False):
        return render()
    where = (request.scheme, request.get_host()) if request is not None else ()
    identity = (version(*scopes).token, where, vary, code_version())
    key = f"{FRAGMENT_PREFIX}{name}:{sha256(repr(identity).encode()).hexdigest()}"
    value = local.get(key)
    if value is None:
        value = cache.get(key)
        if value is None:
            value = render()
            if value is not None:
                cache.set(key, value, FRAGMENT_SECONDS)
        if value is not None:
            local.set(key, value, FRAGMENT_SECONDS)
    return value
