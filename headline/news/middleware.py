"""Wagtail's redirects, followed only to a page a reader can open, and for what lives below it.

Wagtail answers a 404 with the redirect stored for that address. One that points at an unpublished
(or expired) page would send readers and crawlers from an old address to a 404, and from the page's
own address back to itself. Such a redirect is kept, so it works again once the page is
republished, but not followed: the old address answers 404 like the page's own.

Redirects are stored for page addresses only, yet feeds live below them (`/<section>/feed/`,
`/<section>/<slug>/comments/feed/`): when no redirect matches an address, the nearest address above
it that redirects to a live page takes the rest of the path along, so a renamed section keeps its
subscribers.
"""

from urllib.parse import urlparse

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import Resolver404, resolve
from django.utils.encoding import iri_to_uri, uri_to_iri
from wagtail.contrib.redirects.middleware import RedirectMiddleware, get_redirect
from wagtail.contrib.redirects.models import Redirect


class LiveRedirectMiddleware(RedirectMiddleware):
    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        # As Wagtail looks it up: the full path with its query, then the path alone.
        full_path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
        redirect = get_redirect(request, full_path)
        path = urlparse(full_path).path
        if redirect is None and path != full_path:
            redirect = get_redirect(request, path)
        if redirect is None:
            redirect, link = redirect_from_above(request)
        elif redirect.link is not None and leads_to_live_page(redirect):
            link = redirect.link
        else:
            return response
        if link is None:
            return response
        if redirect.is_permanent:
            return HttpResponsePermanentRedirect(link)
        return HttpResponseRedirect(link)


def leads_to_live_page(redirect):
    return redirect.redirect_page_id is None or redirect.redirect_page.live


def redirect_from_above(request):
    """The nearest redirect to a live page from an address above the request's, and where the
    request's address moved with it; (None, None) when there is none. Only routes of their own (feeds) move along: a page
    below has redirects of its own, and one without was deleted, so it stays a 404."""
    path = request.path
    segments = path.strip("/").split("/")
    for depth in range(len(segments) - 1, 0, -1):
        redirect = get_redirect(request, iri_to_uri("/" + "/".join(segments[:depth])))
        if redirect is not None and redirect.redirect_page_id and redirect.redirect_page.live:
            rest = "/".join(segments[depth:]) + ("/" if path.endswith("/") else "")
            target = redirect.link.rstrip("/") + "/" + rest
            try:
                route = resolve(uri_to_iri(urlparse(target).path))
            except Resolver404:
                return None, None
            if route.url_name == "wagtail_serve":
                return None, None
            return redirect, iri_to_uri(target)
    return None, None
