"""WordPress's query-string addresses (`/?p=12`, `/?page_id=3`, `/?cat=5`…) answered with their
imported redirect.

Wagtail looks redirects up only when a page answers 404 (`news.middleware`), but these addresses
are on the home page, which answers 200 whatever the query. So a request carrying one of
WordPress's query keys is looked up first; every other request passes untouched, without a query.
The page cache is outside this middleware: a home page answered for such an address shows the
`redirects` content version, so a redirect added for it later is followed at once.
"""

from django.http import HttpResponsePermanentRedirect
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

from headline.core import freshness
from headline.news.middleware import leads_to_live_page

from .signals import REDIRECTS

# The query keys WordPress's own addresses use (plain permalinks and archives).
WORDPRESS_KEYS = {"p", "page_id", "attachment_id", "cat", "tag", "author"}


class WordPressQueryRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and WORDPRESS_KEYS.intersection(request.GET):
            full_path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
            redirect = get_redirect(request, full_path)
            if redirect is not None and redirect.link and leads_to_live_page(redirect):
                return HttpResponsePermanentRedirect(redirect.link)
            freshness.declare(request, REDIRECTS)
        return self.get_response(request)
