"""The Mastodon share step: ask the reader which server they use, then send them to its share page."""

import re

from django.http import HttpResponseRedirect
from django.shortcuts import render

from .links import encode_query

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
