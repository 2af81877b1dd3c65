"""Embedded posts and videos: asked of their provider once, when an editor saves, never by readers.

Wagtail's embeds app finds the provider for an address and keeps its oEmbed answer (`Embed`:
title, author, provider, the provider's HTML). Here, on save, the provider's thumbnail is fetched
and stored as a Wagtail image (`EmbedPreview`), so a reader's page shows a local picture and makes
no request to another host. The provider's HTML is served only from our own address
(`news.views.embed_frame`), which the page loads into a frame after the reader clicks.
"""

import io
import logging
from html.parser import HTMLParser
from urllib.parse import urlsplit

import requests
from csp.utils import build_policy
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.embeds.embeds import get_embed, get_embed_hash
from wagtail.embeds.exceptions import EmbedException, EmbedUnsupportedProviderException
from wagtail.embeds.models import Embed
from wagtail.images.models import Image

from .embed_finders import needs_facebook_token
from .models import EmbedPreview

logger = logging.getLogger(__name__)

# A thumbnail bigger than this is not a thumbnail; the preview goes without a picture.
MAX_THUMBNAIL_BYTES = 10 * 1024 * 1024
THUMBNAIL_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
TIMEOUT = 10  # seconds, as Wagtail's oEmbed finder allows the provider


class SourceOrigins(HTMLParser):
    """Collects the origins (`https://host[:port]`) that an HTML fragment loads anything from."""

    ATTRIBUTES = frozenset({"src", "href", "poster", "data-src"})

    def __init__(self):
        super().__init__()
        self.origins = set()

    def handle_starttag(self, tag, attrs):
        if tag == "a":  # a link is followed by the reader, never loaded
            return
        for name, value in attrs:
            if name in self.ATTRIBUTES and value:
                parts = urlsplit(value.strip())
                if parts.scheme in ("http", "https") and parts.netloc:
                    self.origins.add(f"{parts.scheme}://{parts.netloc}")


def frame_policy(embed):
    """The Content-Security-Policy header value for the embed frame (`/embeds/<hash>/`).

    Only this frame may load the provider: on top of the site's policy
    (`settings.CONTENT_SECURITY_POLICY`), its scripts, frames, styles, pictures and media may come
    from the origins its stored HTML names (e.g. `https://www.youtube.com` for a YouTube player,
    `https://platform.twitter.com` for X's widget script), and styles may be inline, as providers'
    HTML writes them. The article page around it keeps `frame-src 'self'`; only our own pages may
    frame this one (`frame-ancestors 'self'`).
    """
    parser = SourceOrigins()
    parser.feed(embed.html)
    origins = sorted(parser.origins)
    return build_policy(
        update={
            directive: origins
            for directive in ("script-src", "frame-src", "img-src", "media-src", "connect-src")
        }
        | {"style-src": ["'unsafe-inline'", *origins]},
        replace={"frame-ancestors": ["'self'"]},
    )


def stored(urls):
    """{url: Embed} for the addresses an editor already saved, with previews, in one query."""
    hashes = {get_embed_hash(url): url for url in urls}
    if not hashes:
        return {}
    rows = Embed.objects.filter(hash__in=hashes).select_related("preview__image")
    return {hashes[row.hash]: row for row in rows}


def fetch(url):
    """The provider's answer for `url` (an `Embed`, with its `preview` stored), asking it if needed.

    Raises ValidationError with a message for the editor when no provider serves the address, or
    when the provider does not answer or refuses (a private or deleted post, a provider down).
    """
    try:
        embed = get_embed(url)
    except EmbedUnsupportedProviderException:
        if needs_facebook_token(url):
            raise ValidationError(
                "Instagram posts can be embedded only once the site has a Facebook app token "
                "(FACEBOOK_APP_ID and FACEBOOK_APP_SECRET): ask whoever runs Headline, or link "
                "to the post in a paragraph."
            ) from None
        raise ValidationError(
            "No provider we know serves this address. Embeds take a post or video's own address "
            "on YouTube, Vimeo, X, Bluesky, Mastodon, TikTok and other oEmbed providers; for any other page, "
            "add a link in a paragraph."
        ) from None
    except (EmbedException, requests.RequestException, ValueError, KeyError) as error:
        logger.warning("oEmbed for %s failed: %s", url, error)
        raise ValidationError(
            "The provider did not answer for this address (the post may be private or deleted, "
            "or the provider down). Check the address and save again."
        ) from None
    preview, _ = EmbedPreview.objects.get_or_create(embed=embed)
    if preview.image is None and embed.thumbnail_url:
        preview.image = thumbnail(embed)
        if preview.image is not None:
            preview.save(update_fields=["image"])
    embed.preview = preview
    return embed


def thumbnail(embed):
    """The provider's thumbnail stored as a Wagtail image, or None when it cannot be had."""
    if urlsplit(embed.thumbnail_url).scheme not in ("http", "https"):
        return None
    try:
        with requests.get(embed.thumbnail_url, timeout=TIMEOUT, stream=True) as response:
            response.raise_for_status()
            data = io.BytesIO()
            for chunk in response.iter_content(64 * 1024):
                data.write(chunk)
                if data.tell() > MAX_THUMBNAIL_BYTES:
                    raise ValueError("thumbnail too large")
        with PILImage.open(data) as picture:
            extension = THUMBNAIL_FORMATS.get(picture.format)
            picture.verify()
    except (
        requests.RequestException,
        ValueError,
        OSError,
        SyntaxError,
        PILImage.DecompressionBombError,
    ) as error:
        logger.warning("Thumbnail for %s not stored: %s", embed.url, error)
        return None
    if extension is None:
        return None
    data.seek(0)
    title = f"Preview of {embed.title or embed.url}"[:255]
    return Image.objects.create(
        title=title, file=ImageFile(data, name=f"embed-{embed.hash}.{extension}")
    )
