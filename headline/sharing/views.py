"""The Mastodon share step (ask the reader which server they use, then send them to its share
page), and the favicon and web app manifest that browsers and sharing previews fetch at fixed
addresses at the site root.
"""

import re

from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from headline.core.models import SiteIdentity

from .links import encode_query

THEME_COLOR = "#a3121b"
APP_ICONS = [("brand/icon-192.png", "192x192"), ("brand/icon-512.png", "512x512")]
DAY = 60 * 60 * 24

# A bare host name such as mastodon.social or social.example.org:8443; nothing that could carry a path.
INSTANCE = re.compile(
    r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?$"
)


def normalise_instance(value):
    value = value.strip().lower()
    value = re.sub(r"^https?://", "", value).rstrip("/")
    value = value.split("@")[-1]  # accept "@me@mastodon.social"
    return value if INSTANCE.match(value) else None


def mastodon_share(request):
    text = request.GET.get("text", "")[:1000]
    error = None
    if "instance" in request.GET:
        instance = normalise_instance(request.GET["instance"])
        if instance:
            return HttpResponseRedirect(f"https://{instance}/share?" + encode_query({"text": text}))
        error = "Enter your Mastodon server's address, for example mastodon.social."
    return render(
        request,
        "sharing/mastodon.html",
        {
            "text": text,
            "error": error,
            "instance": request.GET.get("instance", "")[:253],
        },
        status=400 if error else 200,
    )


@require_safe
@cache_control(public=True, max_age=DAY)
def manifest(request):
    """The web app manifest; the name follows the Site identity settings, so a rename needs no deploy."""
    identity = SiteIdentity.for_request(request)
    icons = [
        {"src": static(path), "sizes": sizes, "type": "image/png", "purpose": "any"}
        for path, sizes in APP_ICONS
    ]
    icons.append({"src": static("brand/icon.svg"), "sizes": "any", "type": "image/svg+xml"})
    data = {
        "name": identity.name,
        "short_name": identity.name[:12],
        "description": identity.description,
        "lang": identity.language,
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": icons,
    }
    return JsonResponse(data, content_type="application/manifest+json")


@require_safe
@cache_control(public=True, max_age=DAY)
def favicon(request):
    """Browsers fetch /favicon.ico whatever the page links to; serve the file itself."""
    path = finders.find("brand/favicon.ico")
    if path is None:
        raise Http404("The favicon is missing from static/brand/.")
    return FileResponse(open(path, "rb"), content_type="image/x-icon")
