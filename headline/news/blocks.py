"""The building blocks of an article body; each renders through its own template.

Beside text, quotes, images and lists, the body holds what newsrooms add every day: an embedded
post or video (shown as a local preview until the reader asks for it, see `news.embeds`), a table
with a header row and caption, a fact box and a gallery.
"""

import html
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.images.blocks import ImageBlock

from headline.core.text import CleanURLField

PARAGRAPH_FEATURES = ["bold", "italic", "link", "superscript", "subscript", "strikethrough"]
LIST_FEATURES = ["ul", "ol", *PARAGRAPH_FEATURES]


class QuoteBlock(blocks.StructBlock):
    # Rich text, for the link to where it was said and the emphasis a quote can carry (an
    # imported WordPress quote often holds both); no headings or lists: a quote is a statement.
    text = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        help_text="The quoted statement, without quotation marks.",
    )
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "news/blocks/quote.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=300)
    credit = blocks.CharBlock(required=False, max_length=150)

    class Meta:
        icon = "image"
        template = "news/blocks/image.html"


# Two lists of one kind side by side, as the editor's converter (draftjs_exporter 7) splits a list
# where a nested list of the other kind ends: numbers would start again at 1.
_SPLIT_LIST = re.compile(r"</(ul|ol)>\s*<\1>")


def list_html(items, ordered=False):
    """Plain-text `items` (strings) as list rich text, each escaped: the list block's stored value
    or a fact box's body; "<ul></ul>" (or "<ol></ol>") when there are none."""
    tag = "ol" if ordered else "ul"
    shown = "".join(f"<li>{html.escape(item)}</li>" for item in items)
    return f"<{tag}>{shown}</{tag}>"


class ListBlock(blocks.RichTextBlock):
    """A bulleted or numbered list, as rich text: items keep their links and emphasis, and an item
    may hold a list (Tab in the editor), bullets under numbers or numbers under bullets."""

    def __init__(self, **kwargs):
        super().__init__(features=LIST_FEATURES, **kwargs)

    def value_from_form(self, value):
        return super().value_from_form(_SPLIT_LIST.sub("", value or ""))

    def clean(self, value):
        value = super().clean(value)
        if "<li" not in value.source and strip_tags(value.source).strip():
            raise ValidationError(
                "A list block holds a list: start a line with “1. ” for numbers or “- ” for "
                "bullets (or use the toolbar), or move this text to a paragraph block."
            )
        return value


@dataclass(frozen=True)
class Embedded:
    """An embed block's value: the post's address and, once an editor saved it, what the provider
    said about it (Wagtail's `Embed` row, with its `preview` picture); `embed` is None for an
    address nobody has fetched (e.g. content written in code), which renders as a plain link."""

    url: str
    embed: object = None

    @property
    def image(self):
        preview = getattr(self.embed, "preview", None) if self.embed else None
        return preview.image if preview else None


class EmbedBlock(blocks.URLBlock):
    """A post or video from a public platform (YouTube, Vimeo, X, Bluesky, TikTok… — every
    provider in `WAGTAILEMBEDS_FINDERS`), stored as its address.

    Saving asks the provider once (`news.embeds.fetch`): an address no provider serves, or a
    provider that does not answer, is a validation error on the block. Rendering never asks: the
    preview (title, provider, local picture) is read from the database, one query for every embed
    of a body, and the provider's own content loads only when the reader asks (headline.js).
    """

    def __init__(self, required=True, help_text=None, **kwargs):
        super().__init__(required=required, help_text=help_text, **kwargs)
        # An address pasted with a zero-width space is refused like a reader's (core.text).
        self.field = CleanURLField(required=required, help_text=help_text)

    def bulk_to_python(self, values):
        from .embeds import stored

        found = stored([url for url in values if url])
        return [Embedded(url, found.get(url)) if url else None for url in values]

    def to_python(self, value):
        return self.bulk_to_python([value])[0]

    def get_prep_value(self, value):
        return value.url if isinstance(value, Embedded) else (value or "")

    def value_for_form(self, value):
        return self.get_prep_value(value)

    def value_from_form(self, value):
        return Embedded(value) if value else None

    def normalize(self, value):
        return value if isinstance(value, Embedded) or value is None else Embedded(value)

    def clean(self, value):
        from .embeds import fetch

        value = super().clean(value)
        return Embedded(value.url, fetch(value.url)) if value else value

    def get_searchable_content(self, value):
        return [value.embed.title] if value and value.embed and value.embed.title else []

    class Meta:
        icon = "media"
        template = "news/blocks/embed.html"


