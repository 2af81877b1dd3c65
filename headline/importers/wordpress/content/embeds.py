"""Which addresses become embed blocks: those a configured oEmbed provider serves.

WordPress turns an address standing alone on its line into an embed when a provider serves it,
and into a plain link when none does (its auto-embeds, `WP_Embed::autoembed`). Headline's embed
block takes only addresses one of `WAGTAILEMBEDS_FINDERS` serves; `embeddable` asks the finders'
own URL patterns, so deciding never makes a request.
"""

import html
import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from wagtail.embeds.finders import get_finders

# An http(s) address alone on its line, as WordPress's auto-embed finds it.
_BARE_URL_LINE = re.compile(r'^[ \t]*(https?://[^\s<>"]+)[ \t]*$', re.M | re.I)


# YouTube's player address, as pasted in a frame, and the video's own address its oEmbed takes.
_YOUTUBE_PLAYER = re.compile(
    r"^(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]{6,})", re.I
)


def from_player(src: str) -> str:
    """The post's own address for a player frame's `src` (YouTube's `/embed/ID` → `watch?v=ID`);
    other addresses as they are."""
    match = _YOUTUBE_PLAYER.match(src)
    return f"https://www.youtube.com/watch?v={match[1]}" if match else src


def embeddable(url: str) -> bool:
    """Whether `url` is a valid address that a configured embed finder accepts."""
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return False
    return any(finder.accept(url) for finder in get_finders())


def embed_html(url: str) -> str:
    """The markup of WordPress's embed block for `url` (what the body converter reads back)."""
    url = html.escape(url)
    return (
        f'<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">{url}</div></figure>'
    )


def autoembed(text: str) -> str:
    """Classic content with each address alone on its line made an embed, or a link when no
    provider serves it. Entities in the address (`&amp;`) are decoded first, as written in HTML."""

    def replace(match):
        url = html.unescape(match[1])
        if embeddable(url):
            return f"\n{embed_html(url)}\n"
        return f'<a href="{html.escape(url)}">{html.escape(url)}</a>'

    return _BARE_URL_LINE.sub(replace, text)
