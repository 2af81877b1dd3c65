"""Addresses in decomposed Unicode lead to the composed ones the site stores.

Slugs are stored in NFC (`core.text.clean_text`), but an address can arrive decomposed (NFD), as
macOS file names, some keyboards and copy-paste give it: `/tags/zu%CC%88rich/` for `Zürich`. Such a
GET or HEAD is answered with a permanent redirect to the composed address, query kept, so every
route, feed and page finds its object under either spelling.
"""

import unicodedata

from django.http import HttpResponsePermanentRedirect
from django.utils.encoding import iri_to_uri


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
