"""A post's cleaned HTML tree → raw data for the article body (`news.blocks.ArticleBodyBlock`).

Reads the tree in document order. Text and inline markup gather into paragraphs, kept within
the paragraph's features (bold, italic, links, superscript, subscript, strikethrough, line
breaks; other inline elements give their text). Block-level elements become blocks:

- `h1`–`h6` → the post's highest heading level used (h1 counting as h2) → subheading, lower
  levels → minor subheading (or a bold paragraph when longer than a subheading holds or linked);
- `blockquote` → quote, its paragraphs with their inline markup and links, attribution from its
  `cite` (pull quotes alike);
- `ul`/`ol` → list, as rich text: items keep their inline markup and links, nested lists stay
  nested (a list whose items hold a heading, table, image or quote, or numbered otherwise than
  from 1 up, is written as paragraphs, numbered as WordPress showed it);
- `table` → table with its caption and header row or column (`th` cells or `thead`);
- an image → image block with its caption, figures of several images and WordPress galleries
  → gallery; an image no importer found (the `media` lookup said None) → a paragraph linking
  to its original address, so the reference still works; its URL is listed as missing;
- an embed figure, or an `iframe` whose address a provider serves → embed block; other frames,
  audio and video → a paragraph linking to the file;
- `pre` → a paragraph with its line breaks; `hr` (WordPress's separator) shows nothing.
Containers (`div`, `section`, columns, groups…) give their content. Plain-text fields never
lose a link or text: a caption or attribution holding a link, a quote holding a list or
heading, or text longer than the field takes, is written as paragraphs instead (list items
marked "•" or numbered).
"""

import html
import re
from collections import Counter
from collections.abc import Callable
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from .embeds import embeddable, from_player
from .media import MediaRef, attachment_id, is_upload
from .sanitize import CONTAINERS, STRUCTURE

