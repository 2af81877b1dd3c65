"""A WordPress comment's HTML as the plain text Headline's comments are.

WordPress lets commenters use a little HTML (`a`, `b`, `blockquote`, `cite`, `code`, `em`, `q`,
`strong` and a few more: `$allowedtags` in wp-includes/kses.php) and stores it as written, with
line breaks for paragraphs. Headline's comments are plain text (`headline.comments.markup`: blank
lines make paragraphs, addresses become links), so the tags go and what they meant stays: a
link's address after its words, an image's description and address, a quotation in quotation
marks, a block on its own paragraph. The markup is read by the importer's sanitizer first
(`sanitize.tree`: nh3, as a browser reads broken HTML), so nothing unsafe reaches the text.
"""

import re

from .sanitize import CONTAINERS, STRUCTURE, tree

BLOCKS = (CONTAINERS | STRUCTURE) - {"img", "cite"}
WEB = ("http://", "https://")
_BLANK_LINES = re.compile(r"[ \t]*(?:\n[ \t]*){2,}")


def comment_text(markup: str) -> str:
    """`markup` (a WordPress comment's content) as plain text, paragraphs kept."""
    markup = markup or ""
    if "<" not in markup and "&" not in markup:
        # No tag and no entity, as most comments: nothing to read (50,000 comments: 30 s less).
        lines = markup.replace("\r\n", "\n").replace("\r", "\n")  # as an HTML parser reads them
        return _BLANK_LINES.sub("\n\n", lines).strip()
    pieces = []
    _walk(tree(markup), pieces)
    return _BLANK_LINES.sub("\n\n", "".join(pieces)).strip()


def _walk(element, pieces):
    tag = element.tag
    if tag in BLOCKS:
        pieces.append("\n\n")
    if tag == "br":
        pieces.append("\n")
    elif tag == "img":
        pieces.append(_described(element.get("alt", "").strip(), element.get("src", "")))
    elif tag == "a":
        inner = []
        _inside(element, inner)
        pieces.append(_described("".join(inner).strip(), element.get("href", "")))
    else:
        quote = tag == "q"
        pieces.append("“" if quote else "")
        _inside(element, pieces)
        pieces.append("”" if quote else "")
    if tag in BLOCKS:
        pieces.append("\n\n")
    pieces.append(element.tail or "")


def _inside(element, pieces):
    pieces.append(element.text or "")
    for child in element:
        _walk(child, pieces)


def _described(words, address):
    """Words with the web address they point at, which the comment shows as a link."""
    address = address.strip()
    if not address.startswith(WEB) or address == words:
        return words or address if address.startswith(WEB) else words
    return f"{words} ({address})" if words else address
