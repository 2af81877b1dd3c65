"""The app's page cache: public pages kept whole in the shared cache, served while still true.

Two doors lead to the same stored pages:

- `PageCacheMiddleware`, the outermost middleware but one (inside ContentVersionsMiddleware, so a
  miss renders with the versions it checked), stores each shareable page with every header the
  other middleware gave it (security headers, Cache-Control, ETag, compression) and serves hits
  to requests that reach Django (the test client, a WSGI server without the front).
- `PageCacheFront`, the WSGI application `headline.wsgi` serves, answers hits before Django sees
  the request: no request object, no middleware, no URL routing. A hit costs the key's digest
  and the check of the page's versions (`freshness.fingerprint`: on Redis, this process's
  tracked copy, no round trip), with the page from this process's memory when it served it
  lately; a miss, or any request it cannot answer alone, goes to Django unchanged.

What is stored and when it is served again is the same through either door; see
`PageCacheMiddleware`.
"""

import hashlib
import threading
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, parse_cookie
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from . import freshness
from .middleware import accepted_encoding, carries_secret, has_personal_cookie, keep_case

PAGE_KEY_PREFIX = "pagecache:"
# Seconds between app machines' clocks that the page cache's store rule allows for.
CLOCK_SKEW = 1
# Only 200s are stored (`PageCacheMiddleware.storable`).
STORED_STATUS = "200 OK"
HIT = ("X-Page-Cache", "hit")  # for operators and the edge cache's logs
# Validators a request may carry: the front answers those through Django's rules (`served`).
CONDITIONAL = frozenset({"HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE"})
# Where the front leaves the key it computed, and that it missed, for the middleware behind it.
MISSED = "headline.page_cache.missed"


def release():
    """What the code that renders pages is: `settings.RELEASE` when set, else the digest of
    Headline's code that also keys cached fragments (`freshness.code_version`)."""
    return settings.RELEASE or freshness.code_version()


def page_key(meta):
    """The cache key of the page a request asks for, from `meta`, its WSGI environ.

    Read from the environ as it came, so the front and the middleware find the same key: what
    Django derives the scheme and host from (the proxy's scheme header when
    SECURE_PROXY_SSL_HEADER names one, X-Forwarded-Host when USE_X_FORWARDED_HOST), the path
    with its query, the content coding the client accepts and the code's `release()`. Only
    requests Django answered 200 are stored, so a key with a host outside ALLOWED_HOSTS never
    holds a page.
    """
    proxy = settings.SECURE_PROXY_SSL_HEADER
    forwarded_host = meta.get("HTTP_X_FORWARDED_HOST") if settings.USE_X_FORWARDED_HOST else None
    where = (
        release(),
        meta.get("wsgi.url_scheme"),
        meta.get(proxy[0]) if proxy else None,
        forwarded_host
        or meta.get("HTTP_HOST")
        or (meta.get("SERVER_NAME"), meta.get("SERVER_PORT")),
        meta.get("SCRIPT_NAME", ""),
        meta.get("PATH_INFO", ""),
        meta.get("QUERY_STRING", ""),
        accepted_encoding(meta),
    )
    return PAGE_KEY_PREFIX + hashlib.sha256(repr(where).encode()).hexdigest()


def shared(meta):
    """True when the request in `meta` may be answered with a page every reader shares: GET or
    HEAD, without `Authorization` or a personal cookie, outside static and media files (never
    stored: WhiteNoise and the file storage answer those)."""
    return bool(
        settings.PAGE_CACHE
        and meta.get("REQUEST_METHOD") in ("GET", "HEAD")
        and not meta.get("PATH_INFO", "").startswith(keep_case())
        and "HTTP_AUTHORIZATION" not in meta
        and not has_personal_cookie(parse_cookie(meta.get("HTTP_COOKIE", "")))
    )


class RecentPages:
    """The pages this process served last, so a hit on them reads only the versions from the
    shared cache, not the page again (a 160 KB article is most of a hit's time in Redis)."""

    def __init__(self):
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        return self.entries.get(key)

    def remember(self, key, entry):
        if entry is None:
            return
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > settings.PAGE_CACHE_RECENT:
                self.entries.popitem(last=False)


recent = RecentPages()


def fresh(entry):
    """`entry` while every version it was made with is still current and the clock has not
    changed it (its kept copy in this process outlives the shared cache's timeout), else None."""
    if (
        entry is not None
        and timezone.now().timestamp() < entry["expires"]
        and freshness.fingerprint(entry["scopes"]) == entry["fingerprint"]
    ):
        return entry
    return None


def lookup(key):
    """The stored page under `key` that may still be served, or None."""
    entry = fresh(recent.get(key)) or fresh(cache.get(key))
    recent.remember(key, entry)
    return entry


