"""Core middleware: composed addresses, content versions read once per request, the request's
site found without a query, who may cache each response, the app's page cache and compression.
Order in MIDDLEWARE: the page cache inside ContentVersionsMiddleware (a hit reads each version
once, and a miss renders with the versions it checked), outside compression (pages are stored
compressed) and outside the session and CSRF middleware, whose traces both check.

Addresses in decomposed Unicode lead to the composed ones the site stores.

Slugs are stored in NFC (`core.text.clean_text`), but an address can arrive decomposed (NFD), as
macOS file names, some keyboards and copy-paste give it: `/tags/zu%CC%88rich/` for `Zürich`. Such a
GET or HEAD is answered with a permanent redirect to the composed address, query kept, so every
route, feed and page finds its object under either spelling.
"""

import hashlib
import re
import threading
import unicodedata
from collections import OrderedDict

import brotli
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.middleware.http import ConditionalGetMiddleware
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.encoding import iri_to_uri
from django.utils.http import parse_http_date_safe
from django.utils.text import compress_string
from wagtail.models import Site

from . import freshness
from .models import SITE


def keep_case():
    """Address prefixes of files, whose names keep their case."""
    return tuple(url for url in (settings.STATIC_URL, settings.MEDIA_URL) if url)


class ComposedPathMiddleware:
    """Lead an address to its canonical form with one 301, keeping the query string.

    Slugs are stored composed (NFC) and, as Wagtail and taggit make them, in lower case, while
    links and typed addresses come decomposed (`zu%CC%88rich`, from macOS) or capitalised
    (`Z%C3%BCrich`). A decomposed address is redirected at once; a capitalised one only when it
    answers 404 (the admin, static and media files and the comments' signed links keep their
    own case), to its lower case
    form: in any script, since `str.lower` follows Unicode's case mapping.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        composed = unicodedata.normalize("NFC", request.path)
        if composed != request.path:
            return self._redirect(request, composed)
        response = self.get_response(request)
        lower = composed.lower()
        if (
            response.status_code == 404
            and lower != composed
            and not composed.startswith(("/admin/", "/documents/", "/comments/", *keep_case()))
        ):
            return self._redirect(request, lower)
        return response

    @staticmethod
    def _redirect(request, path):
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(iri_to_uri(path) + (f"?{query}" if query else ""))


class ContentVersionsMiddleware:
    """Each content version is read once per request (`freshness.read_once`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with freshness.read_once():
            return self.get_response(request)


class CachedSiteMiddleware:
    """Find the request's Wagtail Site, with its root page loaded, from the shared cache.

    Wagtail looks the site up in the database on every request and then loads the root page's
    specific object to route from it; both change only with the `site` content version (see
    `freshness`; the app owning the root page moves it too). The site found is set where
    `Site.find_for_request` keeps it for the rest of the request (`request._wagtail_site`), so
    Wagtail and Headline read it from there. Placed after CommonMiddleware, which refuses hosts
    outside ALLOWED_HOSTS, so the host in the key is one of those.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = freshness.cached(
            "site", (SITE,), lambda: find_site(request), vary=(request.get_host(),)
        )
        return self.get_response(request)


def find_site(request):
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page.localized.specific  # noqa: B018 — loaded to be cached with the site
    return site


class EdgeCacheMiddleware:
    """Say who may keep each response: edge caches (Varnish, a CDN) and browsers, or nobody.

    A response is public when any anonymous reader would get the same bytes: a GET or HEAD
    without a session or messages cookie, outside the admin, that sets no cookie and shows no CSRF token (the
    token is per reader), answered 200, 301, 304, 308, 404 or 410. It gets `Cache-Control: public,
    max-age=EDGE_MAX_AGE, s-maxage=EDGE_S_MAXAGE, stale-while-revalidate=EDGE_STALE_SECONDS`:
    browsers keep it briefly, shared caches longer, because the app purges them the moment a page
    changes (`headline.news.frontend_cache`). Everything else is `private, no-store`: admin pages,
    previews, anything for a signed-in or session-holding reader, POST results, forms carrying a
    CSRF token, redirects after a form. A view that sets its own Cache-Control keeps it
    (WhiteNoise's static files, Django's `never_cache`).
    """

    PUBLIC_STATUSES = frozenset({200, 301, 304, 308, 404, 410})
    PRIVATE_PREFIXES = ("/admin/", "/django-admin/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Cache-Control" not in response:
            if self.is_public(request, response):
                patch_cache_control(
                    response,
                    public=True,
                    max_age=settings.EDGE_MAX_AGE,
                    s_maxage=settings.EDGE_S_MAXAGE,
                    stale_while_revalidate=settings.EDGE_STALE_SECONDS,
                )
            else:
                patch_cache_control(response, private=True, no_store=True)
        return response

    def is_public(self, request, response):
        return (
            request.method in ("GET", "HEAD")
            and response.status_code in self.PUBLIC_STATUSES
            and not request.path.startswith(self.PRIVATE_PREFIXES)
            # A session or a flash message (Django's messages cookie) is this reader's own.
            and not has_personal_cookie(request)
            and not getattr(request, "is_preview", False)
            # Showing a CSRF token (get_token) always sets the CSRF cookie, so it lands here.
            and not response.cookies
        )


class ContentETagMiddleware(ConditionalGetMiddleware):
    """ETag from the bytes, and 304 for If-None-Match, on responses that carry no validators.

    HTML pages get an ETag this way, so a browser or an edge cache revalidating a page costs no
    transfer. Feeds and sitemaps already chose their validators and answered conditional requests
    (`freshness.serve_conditionally`); checking them again would turn the full answer it gives in
    the second of a change into a stale 304.
    """

    def process_response(self, request, response):
        if response.has_header("ETag") or response.has_header("Last-Modified"):
            return response
        return super().process_response(request, response)


# RFC 9110 §12.4.2: a weight is 0 to 1 with at most three decimals; anything else is ignored.
QVALUE = re.compile(r"(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)")
# Ours, best first: brotli makes HTML about a fifth smaller than gzip does.
ENCODINGS = ("br", "gzip")


def accepted_encoding(request):
    """The content coding a response to `request` gets: "br", "gzip" or "" (none).

    Read from Accept-Encoding (RFC 9110 §12.5.3): the coding with the highest weight among ours,
    brotli on a tie; `*` stands for codings not named; weight 0 (or a malformed one) refuses.
    """
    weights = {}
    for item in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, *params = item.split(";")
        weight = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                value = value.strip()
                weight = float(value) if QVALUE.fullmatch(value) else 0.0
        if name.strip():
            weights[name.strip().lower()] = weight
    best = max(
        (
            (weights.get(coding, weights.get("*", 0.0)), -rank, coding)
            for rank, coding in enumerate(ENCODINGS)
        ),
    )
    return best[2] if best[0] > 0 else ""


COMPRESSIBLE = re.compile(r"text/|application/(?:[\w.-]+\+)?(?:xml|json)\b|application/javascript")
# Quality 5 compresses a 150 KB article in about the time gzip takes, a fifth smaller; 11, the
# library's default, takes tens of times longer.
BROTLI_QUALITY = 5
# Django's gzip pads each response with up to this many random bytes (Heal the BREACH).
GZIP_RANDOM_BYTES = 100


def has_personal_cookie(request):
    return any(name in request.COOKIES for name in settings.PAGE_CACHE_PERSONAL_COOKIES)


def carries_secret(request, response):
    """True when the response may hold a secret: the request came with a session or messages, or
    the response sets a cookie (a CSRF token asked for with `get_token` sets its cookie)."""
    return bool(has_personal_cookie(request) or response.cookies)


class CompressionMiddleware:
    """Compress text responses with brotli or gzip, as the client accepts, unless a secret is in.

    BREACH recovers a secret from the compressed size of a page that also reflects what an
    attacker sends; so a response that may carry a secret (`carries_secret`: CSRF tokens,
    session pages, cookies) is sent as it is, and every other text response, the public pages,
    feeds and sitemaps, compressed. The comment form keeps its token out of public pages (it
    fetches one), so they are compressed and cached alike. gzip is Django's; brotli is Google's
    reference library (`brotli`): Django has none, and the one Django package that adds it
    (django-compression-middleware) last changed in 2023 and adds zstandard as well.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.streaming
            or len(response.content) < 200
            or response.has_header("Content-Encoding")
            or not COMPRESSIBLE.match(response.get("Content-Type", ""))
            or carries_secret(request, response)
        ):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        encoding = accepted_encoding(request)
        if encoding == "br":
            compressed = brotli.compress(response.content, quality=BROTLI_QUALITY)
        elif encoding == "gzip":
            compressed = compress_string(response.content, max_random_bytes=GZIP_RANDOM_BYTES)
        else:
            return response
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        response.headers["Content-Encoding"] = encoding
        etag = response.get("ETag")
        if etag and etag.startswith('"'):  # RFC 9110 §8.8.1: other bytes, so a weak validator
            response.headers["ETag"] = "W/" + etag
        return response


