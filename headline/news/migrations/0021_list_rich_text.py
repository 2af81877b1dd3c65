"""A list becomes rich text (links, emphasis, nested lists): the block changes and every stored
list, in pages and their revisions, is converted. Made by Django 5.2.19 on 2026-12-01 02:49."""

import wagtail.fields
from django.db import migrations
from django.utils.html import escape
from wagtail.blocks.migrations.operations import BaseBlockOperation

from headline.news.body_migrations import migrate_bodies


class ListToRichText(BaseBlockOperation):
    """A list's plain-text items ({"ordered": bool, "items": [...]}, each item a string or, as
    Wagtail's ListBlock stores it now, {"type": "item", "value": str, "id": ...}) as the rich
    text it now is: one escaped `li` per item that holds text, in `ol` when numbered."""

    def apply(self, block_value):
        value = block_value if isinstance(block_value, dict) else {}
        texts = (
            item.get("value") if isinstance(item, dict) else item
            for item in value.get("items") or []
        )
        items = "".join(f"<li>{escape(text)}</li>" for text in texts if text and text.strip())
        tag = "ol" if value.get("ordered") else "ul"
        return f"<{tag}>{items}</{tag}>" if items else ""

    @property
    def operation_name_fragment(self):
        return "list_to_rich_text"


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0020_quote_text_rich'),
    ]

    operations = [
        migrations.AlterField(
            model_name='articlepage',
            name='body',
            field=wagtail.fields.StreamField([('paragraph', 0), ('subheading', 1), ('minor_subheading', 2), ('quote', 5), ('image', 9), ('list', 10), ('embed', 11), ('table', 12), ('fact_box', 15), ('gallery', 18)], block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'superscript', 'subscript', 'strikethrough'], 'template': 'news/blocks/paragraph.html'}), 1: ('wagtail.blocks.CharBlock', (), {'icon': 'title', 'max_length': 200, 'template': 'news/blocks/subheading.html'}), 2: ('wagtail.blocks.CharBlock', (), {'icon': 'title', 'label': 'Minor subheading', 'max_length': 200, 'template': 'news/blocks/minor_subheading.html'}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'superscript', 'subscript', 'strikethrough'], 'help_text': 'The quoted statement, without quotation marks.'}), 4: ('wagtail.blocks.CharBlock', (), {'max_length': 200, 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('text', 3), ('attribution', 4)]], {}), 6: ('wagtail.images.blocks.ImageBlock', [], {}), 7: ('wagtail.blocks.CharBlock', (), {'max_length': 300, 'required': False}), 8: ('wagtail.blocks.CharBlock', (), {'max_length': 150, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('image', 6), ('caption', 7), ('credit', 8)]], {}), 10: ('headline.news.blocks.ListBlock', (), {'help_text': 'Bullets or numbers from the toolbar; Tab nests an item, Shift+Tab lifts it.', 'icon': 'list-ul', 'template': 'news/blocks/list.html'}), 11: ('headline.news.blocks.EmbedBlock', (), {'help_text': 'The address of a post or video on YouTube, Vimeo, X, Bluesky, TikTok…'}), 12: ('headline.news.blocks.TableBlock', (), {}), 13: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example: “Key facts” or “Timeline”.', 'max_length': 120}), 14: ('wagtail.blocks.RichTextBlock', (), {'features': ['ul', 'ol', 'bold', 'italic', 'link', 'superscript', 'subscript', 'strikethrough']}), 15: ('wagtail.blocks.StructBlock', [[('title', 13), ('body', 14)]], {}), 16: ('wagtail.blocks.ListBlock', (9,), {'default': [{'caption': None, 'credit': None, 'image': None}, {'caption': None, 'credit': None, 'image': None}], 'min_num': 2}), 17: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the pictures show together.', 'max_length': 300, 'required': False}), 18: ('wagtail.blocks.StructBlock', [[('images', 16), ('caption', 17)]], {})}),
        ),
        migrations.AlterField(
            model_name='standardpage',
            name='body',
            field=wagtail.fields.StreamField([('paragraph', 0), ('subheading', 1), ('minor_subheading', 2), ('quote', 5), ('image', 9), ('list', 10), ('embed', 11), ('table', 12), ('fact_box', 15), ('gallery', 18)], blank=True, block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'superscript', 'subscript', 'strikethrough'], 'template': 'news/blocks/paragraph.html'}), 1: ('wagtail.blocks.CharBlock', (), {'icon': 'title', 'max_length': 200, 'template': 'news/blocks/subheading.html'}), 2: ('wagtail.blocks.CharBlock', (), {'icon': 'title', 'label': 'Minor subheading', 'max_length': 200, 'template': 'news/blocks/minor_subheading.html'}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'superscript', 'subscript', 'strikethrough'], 'help_text': 'The quoted statement, without quotation marks.'}), 4: ('wagtail.blocks.CharBlock', (), {'max_length': 200, 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('text', 3), ('attribution', 4)]], {}), 6: ('wagtail.images.blocks.ImageBlock', [], {}), 7: ('wagtail.blocks.CharBlock', (), {'max_length': 300, 'required': False}), 8: ('wagtail.blocks.CharBlock', (), {'max_length': 150, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('image', 6), ('caption', 7), ('credit', 8)]], {}), 10: ('headline.news.blocks.ListBlock', (), {'help_text': 'Bullets or numbers from the toolbar; Tab nests an item, Shift+Tab lifts it.', 'icon': 'list-ul', 'template': 'news/blocks/list.html'}), 11: ('headline.news.blocks.EmbedBlock', (), {'help_text': 'The address of a post or video on YouTube, Vimeo, X, Bluesky, TikTok…'}), 12: ('headline.news.blocks.TableBlock', (), {}), 13: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example: “Key facts” or “Timeline”.', 'max_length': 120}), 14: ('wagtail.blocks.RichTextBlock', (), {'features': ['ul', 'ol', 'bold', 'italic', 'link', 'superscript', 'subscript', 'strikethrough']}), 15: ('wagtail.blocks.StructBlock', [[('title', 13), ('body', 14)]], {}), 16: ('wagtail.blocks.ListBlock', (9,), {'default': [{'caption': None, 'credit': None, 'image': None}, {'caption': None, 'credit': None, 'image': None}], 'min_num': 2}), 17: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the pictures show together.', 'max_length': 300, 'required': False}), 18: ('wagtail.blocks.StructBlock', [[('images', 16), ('caption', 17)]], {})}),
        ),
        *migrate_bodies(ListToRichText(), "list"),
    ]
