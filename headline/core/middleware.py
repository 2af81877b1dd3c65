"""Core middleware: composed addresses, content versions read once per request, and the
request's site found without a query.

Addresses in decomposed Unicode lead to the composed ones the site stores.

Slugs are stored in NFC (`core.text.clean_text`), but an address can arrive decomposed (NFD), as
macOS file names, some keyboards and copy-paste give it: `/tags/zu%CC%88rich/` for `Zürich`. Such a
GET or HEAD is answered with a permanent redirect to the composed address, query kept, so every
route, feed and page finds its object under either spelling.
"""

import unicodedata

from django.http import HttpResponsePermanentRedirect
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
