"""Core middleware: composed addresses, content versions read once per request, the request's
site found without a query, and who may cache each response.

Addresses in decomposed Unicode lead to the composed ones the site stores.

Slugs are stored in NFC (`core.text.clean_text`), but an address can arrive decomposed (NFD), as
macOS file names, some keyboards and copy-paste give it: `/tags/zu%CC%88rich/` for `Zürich`. Such a
GET or HEAD is answered with a permanent redirect to the composed address, query kept, so every
route, feed and page finds its object under either spelling.
"""

import unicodedata

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_cache_control
from django.utils.encoding import iri_to_uri
from wagtail.models import Site

from . import freshness
from .models import SITE


class ComposedPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        composed = unicodedata.normalize("NFC", request.path)
        if composed != request.path and request.method in ("GET", "HEAD"):
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(
                iri_to_uri(composed) + (f"?{query}" if query else "")
            )
        return self.get_response(request)


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
            and not {settings.SESSION_COOKIE_NAME, "messages"} & request.COOKIES.keys()
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
