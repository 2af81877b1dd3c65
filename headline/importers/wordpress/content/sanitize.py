"""Kept HTML made safe, then read as a tree.

Everything a post holds passes nh3 (ammonia, over html5ever: the HTML5 parsing algorithm, so
broken, unclosed and misnested tags, entities and comments are read as a browser reads them)
with an allowlist of the elements the body converter understands and the attributes it reads.
Scripts, styles and their content, event handlers, `style`, and any URL whose scheme is not
http(s), mailto or tel (`javascript:`, `data:`, `vbscript:`, however encoded) are gone before
the converter sees the markup; other elements are unwrapped with their text kept.
"""

from html.parser import HTMLParser
from xml.etree.ElementTree import Element, SubElement

import nh3

CONTAINERS = {
    "div", "section", "article", "aside", "header", "footer", "main", "nav", "details",
    "summary", "address", "center", "figcaption", "caption", "li", "dt", "dd", "thead", "tbody",
    "tfoot", "tr", "td", "th", "p",
}  # fmt: skip
STRUCTURE = {
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "cite", "ul", "ol", "dl", "table",
    "figure", "img", "hr", "pre", "iframe", "video", "audio", "source",
}  # fmt: skip
INLINE = {
    "a", "b", "strong", "i", "em", "sup", "sub", "s", "del", "strike", "q", "br", "code",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt"},
    "figure": {"class"},
    "div": {"class"},
    "ol": {"start", "reversed"},
    "td": {"colspan"},
    "th": {"colspan"},
    "iframe": {"src"},
    "video": {"src"},
    "audio": {"src"},
    "source": {"src"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_VOID = {"br", "img", "hr", "source", "wbr", "col", "area", "embed", "input", "track"}
# Elements nested deeper than this give their text to the one around them: real posts nest a
# dozen levels; thousands (a paste gone wrong, or an attack) would exhaust Python's recursion.
MAX_DEPTH = 60


def clean(markup: str) -> str:
    """`markup` with only the allowed elements, attributes and URL schemes; no comments."""
    return nh3.clean(
        markup,
        tags=CONTAINERS | STRUCTURE | INLINE,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def tree(markup: str) -> Element:
    """`markup`, cleaned, as an element tree under a `body` element (text in `.text`/`.tail`,
    entities decoded)."""
    builder = _TreeBuilder()
    builder.feed(clean(markup))
    builder.close()
    return builder.root


class _TreeBuilder(HTMLParser):
    """Builds the tree of nh3's output, which is well formed: every element closed in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("body")
        self.open = [self.root]
        self.flattened = []  # elements left out for depth, still open

    def handle_starttag(self, tag, attrs):
        if len(self.open) > MAX_DEPTH:
            if tag not in _VOID:
                self.flattened.append(tag)
            return
        element = SubElement(self.open[-1], tag, {name: value or "" for name, value in attrs})
        if tag not in _VOID:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        if len(self.open) <= MAX_DEPTH:
            SubElement(self.open[-1], tag, {name: value or "" for name, value in attrs})

    def handle_endtag(self, tag):
        if self.flattened and self.flattened[-1] == tag:
            self.flattened.pop()
            return
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        parent = self.open[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data