class TableBlock(WagtailTableBlock):
    """A table pasted or typed in a spreadsheet-like grid, with a caption and header cells.

    Wagtail's contrib TableBlock, not TypedTableBlock: newsroom tables come from spreadsheets, and
    its grid takes a paste from one; it offers a header row, a header column or both; its cells are
    plain text, so pasted markup shows as typed, never as HTML.
    """

    def __init__(self, required=True, help_text=None, table_options=None, **kwargs):
        # The grid's bundled Handsontable carries only its en-US texts; asked for the site's
        # en-gb (Wagtail passes the request's language) it logged an error on every editor page.
        options = {"language": "en-US", **(table_options or {})}
        super().__init__(required=required, help_text=help_text, table_options=options, **kwargs)

    def get_searchable_content(self, value):
        caption = [value["table_caption"]] if value and value.get("table_caption") else []
        return caption + super().get_searchable_content(value)

    class Meta:
        template = "news/blocks/table.html"


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, help_text="For example: “Key facts” or “Timeline”.")
    body = blocks.RichTextBlock(features=LIST_FEATURES)

    class Meta:
        icon = "info-circle"
        label = "Fact box"
        template = "news/blocks/fact_box.html"


def empty_pictures(count):
    """`count` gallery slots as a new picture block starts: every field present and empty (a bare
    `{}` left the admin's fields to show, and then store, the word "undefined")."""
    return [CaptionedImageBlock().get_default() for _ in range(count)]


class GalleryBlock(blocks.StructBlock):
    # Two empty slots to start with, as a gallery needs two pictures at least.
    images = blocks.ListBlock(CaptionedImageBlock(), min_num=2, default=empty_pictures(2))
    caption = blocks.CharBlock(
        required=False, max_length=300, help_text="What the pictures show together."
    )

    class Meta:
        icon = "image"
        template = "news/blocks/gallery.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, template="news/blocks/paragraph.html"
    )
    subheading = blocks.CharBlock(
        max_length=200, icon="title", template="news/blocks/subheading.html"
    )
    # A heading within a subheading's part of the story (h3 under the subheading's h2).
    minor_subheading = blocks.CharBlock(
        max_length=200,
        icon="title",
        label="Minor subheading",
        template="news/blocks/minor_subheading.html",
    )
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    list = ListBlock(
        icon="list-ul",
        template="news/blocks/list.html",
        help_text="Bullets or numbers from the toolbar; Tab nests an item, Shift+Tab lifts it.",
    )
    embed = EmbedBlock(
        help_text="The address of a post or video on YouTube, Vimeo, X, Bluesky, TikTok…"
    )
    table = TableBlock()
    fact_box = FactBoxBlock()
    gallery = GalleryBlock()


def plain_text(block, raw):
    """The words a reader sees in a block's stored (raw JSON) value, as a list of plain strings.

    Walks the block definitions rather than guessing from the data: rich text is stored as HTML,
    so its tags go and its entities are decoded once (Wagtail's own rule for search indexing);
    plain text blocks are kept exactly as written, `<` and `&` included. Images (chooser blocks)
    and embeds need a query to read, so they are skipped; captions are text blocks beside them.
    """
    if isinstance(block, (ImageBlock, blocks.ChooserBlock, EmbedBlock)) or raw is None:
        return []
    if isinstance(block, blocks.StreamBlock):
        return [
            text
            for child in raw
            if child.get("type") in block.child_blocks
            for text in plain_text(block.child_blocks[child["type"]], child.get("value"))
        ]
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in plain_text(child, raw.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [
            text
            for item in raw
            for text in plain_text(
                block.child_block,
                item["value"]
                if isinstance(item, dict) and {"id", "value"} <= item.keys()
                else item,
            )
        ]
    return block.get_searchable_content(block.to_python(raw))


def images(block, value):
    """Every image a block's converted value shows, in reading order (for prefetching renditions).

    Walks the block definitions like `plain_text`: images in captioned images and galleries, and
    embeds' preview pictures.
    """
    if value is None:
        return []
    if isinstance(block, (ImageBlock, EmbedBlock)):
        image = value.image if isinstance(value, Embedded) else value
        return [image] if image is not None else []
    if isinstance(block, blocks.StreamBlock):
        return [image for child in value for image in images(child.block, child.value)]
    if isinstance(block, blocks.StructBlock):
        return [
            image
            for name, child in block.child_blocks.items()
            for image in images(child, value[name])
        ]
    if isinstance(block, blocks.ListBlock):
        return [image for item in value for image in images(block.child_block, item)]
    return []