SUBHEADING_MAX = 200  # news.blocks.ArticleBodyBlock.subheading max_length
CAPTION_MAX = 300  # CaptionedImageBlock and GalleryBlock caption max_length
ATTRIBUTION_MAX = 200  # QuoteBlock.attribution max_length
LISTS = ("ul", "ol")
MARKUP = {"b": "b", "strong": "b", "i": "i", "em": "i", "sup": "sup", "sub": "sub"}
MARKUP |= {"s": "s", "del": "s", "strike": "s"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCK_LEVEL = (STRUCTURE | CONTAINERS) - {"cite"}
_SPACES = re.compile(r"[ \t\n\r\f]+")
_EDGE_BREAKS = re.compile(r"^(?:\s|<br/>)+|(?:\s|<br/>)+$")
# Spaces just inside an inline tag, and around a line break.
_SPACE_IN_OPENING = re.compile(r"(<(?:a|b|i|s|sup|sub)\b[^>]*>) ")
_SPACE_IN_CLOSING = re.compile(r" (</(?:a|b|i|s|sup|sub)>)")


def plain(element, *, breaks=False, skip=()) -> str:
    """The visible text of `element`, spaces collapsed; `br` a line break when `breaks`, else a
    space; elements in `skip`, or whose tag is in it, left out (their tails kept)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "br":
            parts.append("\n" if breaks else " ")
        elif child.tag not in skip and child not in skip:
            parts.append(plain(child, breaks=breaks, skip=skip))
            if child.tag in ("p", "li", "div") and breaks:
                parts.append("\n\n")
        parts.append(child.tail or "")
    text = "".join(parts)
    if breaks:
        lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return _SPACES.sub(" ", text).strip()


def tidy(markup: str) -> str:
    """Paragraph markup with spaces moved out of inline tags, collapsed, and none around line
    breaks or at either end."""
    previous = None
    while previous != markup:
        previous = markup
        markup = _SPACE_IN_OPENING.sub(r" \1", markup)
        markup = _SPACE_IN_CLOSING.sub(r"\1 ", markup)
    markup = re.sub(" *<br/> *", "<br/>", re.sub("  +", " ", markup))
    return _EDGE_BREAKS.sub("", markup)


def has_words(markup: str) -> bool:
    """Whether paragraph markup shows any text once its tags are gone."""
    return bool(re.sub(r"<[^>]*>", "", markup).strip())


def has_structure(element) -> bool:
    """Whether `element` holds block-level content (which cannot sit inside one paragraph)."""
    return any(node.tag in BLOCK_LEVEL for node in element.iter() if node is not element)


def holds_structure(element, *allowed) -> bool:
    """Whether `element` holds a heading, list, table, image, frame… (other than `allowed`),
    which a plain-text field cannot carry."""
    kinds = STRUCTURE - {"cite", *allowed}
    return any(node.tag in kinds for node in element.iter() if node is not element)


def has_link(element) -> bool:
    return any(node.tag == "a" and node.get("href") for node in element.iter())


def classes(element) -> set:
    return set(element.get("class", "").split())


class BodyBuilder:
    """Collects the blocks of one body; `missing` lists the media addresses not found and
    `as_paragraphs` counts the quotes, lists, headings and captions written as paragraphs."""

    def __init__(self, media: Callable[[str], MediaRef | None], site_url: str):
        self.media = media
        self.site_url = site_url.rstrip("/") + "/"
        self.blocks = []
        self.missing = []
        self.as_paragraphs = Counter()
        self.inline = []
        self.marks = []  # inline markup open around the blocks being walked
        self.found = {}
        self.top_heading = "h2"

    # Paragraphs ------------------------------------------------------------------------------

    def flush(self):
        markup = tidy("".join(self.inline))
        self.inline = []
        for mark in reversed(self.marks):
            markup = f"<{mark}>{markup}</{mark}>" if markup else markup
        if has_words(markup):
            self.blocks.append({"type": "paragraph", "value": f"<p>{markup}</p>"})

    def paragraph(self, markup):
        self.flush()
        self.inline.append(markup)
        self.flush()

    def text(self, text, pre=False):
        escaped = html.escape(text if pre else _SPACES.sub(" ", text), quote=False)
        return escaped.replace("\n", "<br/>") if pre else escaped

    def inline_html(self, element, pre=False) -> str:
        """`element` as paragraph markup in Wagtail's rich text format."""
        inner = self.text(element.text or "", pre) + "".join(
            self.inline_html(child, pre) + self.text(child.tail or "", pre) for child in element
        )
        tag = element.tag
        if tag == "br":
            return "<br/>"
        if tag == "a" and element.get("href"):
            return f'<a href="{html.escape(self.link(element.get("href")))}">{inner}</a>'
        if tag == "q":
            return f"“{inner}”"
        if tag in MARKUP and inner.strip():
            return f"<{MARKUP[tag]}>{inner}</{MARKUP[tag]}>"
        return inner

    # The walk --------------------------------------------------------------------------------

    def build(self, root) -> list:
        # Posts start their outline at different levels (h2 in the block editor, h3 or h4 in
        # many classic themes): the highest one used is the subheading, the rest minor. An h1
        # in a post (the theme's title is the page's h1) counts as an h2.
        used = {"h2" if e.tag == "h1" else e.tag for e in root.iter() if e.tag in HEADINGS}
        self.top_heading = min(used, default="h2")
        self.walk(root)
        self.flush()
        return self.blocks

    def walk(self, element, skip=None):
        """Each child of `element` in order (but those tagged `skip`), with the text between."""
        self.inline.append(self.text(element.text or ""))
        for child in element:
            if child.tag != skip:
                self.node(child)
            self.inline.append(self.text(child.tail or ""))

    def node(self, element):
        tag = element.tag
        if tag not in STRUCTURE and not has_structure(element):
            if tag in CONTAINERS:  # a paragraph of its own
                self.paragraph(self.inline_html(element))
            else:
                self.inline.append(self.inline_html(element))
            return
        handler = self.handle_heading if tag in HEADINGS else getattr(self, f"handle_{tag}", None)
        if handler:
            self.flush()
            handler(element)
            self.flush()
        else:
            self.container(element)

    def container(self, element):
        """Content in order; inline markup around blocks (as HTML parsing leaves an unclosed
        `<b>` around the paragraphs after it) applies to each paragraph within."""
        self.flush()
        if element.tag in MARKUP:
            self.marks.append(MARKUP[element.tag])
        self.walk(element)
        self.flush()
        if element.tag in MARKUP:
            self.marks.pop()

    # Blocks ----------------------------------------------------------------------------------

    def handle_heading(self, element):
        text = plain(element)
        if has_structure(element):
            self.container(element)
        elif len(text) <= SUBHEADING_MAX and not has_link(element):
            if text:
                kind = "subheading" if element.tag <= self.top_heading else "minor_subheading"
                self.blocks.append({"type": kind, "value": text})
        else:
            self.as_paragraphs["heading"] += 1
            self.paragraph(f"<b>{self.inline_html(element)}</b>")

    def handle_blockquote(self, element, attribution_element=None):
        """A quote; its attribution is a closing `cite` or `footer` (alone in a paragraph, as
        WordPress's paragraph rule leaves it in classic posts), else `attribution_element`."""
        last = element[-1] if len(element) else None
        if (
            last is not None
            and last.tag == "p"
            and len(last) == 1
            and not plain(last, skip={"cite"})
        ):
            last = last[0]
            holder = element[-1]
        else:
            holder = last
        if last is not None and last.tag in ("cite", "footer") and not (last.tail or "").strip():
            attribution_element = last
        else:
            holder = None
        text = plain(element, breaks=True, skip={holder} if holder is not None else ())
        attribution = plain(attribution_element) if attribution_element is not None else ""
        simple = not holds_structure(element) and not (
            attribution_element is not None and has_link(attribution_element)
        )
        if simple and text and len(attribution) <= ATTRIBUTION_MAX:
            quoted = self.quote_paragraphs(element, holder)
            self.blocks.append(
                {"type": "quote", "value": {"text": quoted, "attribution": attribution}}
            )
            return
        if text:
            self.as_paragraphs["quote"] += 1
        self.walk(element)
        if attribution_element is not None and holder is None:
            self.paragraph(self.inline_html(attribution_element))

    def quote_paragraphs(self, element, holder):
        """The quote's text as rich text: each `p` (or `div`) a paragraph, loose text and
        inline markup between them one too; `holder` (the attribution's) left out."""
        paragraphs, inline = [], [self.text(element.text or "")]
        for child in element:
            if child is not holder and child.tag in ("p", "div"):
                paragraphs.append("".join(inline))
                paragraphs.append(self.inline_html(child))
                inline = []
            elif child is not holder:
                inline.append(self.inline_html(child))
            inline.append(self.text(child.tail or ""))
        paragraphs.append("".join(inline))
        kept = (tidy(p) for p in paragraphs)
        return "".join(f"<p>{p}</p>" for p in kept if has_words(p))

    def handle_cite(self, element):
        self.paragraph(self.inline_html(element))

    def handle_ul(self, element):
        if is_plain_list(element):
            if shown := self.list_html(element):
                self.blocks.append({"type": "list", "value": shown})
            return
        self.as_paragraphs["list"] += 1
        self.list_as_paragraphs(element, depth=0)

    def list_html(self, element) -> str:
        """A list whose items hold text, inline markup and lists (`is_plain_list`) as the list
        block's rich text, in document order with nested lists inside their items; items
        without words left out, and "" when none is left. Paragraphs within an item become line
        breaks."""
        items = []
        for li in element:
            shown, run = [], [self.text(li.text or "")]
            for child in li:
                if child.tag in LISTS:
                    shown += [_item_text(run), self.list_html(child)]
                    run = []
                elif child.tag in ("p", "div"):
                    run.append(f"<br/>{self.inline_html(child)}<br/>")
                else:
                    run.append(self.inline_html(child))
                run.append(self.text(child.tail or ""))
            if has_words(item := "".join(shown) + _item_text(run)):
                items.append(f"<li>{item}</li>")
        return f"<{element.tag}>{''.join(items)}</{element.tag}>" if items else ""

    handle_ol = handle_ul

    def list_as_paragraphs(self, element, depth):
        first, step = numbering(element)
        number = first - step
        for li in element:
            if li.tag != "li":
                self.node(li)
                continue
            number += step
            marker = f"{number}. " if element.tag == "ol" else "• "
            if not (li.text or "").strip() and len(li) and li[0].tag in STRUCTURE:
                marker = ""  # an item opening with an image or heading: no paragraph of "•"
            self.flush()
            self.inline.append("\u2003" * depth + marker + self.text(li.text or ""))
            for child in li:
                if child.tag in ("ul", "ol"):
                    self.flush()
                    self.list_as_paragraphs(child, depth + 1)
                else:
                    self.node(child)
                self.inline.append(self.text(child.tail or ""))
            self.flush()

    def handle_dl(self, element):
        for child in element:
            if child.tag == "dt" and not has_structure(child):
                self.paragraph(f"<b>{self.inline_html(child)}</b>")
            else:
                self.container(child)

    def handle_pre(self, element):
        if has_structure(element):
            self.container(element)
        else:
            self.paragraph(self.inline_html(element, pre=True).strip("\n"))

    def handle_hr(self, element):
        """A separator (`hr`, WordPress's separator block) shows no words: nothing to keep."""

    def handle_table(self, element, caption_element=None):
        rows, header_row, header_column = [], False, True
        for section in [element, *[c for c in element if c.tag in ("thead", "tbody", "tfoot")]]:
            for row in (c for c in section if c.tag == "tr"):
                cells = [c for c in row if c.tag in ("td", "th")]
                if not rows:
                    header_row = (
                        section.tag == "thead" or bool(cells) and all(c.tag == "th" for c in cells)
                    )
                elif not cells or cells[0].tag != "th":
                    header_column = False
                rows.append([text for cell in cells for text in self.cell_texts(cell)])
        captions = [c for c in element if c.tag == "caption"]
        caption_element = captions[0] if captions else caption_element
        caption = plain(caption_element) if caption_element is not None else ""
        width = max((len(row) for row in rows), default=0)
        if width:
            header_column = header_column and len(rows) > 1
            choice = {(True, True): "both", (True, False): "row", (False, True): "column"}
            self.blocks.append(
                {
                    "type": "table",
                    "value": {
                        "data": [row + [""] * (width - len(row)) for row in rows],
                        "cell": [],
                        "mergeCells": [],
                        "table_caption": caption,
                        "table_header_choice": choice.get((header_row, header_column), "neither"),
                        "first_row_is_table_header": header_row,
                        "first_col_is_header": header_column,
                    },
                }
            )
        elif caption:
            self.paragraph(self.text(caption))
        for image in element.iter("img"):
            self.image(image)

    def cell_texts(self, cell) -> list:
        """A cell's text, then an empty cell for each further column it spans."""
        span = cell.get("colspan", "1")
        return [self.cell_text(cell)] + [""] * (
            min(int(span), 50) - 1 if span.isascii() and span.isdigit() else 0
        )

    def cell_text(self, cell) -> str:
        """A cell's text; cells are plain text, so a link's address follows its words."""
        text = plain(cell, skip={"table"})
        for link in cell.iter("a"):
            href = link.get("href")
            if href and href not in text:
                text += f" ({self.link(href)})"
        return text

    def handle_figure(self, element):
        names = classes(element)
        captions = [child for child in element if child.tag == "figcaption"]
        caption = captions[-1] if captions else None
        images = [image for image in element.iter("img") if image.get("src")]
        wrapper = [d for d in element.iter("div") if "wp-block-embed__wrapper" in classes(d)]
        if (
            names & {"wp-block-embed", "wp-embed"}
            or wrapper
            or any(n.startswith("wp-block-embed-") for n in names)
        ):
            self.embed_url(plain(wrapper[0] if wrapper else element, skip={"figcaption"}))
            if caption is not None:
                self.paragraph(self.inline_html(caption))
        elif any("gallery" in name for name in names) or len(images) > 1:
            self.gallery(element, images, caption)
        elif element.find("table") is not None or element.find("blockquote") is not None:
            for child in element:
                if child.tag == "table":
                    self.handle_table(child, caption)
                elif child.tag == "blockquote":
                    cite = caption if child.find("cite") is None else None
                    self.handle_blockquote(child, cite)
                elif child is not caption:
                    self.node(child)
        elif len(images) == 1 and not _has_text_beside(element, images[0], caption):
            self.image(images[0], caption)
        else:
            self.container(element)

    def handle_img(self, element):
        self.image(element)

    def handle_iframe(self, element):
        src = from_player(element.get("src", ""))
        if src and embeddable(src):
            self.blocks.append({"type": "embed", "value": src})
        else:
            self.file_link(src)

    def handle_video(self, element):
        sources = [element.get("src")] + [s.get("src") for s in element.iter("source")]
        for src in dict.fromkeys(s for s in sources if s):
            self.file_link(src)
        self.walk(element, skip="source")

    handle_audio = handle_video

    def handle_source(self, element):
        self.file_link(element.get("src", ""))

    def embed_url(self, url):
        if embeddable(url):
            self.blocks.append({"type": "embed", "value": url})
        elif re.match(r"https?://", url, re.I):
            self.paragraph(f'<a href="{html.escape(url)}">{self.text(url)}</a>')
        elif url:
            self.paragraph(self.text(url))

    # Media -----------------------------------------------------------------------------------

    def lookup(self, url) -> MediaRef | None:
        address = self.absolute(url)
        if address not in self.found:
            self.found[address] = self.media(address)
            if self.found[address] is None and address not in self.missing:
                self.missing.append(address)
        return self.found[address]

    def absolute(self, url) -> str:
        """The address as the old site served it: where a file no importer found still is."""
        try:
            return urljoin(self.site_url, url)
        except ValueError:  # a host Python cannot read, such as a broken IPv6 address
            return url

    def link(self, href) -> str:
        """A link's address. A link to an uploaded file goes to where the importer put it (or,
        missing, to the old site); any other link into the old site becomes root-relative
        (`/2020/05/slug/`, `/?p=12`), so the importer's redirects answer it on Headline's
        domain; anchors and links elsewhere are kept as written."""
        address = self.absolute(href)
        if is_upload(address):
            found = self.lookup(href)
            return found.url if found and found.url else address
        if href.startswith("#") or not _same_site(address, self.site_url):
            return href
        parts = urlsplit(address)
        return urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment))

    def file_link(self, src):
        """A paragraph linking to a file or frame; an uploaded file is looked up (and may be
        missing), another address is linked as it is."""
        if not src:
            return
        found = self.lookup(src) if is_upload(self.absolute(src)) else None
        url = found.url if found and found.url else self.absolute(src)
        self.paragraph(f'<a href="{html.escape(url)}">{self.text(_file_name(src))}</a>')

    def image(self, element, caption_element=None):
        """An image block for a found image; otherwise a link to the file, so nothing is lost."""
        src = element.get("src", "")
        caption = plain(caption_element) if caption_element is not None else ""
        fits = _fits(caption_element, caption)
        found = self.lookup(src) if src else None
        if found is not None and found.image_id is not None:
            self.blocks.append(
                {
                    "type": "image",
                    "value": {
                        "image": _image_value(found, element.get("alt", "")),
                        "caption": caption if fits else "",
                        "credit": "",
                    },
                }
            )
        elif src:
            label = element.get("alt") or (found.alt if found else "") or _file_name(src)
            url = found.url if found and found.url else self.absolute(src)
            self.paragraph(f'<a href="{html.escape(url)}">{self.text(label)}</a>')
        if caption and (not fits or found is None or found.image_id is None):
            if found is not None and found.image_id is not None:
                self.as_paragraphs["caption"] += 1
            self.paragraph(self.inline_html(caption_element))

    def gallery(self, element, images, caption_element):
        """A gallery of the images found (two or more, else image blocks); the images not found
        follow in one paragraph of links, not a paragraph each (a post-format gallery of forty
        missing pictures was forty links, one under the other)."""
        refs = [(image, self.lookup(image.get("src"))) for image in images]
        shown = [(image, ref) for image, ref in refs if ref is not None and ref.image_id]
        missing = [image for image, ref in refs if ref is None or not ref.image_id]
        if len(shown) < 2:
            for image, _ref in shown:
                self.image(image, _figcaption_of(element, image))
            if caption_element is not None:
                self.paragraph(self.inline_html(caption_element))
            self.pictures_not_found(element, missing)
            return
        items, after = [], []
        for image, ref in shown:
            own = _figcaption_of(element, image)
            text = plain(own) if own is not None else ref.caption[:CAPTION_MAX]
            if not _fits(own, text):
                after.append(own)
                text = ""
            items.append(
                {"image": _image_value(ref, image.get("alt", "")), "caption": text, "credit": ""}
            )
        caption = plain(caption_element) if caption_element is not None else ""
        fits = _fits(caption_element, caption)
        value = {"images": items, "caption": caption if fits else ""}
        self.blocks.append({"type": "gallery", "value": value})
        for own in after + ([] if fits else [caption_element]):
            self.as_paragraphs["caption"] += 1
            self.paragraph(self.inline_html(own))
        self.pictures_not_found(element, missing)

    def pictures_not_found(self, gallery, images):
        """One paragraph linking each picture of `gallery` not found to its old address, named
        by its caption, alt text or file name; a caption holding a link follows in full."""
        links, captions = [], []
        for number, image in enumerate(images, 1):
            src = image.get("src", "")
            own = _figcaption_of(gallery, image)
            # A picture named only by its ID (`?attachment_id=7`) is numbered instead.
            name = f"picture {number}" if attachment_id(src) is not None else _file_name(src)
            label = (plain(own) if own is not None else "") or image.get("alt") or name
            if own is not None and has_link(own):
                captions.append(own)
            if src:
                url = html.escape(self.absolute(src))
                links.append(f'<a href="{url}">{self.text(label)}</a>')
        if links:
            self.paragraph("Pictures: " + ", ".join(links))
        for own in captions:
            self.paragraph(self.inline_html(own))