PAGE_KEY_PREFIX = "pagecache:"
# Seconds between app machines' clocks that the page cache's store rule allows for.
CLOCK_SKEW = 1


def release():
    """What the code that renders pages is: `settings.RELEASE` when set, else the digest of
    Headline's code that also keys cached fragments (`freshness.code_version`)."""
    return settings.RELEASE or freshness.code_version()


def page_key(request):
    where = (
        release(),
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        accepted_encoding(request),
    )
    return PAGE_KEY_PREFIX + hashlib.sha256(repr(where).encode()).hexdigest()


def served(entry, request):
    """The stored response, or a 304 when the request's validators match it."""
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response.headers[name] = value
    response.headers["X-Page-Cache"] = "hit"  # for operators and the edge cache's logs
    etag = response.get("ETag")
    modified = parse_http_date_safe(response.get("Last-Modified", ""))
    if etag or modified:
        return get_conditional_response(
            request, etag=etag, last_modified=modified, response=response
        )
    return response


class PageCacheMiddleware:
    """The app's page cache: public pages kept whole in the shared cache, served while still true.

    A response is stored only when its view declared the content versions it shows
    (`freshness.declare`), and served again only while each of those versions is the one it was
    made with: a change any app process makes (news, comments, related lists, the search index,
    site settings each move their scopes) is served at once by every other, and no time-to-live
    decides freshness (`PAGE_CACHE_TIMEOUT` only makes room; a page that changes by the clock,
    `freshness.declare_until`, is kept until then). A hit costs two cache reads, the stored page
    and its scopes' versions in one `get_many`, and no database query; on one of the
    `PAGE_CACHE_RECENT` pages this process served last, only the versions are read.

    What is stored is shared by every reader, so only answers that are the same for all are:
    GET and HEAD without `Authorization` or a personal cookie (`PAGE_CACHE_PERSONAL_COOKIES`:
    the session, which carries a reader's held comments and a signed-in editor, and Django's
    messages; `csrftoken` is not personal, as no public page carries a token), answered 200
    with no cookie set (so no CSRF token used) and no `private`/`no-store`. Keys hold the scheme,
    host, full path (query included), the response's content coding (pages are stored
    compressed) and the code's `release()`, so a deploy never serves pages of the code before.

    A page rendered while a scope it shows was changing could hold the content from before the
    change with the version from after it, so it is stored only when none of its scopes changed
    in the second its request started or later, nor the `CLOCK_SKEW` before (clocks of different
    machines); the next request stores it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # The pages this process served last, so a hit on them reads only the versions from the
        # shared cache, not the page again (a 160 KB article is most of a hit's time in Redis).
        self.recent = OrderedDict()
        self.lock = threading.Lock()

    def __call__(self, request):
        if not self.shared(request):
            return self.get_response(request)
        key = page_key(request)
        entry = self.fresh(self.recent.get(key)) or self.fresh(cache.get(key))
        if entry is not None:
            self.remember(key, entry)
            return served(entry, request)
        started = int(timezone.now().timestamp())
        response = self.get_response(request)
        if self.storable(request, response):
            self.remember(key, self.store(request, response, started))
        return response

    @staticmethod
    def fresh(entry):
        """`entry` while every version it was made with is still current and the clock has not
        changed it (its kept copy in this process outlives the shared cache's timeout), else None."""
        if (
            entry is not None
            and timezone.now().timestamp() < entry["expires"]
            and freshness.version(*entry["scopes"]).token == entry["token"]
        ):
            return entry
        return None

    def remember(self, key, entry):
        if entry is None:
            return
        with self.lock:
            self.recent[key] = entry
            self.recent.move_to_end(key)
            while len(self.recent) > settings.PAGE_CACHE_RECENT:
                self.recent.popitem(last=False)

    @staticmethod
    def shared(request):
        return (
            settings.PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and "HTTP_AUTHORIZATION" not in request.META
            and not has_personal_cookie(request)
        )

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
    def store(request, response, started):
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
        entry = {
            "expires": now.timestamp() + timeout,
            "scopes": scopes,
            "token": current.token,
            "status": response.status_code,
            "headers": list(response.items()),
            "content": response.content,
        }
        cache.set(page_key(request), entry, timeout=timeout)
        return entry
