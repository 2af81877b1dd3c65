"""Gutenberg block markup (WordPress 5.0+) read as blocks, then written back as plain HTML.

A block is saved as HTML between comment delimiters: `<!-- wp:paragraph -->…<!-- /wp:paragraph
-->`, self-closing `<!-- wp:latest-posts {"postsToShow":3} /-->`, with optional JSON attributes
and a `namespace/` for blocks not from core (grammar documented in the block editor handbook,
https://developer.wordpress.org/block-editor/explanations/architecture/key-concepts/). Core
blocks save semantic HTML (`p`, `h2`, `blockquote` with `cite`, `figure` with `figcaption`,
`ul`, `table`), which the body converter reads like classic HTML; so every block — columns,
groups, plugin blocks — is kept by keeping its HTML, delimiters removed. Blocks that need care:
embeds (their address may live only in the attributes), classic blocks (WordPress applies its
paragraph rule to them), and dynamic blocks (latest posts, archives, calendars), which save no
HTML because WordPress builds them from its database on each view: they are counted, since
nothing of them can be carried over. A reusable block (`<!-- wp:block {"ref":12} /-->`) saves only
the ID of a `wp_block` item, whose content the export holds: it is put in its place.
"""

import html
import json
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from headline.core.text import clean_text

from .embeds import embed_html

# The start of a delimiter; the rest, up to the next `-->`, is `{json} ` and/or `/`.
_DELIMITER = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<namespace>[a-z][a-z0-9_-]*/)?(?P<name>[a-z][a-z0-9_-]*)\s+"
)
_REST = re.compile(r"(?P<attrs>\{.*\}\s+)?(?P<void>/)?", re.S)
# Blocks whose saved HTML is nothing by design: nothing to count as lost. (Other self-closing
# blocks with no HTML are dynamic, built by WordPress on each view; an empty block that is not
# self-closing was simply left empty.)
NOTHING_TO_SHOW = {"core/more", "core/nextpage", "core/separator", "core/spacer"}


@dataclass
class Block:
    """A block: its name (`core/paragraph`), attributes and, in order, its own HTML and its
    inner blocks. The document itself is a block named None whose HTML is classic content."""

    name: str | None
    attrs: dict = field(default_factory=dict)
    parts: list = field(default_factory=list)
    void: bool = False  # saved as one self-closing comment


def delimiters(text: str):
    """(start, end, closer, name, attributes, void) of each block delimiter in `text`, in
    order. Each `-->` is searched for once, however many unfinished delimiters come before it."""
    position, arrow = 0, -1
    while match := _DELIMITER.search(text, position):
        if arrow < match.end():
            arrow = text.find("-->", match.end())
            if arrow == -1:
                return
        rest = _REST.fullmatch(text, match.end(), arrow)
        position = match.end()
        if rest:
            position = arrow + 3
            name = (match["namespace"] or "core/") + match["name"]
            yield (match.start(), position, bool(match["closer"]), name,
                   _attributes(rest["attrs"]), bool(rest["void"]))  # fmt: skip


def has_blocks(text: str) -> bool:
    return next(delimiters(text), None) is not None


def parse(text: str) -> Block:
    """The block tree of `text`. Forgiving, as WordPress's parser is: a block left open ends
    with its parent (or the document), a closer that matches no open block is ignored, and
    attributes that are not a JSON object are dropped."""
    document = Block(None)
    open_blocks = [document]
    position = 0
    for start, end, closer, name, attrs, void in delimiters(text):
        if start > position:
            open_blocks[-1].parts.append(text[position:start])
        position = end
        if closer:
            names = [block.name for block in open_blocks]
            if name in names[1:]:
                del open_blocks[len(names) - 1 - names[::-1].index(name) :]
            continue
        block = Block(name, attrs, void=void)
        open_blocks[-1].parts.append(block)
        if not void:
            open_blocks.append(block)
    if position < len(text):
        open_blocks[-1].parts.append(text[position:])
    return document


def _attributes(raw):
    try:
        attrs = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return attrs if isinstance(attrs, dict) else {}


def to_html(
    text: str,
    classic: Callable[[str], str],
    unrendered: Counter,
    reusable: Mapping[str, str] = MappingProxyType({}),
) -> str:
    """Block content as one HTML document: classic stretches through `classic`, every block's
    HTML kept, embeds made sure of their address, reusable blocks replaced by their content
    (`reusable`: `wp_block` ID → its block markup); dynamic blocks counted in `unrendered`."""
    return _html(parse(text), classic, unrendered, reusable, ())


def _html(block: Block, classic, unrendered, reusable, inside) -> str:
    """`inside`: the reusable blocks being expanded, so one that includes itself stops."""
    out = []
    for part in block.parts:
        if isinstance(part, str):
            out.append(classic(part) if block.name in (None, "core/freeform") else part)
            continue
        ref = str(part.attrs.get("ref", "")) if part.name == "core/block" else ""
        if ref in inside:
            continue  # shown inside itself: WordPress too shows it once
        if ref in reusable:
            shared = parse(clean_text(reusable[ref]))
            inner = _html(shared, classic, unrendered, reusable, (*inside, ref))
        else:
            inner = _html(part, classic, unrendered, reusable, inside)
        url = part.attrs.get("url")
        if _is_embed(part.name) and isinstance(url, str) and url not in html.unescape(inner):
            inner = embed_html(url) + inner
        if part.void and not inner.strip() and part.name not in NOTHING_TO_SHOW:
            unrendered[part.name] += 1
        out.append(f"\n{inner}\n")
    return "".join(out)


def _is_embed(name):
    return name == "core/embed" or name.startswith("core-embed/")