def _fits(caption_element, text):
    """Whether a caption goes in a caption field: short enough and without links."""
    return len(text) <= CAPTION_MAX and not (
        caption_element is not None and has_link(caption_element)
    )


def _item_text(run) -> str:
    """Markup pieces of a list item's text between its nested lists, tidied, one break at most
    between paragraphs."""
    return re.sub("(<br/>)+", "<br/>", tidy("".join(run)))


def numbering(element) -> tuple[int, int]:
    """(the first item's number, +1 or -1) of a list as browsers number an `ol` (HTML's `start`
    and `reversed`: a reversed list without `start` counts down to 1); (1, 1) for a `ul`."""
    if element.tag != "ol":
        return 1, 1
    step = -1 if element.get("reversed") is not None else 1
    try:
        return int(element.get("start", "").strip()), step
    except ValueError:
        return (sum(li.tag == "li" for li in element) if step < 0 else 1), step


def is_plain_list(element) -> bool:
    """Whether a `ul`/`ol` holds only items, and they only text, inline markup and plain lists
    (no heading, table, image, quote…, which the list block cannot carry), numbered from 1 up
    when numbered (rich text keeps no `start` or `reversed`)."""
    return (
        numbering(element) == (1, 1)
        and all(
            li.tag == "li" and not holds_structure(li, *LISTS) and not (li.tail or "").strip()
            for li in element
        )
        and not (element.text or "").strip()
        and all(is_plain_list(nested) for li in element for nested in li if nested.tag in LISTS)
    )


def _has_text_beside(figure, image, caption):
    """Whether a figure holds text outside its image and caption (which must not be lost)."""
    skip = {"figcaption", "img"}
    return bool(plain(figure, skip=skip)) or any(
        node.tag == "a" and node.get("href") and image not in node.iter() for node in figure.iter()
    )


def _figcaption_of(gallery, image):
    """The caption of the innermost figure around `image` inside a gallery, if any."""
    for figure in gallery.iter("figure"):
        if figure is not gallery and image in figure.iter():
            captions = [c for c in figure if c.tag == "figcaption"]
            return captions[-1] if captions else None
    return None


def _image_value(found: MediaRef, alt: str) -> dict:
    alt = _SPACES.sub(" ", alt or found.alt).strip()
    return {"image": found.image_id, "alt_text": alt, "decorative": not alt}


def _same_site(address, site_url) -> bool:
    """Whether `address` is on the WordPress site (same host, with or without `www.`, either
    scheme)."""
    try:
        host, site = urlsplit(address).hostname or "", urlsplit(site_url).hostname or ""
    except ValueError:
        return False
    return bool(host) and host.removeprefix("www.") == site.removeprefix("www.")


def _file_name(url) -> str:
    try:
        return unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]) or url
    except ValueError:
        return url
