"""WordPress shortcodes: the ones a news body needs become HTML, the others stay as text.

The grammar is WordPress's (https://codex.wordpress.org/Shortcode_API): `[name attrs]`,
self-closing `[name attrs /]`, enclosing `[name attrs]content[/name]`, and `[[name]]` for a
shortcode written out literally. Attributes are `key="value"`, `key='value'`, `key=value` or a
bare positional value; keys are case-insensitive. Like WordPress, an enclosing shortcode's content
ends at the first closing tag of the same name, and a handler expands shortcodes nested in it.

The HTML written here is the markup WordPress itself writes for these shortcodes (a `figure` with
`figcaption` for `[caption]`, a gallery `figure`, the embed block's wrapper), so one converter
turns Gutenberg and classic content into body blocks. An unknown shortcode would print as text
on the WordPress site too (WordPress only expands names a plugin registered): it is left as
written and counted, so the import report can say which plugins the content relied on.
"""

import html
import re
from collections import Counter
from collections.abc import Sequence

from .embeds import embed_html

# key="v" | key='v' | key=v | "v" | 'v' | v, each followed by a space or the end.
_ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)"""
    r"""|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)"""
    r"""|"([^"]*)"(?:\s|$)"""
    r"""|'([^']*)'(?:\s|$)"""
    r"""|(\S+)(?:\s|$)"""
)
# Any shortcode-shaped token left after expansion, for the count of unknown ones.
_ANY = re.compile(r"(?<!\[)\[([A-Za-z][\w-]*)(?![\w-])(?:\s[^\[\]]*)?/?\](?!\])")

AUDIO_EXTENSIONS = ("src", "mp3", "m4a", "ogg", "wav", "wma")
VIDEO_EXTENSIONS = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv")


def opening(names: Sequence[str]) -> re.Pattern:
    """An opening shortcode tag of one of `names`, as WordPress's pattern reads it: group 1 is
    the extra `[` of an escaped `[[name]]`, 2 the name, 3 the attributes, 4 the closing slash of
    a self-closing one. The content of an enclosing one runs to the first `[/name]` after it
    (found by `Shortcodes.closer`, so each closing tag is searched for once, not once for each
    opening tag before it)."""
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(
        r"\[(\[?)(" + alternatives + r")(?![\w-])([^\]/]*+(?:/(?!\])[^\]/]*+)*+)(/?)\]"
    )


def attributes(text: str) -> dict:
    """`key="value" other` → {"key": "value", 0: "other"}: named keys lowercased, positional
    values numbered from 0, as WordPress's `shortcode_parse_atts` does."""
    text = re.sub(r"[\u00a0\u200b]", " ", text)
    found, position = {}, 0
    for match in _ATTRIBUTE.finditer(text):
        key, value = next(
            ((match[i].lower(), match[i + 1]) for i in (1, 3, 5) if match[i] is not None),
            (None, None),
        )
        if key is None:
            value = next(match[i] for i in (7, 8, 9) if match[i] is not None)
            key, position = position, position + 1
        found[key] = value
    return found


class Shortcodes:
    """Expands the shortcodes of one post's content.

    `site_url` makes attachment references (`?attachment_id=N`, which the importer's media
    lookup resolves); `attachments` are the IDs of the files attached to the post, in order,
    which a `[gallery]` without `ids` shows. `unknown` counts the names left as text.
    """

    def __init__(self, *, site_url: str, attachments: Sequence[int] = ()):
        self.site_url = site_url.rstrip("/")
        self.attachments = list(attachments)
        self.unknown = Counter()
        self.handlers = {
            "caption": self.caption,
            "wp_caption": self.caption,
            "gallery": self.gallery,
            "embed": self.embed,
            "audio": self.audio,
            "video": self.video,
        }
        self.opening = opening(list(self.handlers))

    def expand(self, text: str) -> str:
        """`text` with known shortcodes turned into HTML and unknown ones counted."""
        out, start, closers = [], 0, {}
        while match := self.opening.search(text, start):
            self.count_unknown(text[start : match.start()])
            out.append(text[start : match.start()])
            name, end, content = match[2], match.end(), ""
            if not match[4]:
                closer = self.closer(text, name, end, closers)
                if closer >= 0:
                    content, end = text[end:closer], closer + len(name) + 3
            left = match[1]
            right = "]" if text.startswith("]", end) and left else ""
            start = end + len(right)
            if left and right:  # [[name]]: the shortcode written out
                out.append(text[match.start() + 1 : end])
            else:
                out.append(left + self.handlers[name](attributes(match[3]), content))
        self.count_unknown(text[start:])
        out.append(text[start:])
        return "".join(out)

    @staticmethod
    def closer(text, name, position, found) -> int:
        """Where the first `[/name]` at or after `position` starts, or -1; `found` remembers
        each name's last answer, so a text is searched through once per name."""
        last = found.get(name)
        if last is None or (last != -1 and last < position):
            last = found[name] = text.find(f"[/{name}]", position)
        return last

    def count_unknown(self, text: str) -> None:
        self.unknown.update(match[1].lower() for match in _ANY.finditer(text))

    def attachment_url(self, attachment_id) -> str:
        return f"{self.site_url}/?attachment_id={attachment_id}"

    def caption(self, attrs, content):
        """An image with its caption, from the `caption` attribute or (WordPress 3.4+) the text
        after the image; content without an image is kept as it is."""
        content = self.expand(content)
        match = re.match(
            r"\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*</a>)?)(.*)$", content, re.S | re.I
        )
        if not match:
            return content
        caption = attrs.get("caption") or match[2].strip()
        return f'<figure class="wp-caption">{match[1]}<figcaption>{caption}</figcaption></figure>'

    def gallery(self, attrs, content):
        """The images of `ids` (or `include`), else every image attached to the post but those in
        `exclude`; each one refers to its attachment, whose caption the gallery shows."""
        listed = _ids(attrs.get("ids") or attrs.get("include") or "")
        excluded = set(_ids(attrs.get("exclude") or ""))
        ids = listed or [i for i in self.attachments if i not in excluded]
        items = "".join(
            f'<figure><img src="{html.escape(self.attachment_url(i))}"></figure>' for i in ids
        )
        return f'<figure class="wp-block-gallery">{items}</figure>'

    def embed(self, attrs, content):
        return embed_html(html.unescape(content.strip()))

    def audio(self, attrs, content):
        return _media("audio", attrs, AUDIO_EXTENSIONS)

    def video(self, attrs, content):
        return _media("video", attrs, VIDEO_EXTENSIONS)


def _ids(text):
    return [int(part) for part in re.findall(r"\d+", text)]


def _media(tag, attrs, keys):
    """An audio or video player's file: its `src`, a per-format key (`mp3=…`) or, as written
    in older posts, the address as the first positional value."""
    src = next((attrs[key] for key in (*keys, 0) if attrs.get(key)), "")
    return f'<{tag} src="{html.escape(html.unescape(src))}"></{tag}>' if src else ""
