"""Demo stories as data, and the small text format their bodies are written in.

A body is plain text in blocks separated by blank lines, so the stories read like copy rather
than code. A block starting with `## ` is a subheading, `> ` a quote (its last line, after `-- `,
the attribution), `- ` or `1. ` a list, `[image] ` a picture with the rest as its caption,
`[facts] ` a fact box (the title, then `- ` items), `[table] ` a table (the caption, then rows
with cells between `|`, the first row its header); any other block is a paragraph.
`parse_body` turns that into article body blocks, leaving the pictures for the loader to draw.
"""

import html
import re
from dataclasses import dataclass

from headline.news.blocks import list_html


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    standfirst: str
    days_ago: float
    authors: tuple
    tags: tuple
    body: str
    lead: str = ""  # caption of the lead picture; an article without one has no lead image
    extra_sections: tuple = ()
    top_story: bool = False


@dataclass(frozen=True)
class Storyline:
    section: str
    tags: tuple  # carried by every article of the storyline
    articles: tuple


@dataclass(frozen=True)
class Picture:
    """A body image still to be drawn; the loader swaps it for an image block."""

    caption: str


_ORDERED_ITEM = re.compile(r"^\d+\. ")


def _paragraph(text):
    return {"type": "paragraph", "value": f"<p>{html.escape(' '.join(text.split()))}</p>"}


def _quote(lines):
    attribution = ""
    if lines[-1].startswith("-- "):
        attribution = lines.pop()[3:].strip()
    text = " ".join(line.removeprefix("> ").strip() for line in lines)
    return {
        "type": "quote",
        "value": {"text": f"<p>{html.escape(text)}</p>", "attribution": attribution},
    }


def _list(lines, ordered):
    items = [_ORDERED_ITEM.sub("", line) if ordered else line[2:] for line in lines]
    return {"type": "list", "value": list_html([item.strip() for item in items], ordered)}


def _fact_box(title, lines):
    body = list_html([line[2:].strip() for line in lines])
    return {"type": "fact_box", "value": {"title": title, "body": body}}


def _table(caption, lines):
    """A table as the admin's grid stores it, the first row its header."""
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
    return {
        "type": "table",
        "value": {
            "data": rows,
            "table_caption": caption,
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
        },
    }


def parse_body(text):
    """Body blocks for `text`; pictures come back as `Picture` for the loader to draw."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in chunk.strip().splitlines()]
        first = lines[0]
        if first.startswith("## "):
            blocks.append({"type": "subheading", "value": first[3:].strip()})
        elif first.startswith("> "):
            blocks.append(_quote(lines))
        elif first.startswith("- "):
            blocks.append(_list(lines, ordered=False))
        elif _ORDERED_ITEM.match(first):
            blocks.append(_list(lines, ordered=True))
        elif first.startswith("[facts] "):
            blocks.append(_fact_box(first[len("[facts] ") :].strip(), lines[1:]))
        elif first.startswith("[table] "):
            blocks.append(_table(first[len("[table] ") :].strip(), lines[1:]))
        elif first.startswith("[image] "):
            blocks.append(Picture(" ".join(lines)[len("[image] ") :].strip()))
        else:
            blocks.append(_paragraph(chunk))
    return blocks
