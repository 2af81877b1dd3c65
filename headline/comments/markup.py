"""Turn a comment's plain text into safe HTML, and its author's name into an avatar.

Comments are plain text: blank lines make paragraphs, single line breaks stay line breaks and
http(s) addresses become links marked rel="nofollow ugc noopener". Everything else is escaped,
so no input can add markup, run script or make the page load anything from elsewhere. Avatars
are drawn here as inline SVG from the name's initials and a colour keyed to a hash of the
address, so no avatar host ever learns who reads or writes.
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

LINK_RELS = "nofollow ugc noopener"
# What counts as a link for the max-links rule: linked addresses and bare www. names alike
# (a www. right after "://" or inside a name is part of a link already counted).
LINK_LIKE = re.compile(r"https?://|(?<![\w./])www\.", re.IGNORECASE)
_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\""
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def count_links(text):
    return len(LINK_LIKE.findall(text))


def _linkify(text):
    pieces = []
    position = 0
    for match in _URL.finditer(text):
        url = match.group().rstrip(_TRAILING)
        end = match.start() + len(url)
        pieces.append(escape(text[position : match.start()]))
        pieces.append(format_html('<a href="{}" rel="{}">{}</a>', url, LINK_RELS, url))
        position = end
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def render_body(text):
    """Plain text to paragraphs of escaped text and links."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [p for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    html = "".join(f"<p>{_linkify(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    return mark_safe(html)


def initials(name):
    letters = [word[0] for word in name.split() if word[:1].isalnum()]
    if not letters:
        return "?"
    return (letters[0] + (letters[-1] if len(letters) > 1 else "")).upper()


def avatar_svg(name, digest):
    """An inline SVG disc with the author's initials; `digest` is a hex keyed hash, never an address."""
    hue = int(digest[:6], 16) % 360
    return format_html(
        '<svg class="avatar" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" '
        'focusable="false"><circle cx="20" cy="20" r="20" fill="hsl({} 45% 38%)"/>'
        '<text x="20" y="25.5" text-anchor="middle" font-size="15" fill="#fff">{}</text></svg>',
        hue,
        initials(name),
    )