def served(entry, request):
    """The stored response, or a 304 when the request's validators match it."""
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response.headers[name] = value
    response.headers[HIT[0]] = HIT[1]
    etag = response.get("ETag")
    modified = parse_http_date_safe(response.get("Last-Modified", ""))
    if etag or modified:
        return get_conditional_response(
            request, etag=etag, last_modified=modified, response=response
        )
    return response


class PageCacheMiddleware:
    """Store shareable pages whole, and serve them while every content version they show holds.

    A response is stored only when its view declared the content versions it shows
    (`freshness.declare`), and served again only while each of those versions is the one it was
    made with: a change any app process makes (news, comments, related lists, the search index,
    site settings each move their scopes) is served at once by every other, and no time-to-live
    decides freshness (`PAGE_CACHE_TIMEOUT` only makes room; a page that changes by the clock,
    `freshness.declare_until`, is kept until then). A hit costs no database query: the stored
    page (from this process's memory for the `PAGE_CACHE_RECENT` pages it served last) and the
    check of its versions (`freshness.fingerprint`).

    What is stored is shared by every reader, so only answers that are the same for all are
    (`shared`): GET and HEAD without `Authorization` or a personal cookie
    (`PAGE_CACHE_PERSONAL_COOKIES`: the session, which carries a reader's held comments and a
    signed-in editor, and Django's messages; `csrftoken` is not personal, as no public page
    carries a token), answered 200 with no cookie set (so no CSRF token used) and no
    `private`/`no-store`. Keys are `page_key`s, so a deploy never serves pages of the code before.

    A page rendered while a scope it shows was changing could hold the content from before the
    change with the version from after it, so it is stored only when none of its scopes changed
    in the second its request started or later, nor the `CLOCK_SKEW` before (clocks of different
    machines); the next request stores it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not shared(request.META):
            return self.get_response(request)
        key = request.META.get(MISSED)  # the front looked it up already
        if key is None:
            key = page_key(request.META)
            if (entry := lookup(key)) is not None:
                return served(entry, request)
        started = int(timezone.now().timestamp())
        response = self.get_response(request)
        if self.storable(request, response):
            recent.remember(key, self.store(key, request, response, started))
        return response

    @staticmethod
    def storable(request, response):
        cache_control = response.get("Cache-Control", "")
        return bool(
            request.method == "GET"  # a HEAD answer may have lost its body on the way
            and response.status_code == 200
            and not response.streaming
            and getattr(request, "freshness_scopes", None)
            and not carries_secret(request, response)
            and "private" not in cache_control
            and "no-store" not in cache_control
        )

    @staticmethod
    def store(key, request, response, started):
        # What the view declared and what its fragments read (`freshness.used`), read once in
        # this request by ContentVersionsMiddleware, outside this one.
        scopes = tuple(sorted(request.freshness_scopes | freshness.used()))
        current = freshness.version(*scopes)
        now = timezone.now()
        timeout = settings.PAGE_CACHE_TIMEOUT
        until = getattr(request, "freshness_until", None)
        if until is not None:
            timeout = min(timeout, int((until - now).total_seconds()))
        if timeout <= 0 or current.changed_at.timestamp() >= started - CLOCK_SKEW:
            return None
        fingerprint = freshness.fingerprint_at(current, scopes)
        if fingerprint is None:  # changed since the page read it: the next request stores it
            return None
        entry = {
            "expires": now.timestamp() + timeout,
            "scopes": scopes,
            "fingerprint": fingerprint,
            "status": response.status_code,
            "headers": list(response.items()),
            "content": response.content,
        }
        cache.set(key, entry, timeout=timeout)
        return entry


class EnvironRequest:
    """What `get_conditional_response` reads of a request, from a WSGI environ."""

    def __init__(self, environ):
        self.META = environ
        self.method = environ["REQUEST_METHOD"]


class PageCacheFront:
    """WSGI middleware answering page cache hits before Django builds a request.

    Requests with If-Match or If-Unmodified-Since (which may answer 412, logged by Django) go to
    Django, as does every miss; the key the front computed travels with a miss in the environ,
    so the middleware neither computes it nor looks it up again.
    """

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if (
            shared(environ)
            and "HTTP_IF_MATCH" not in environ
            and "HTTP_IF_UNMODIFIED_SINCE" not in environ
        ):
            key = page_key(environ)
            entry = lookup(key)
            if entry is None:
                environ[MISSED] = key
            elif CONDITIONAL.isdisjoint(environ):  # most readers: the stored page as it is
                start_response(STORED_STATUS, [*entry["headers"], HIT])
                return [b"" if environ["REQUEST_METHOD"] == "HEAD" else entry["content"]]
            else:
                response = served(entry, EnvironRequest(environ))
                start_response(
                    f"{response.status_code} {response.reason_phrase}", list(response.items())
                )
                return [b"" if environ["REQUEST_METHOD"] == "HEAD" else response.content]
        return self.application(environ, start_response)
