"""The building blocks of an article body; each renders through its own template."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "superscript", "subscript", "strikethrough"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text="The quoted statement, without quotation marks.")
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


class ListBlock(blocks.StructBlock):
    ordered = blocks.BooleanBlock(required=False, help_text="Number the items.")
    items = blocks.ListBlock(blocks.CharBlock(max_length=500))

    class Meta:
        icon = "list-ul"
        template = "news/blocks/list.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, template="news/blocks/paragraph.html"
    )
    subheading = blocks.CharBlock(
        max_length=200, icon="title", template="news/blocks/subheading.html"
    )
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    list = ListBlock()


def plain_text(block, raw):
    """The words a reader sees in a block's stored (raw JSON) value, as a list of plain strings.

    Walks the block definitions rather than guessing from the data: rich text is stored as HTML,
    so its tags go and its entities are decoded once (Wagtail's own rule for search indexing);
    plain text blocks are kept exactly as written, `<` and `&` included. Images (chooser blocks)
    need a query to read, so they are skipped; their captions are text blocks beside them.
    """
    if isinstance(block, (ImageBlock, blocks.ChooserBlock)) or raw is None:
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
