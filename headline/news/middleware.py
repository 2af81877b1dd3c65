"""Wagtail's redirects, followed only to a page a reader can open.

Wagtail answers a 404 with the redirect stored for that address. One that points at an unpublished
(or expired) page would send readers and crawlers from an old address to a 404, and from the page's
own address back to itself. Such a redirect is kept, so it works again once the page is
republished, but not followed: the old address answers 404 like the page's own.
"""

from urllib.parse import urlparse

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
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
        if redirect is None or redirect.link is None:
            return response
        if redirect.redirect_page_id is not None and not redirect.redirect_page.live:
            return response
        if redirect.is_permanent:
            return HttpResponsePermanentRedirect(redirect.link)
        return HttpResponseRedirect(redirect.link)
