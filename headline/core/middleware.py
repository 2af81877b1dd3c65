"""Core middleware: composed addresses, content versions read once per request, the request's
site found without a query, who may cache each response, and compression (the page cache is
`core.page_cache`). Compression is outside the session and CSRF middleware, whose traces it
checks.

Addresses in decomposed Unicode lead to the composed ones the site stores.

Slugs are stored in NFC (`core.text.clean_text`), but an address can arrive decomposed (NFD), as
macOS file names, some keyboards and copy-paste give it: `/tags/zu%CC%88rich/` for `Zürich`. Such a
GET or HEAD is answered with a permanent redirect to the composed address, query kept, so every
route, feed and page finds its object under either spelling.
"""

import re
import unicodedata

import brotli
from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.encoding import iri_to_uri
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
            and not has_personal_cookie(request.COOKIES)
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


def accepted_encoding(meta):
    """The content coding a response gets: "br", "gzip" or "" (none), from `meta`, a request's
    META (its WSGI environ).

    Read from Accept-Encoding (RFC 9110 §12.5.3): the coding with the highest weight among ours,
    brotli on a tie; `*` stands for codings not named; weight 0 (or a malformed one) refuses.
    """
    weights = {}
    for item in meta.get("HTTP_ACCEPT_ENCODING", "").split(","):
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


def has_personal_cookie(cookies):
    """True when `cookies` (a request's, by name) hold one that makes a response personal."""
    return any(name in cookies for name in settings.PAGE_CACHE_PERSONAL_COOKIES)


def carries_secret(request, response):
    """True when the response may hold a secret: the request came with a session or messages, or
    the response sets a cookie (a CSRF token asked for with `get_token` sets its cookie)."""
    return bool(has_personal_cookie(request.COOKIES) or response.cookies)


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
        encoding = accepted_encoding(request.META)
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
