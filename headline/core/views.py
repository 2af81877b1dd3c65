"""Uploaded images served by the app itself, for a single-box install (SERVE_MEDIA=1).

Behind a CDN or with object storage, /media/ is served there instead and this stays off.
"""

from django.conf import settings
from django.views.static import serve


def media(request, path):
    # Read the setting per request so MEDIA_ROOT can change without reloading URLs.
    return serve(request, path, document_root=settings.MEDIA_ROOT)
