"""The 404 page, and uploaded images served by the app itself for a single-box install
(SERVE_MEDIA=1; behind a CDN or with object storage, /media/ is served there instead)."""

import errno

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token
from django.views.static import serve

from .pagination import PastTheEnd


@requires_csrf_token
def not_found(request, exception):
    """Django's 404 page (`404.html`); a listing asked for past its end links its first page."""
    first_page = exception.first_page if isinstance(exception, PastTheEnd) else None
    return render(request, "404.html", {"first_page": first_page}, status=404)


def media(request, path):
    # Read the setting per request so MEDIA_ROOT can change without reloading URLs.
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:
        # A name longer than the file system allows names no file; other errors are the server's.
        if error.errno != errno.ENAMETOOLONG:
            raise
        raise Http404("No such file.") from error
