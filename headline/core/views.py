"""Uploaded images served by the app itself, for a single-box install (SERVE_MEDIA=1).

Behind a CDN or with object storage, /media/ is served there instead and this stays off.
"""

import errno

from django.conf import settings
from django.http import Http404
from django.views.static import serve


def media(request, path):
    # Read the setting per request so MEDIA_ROOT can change without reloading URLs.
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:
        # A name longer than the file system allows names no file; other errors are the server's.
        if error.errno != errno.ENAMETOOLONG:
            raise
        raise Http404("No such file.") from error
