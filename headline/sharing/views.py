"""The Mastodon share step (ask the reader which server they use, then send them to its share
page), and the favicon and web app manifest that browsers and sharing previews fetch at fixed
addresses at the site root.
"""

import re

import idna
from csp.constants import HEADER
from csp.utils import build_policy
from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from headline.core.models import SiteIdentity

from .links import encode_query

THEME_COLOR = "#a3121b"
APP_ICONS = [("brand/icon-192.png", "192x192"), ("brand/icon-512.png", "512x512")]
DAY = 60 * 60 * 24

# One DNS label of a host name, as RFC 1123 allows it (letters, digits, inner hyphens).
LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
# What a reader may type: the host, with https:// and a trailing slash if they like, or their
# handle (@name@host). Anything else (a port, a path, a query, URL userinfo) is refused.
TYPED = re.compile(r"(?:https?://)?(?P<host>[^/?#@:\\\s]+)/?|@?\w+@(?P<handle_host>[^/?#@:\\\s]+)")


def mastodon_host(value):
    """The Mastodon server's host name in `value`, in ASCII (IDNA 2008 / UTS 46), or None.

    `value` is what the reader typed: `mastodon.social`, `https://Mastodon.Social/`,
    `@me@mastodon.social` (or `me@…`) or an internationalised name (`bücher.example` →
    `xn--bcher-kva.example`). A name must have at least two labels of letters, digits and inner
    hyphens (RFC 1123), at most 253 characters, and a top-level label that is not all digits, so
    no IP address, port, path, query or userinfo ever reaches the redirect.
    """
    match = TYPED.fullmatch(value.strip())
    if match is None:
        return None
    try:
        host = idna.encode(match["host"] or match["handle_host"], uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return None
    labels = host.split(".")
    if (
        len(host) > 253
        or len(labels) < 2
        or labels[-1].isdigit()
        or not all(LABEL.fullmatch(label) for label in labels)
    ):
        return None
    return host


@csrf_exempt  # a redirect to a server the reader names; nothing is stored, the page stays cacheable
@require_http_methods(["GET", "HEAD", "POST"])
def mastodon_share(request):
    """Ask which Mastodon server the reader uses (GET), then send them to its share page (POST).

    Only the form's submission redirects, and always to `https://<host>/share`, the path Mastodon
    serves its share page at, with the text as its one parameter. The form carries no CSRF token:
    a forged submission could only send its own visitor to a share page of the forger's choosing,
    which a plain link does too, and a token would make the page private to each reader.
    """
    data = request.POST if request.method == "POST" else request.GET
    text = data.get("text", "")[:1000]
    typed = data.get("instance", "")
    host = mastodon_host(typed) if typed else None
    if request.method == "POST" and host:
        return HttpResponseRedirect(f"https://{host}/share?" + encode_query({"text": text}))
    error = None
    if (typed or request.method == "POST") and not host:
        error = "Enter your Mastodon server's address, for example mastodon.social."
    response = render(
        request,
        "sharing/mastodon.html",
        {"text": text, "error": error, "instance": typed[:253]},
        status=400 if error else 200,
    )
    # Browsers hold a form's redirect to the page's form-action: this one leads to any server.
    response[HEADER] = build_policy(update={"form-action": ["https:"]})
    return response


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
