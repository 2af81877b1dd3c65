"""The quote's text becomes rich text (links, emphasis): the block changes and every stored
quote, in pages and their revisions, is converted. Made by Django 5.2.19 on 2026-12-01 00:18."""

import wagtail.fields
from django.db import migrations
from django.utils.html import linebreaks
from wagtail.blocks.migrations.operations import BaseBlockOperation

from headline.news.body_migrations import migrate_bodies


class QuoteTextToRichText(BaseBlockOperation):
    """A quote's plain text as the rich text it now is: escaped, a blank line starting a new
    paragraph and a line break kept, as the quote's template showed it (`linebreaksbr`)."""

    def apply(self, block_value):
        return linebreaks(block_value or "", autoescape=True)

    @property
    def operation_name_fragment(self):
        return "quote_text_to_rich_text"


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0019_article_body_minor_subheading'),
    ]

    operations = [
        migrations.AlterField(
            model_name='articlepage',
            name='body',
            field=wagtail.fields.StreamField([('paragraph', 0), ('subheading', 1), ('minor_subheading', 2), ('quote', 5), ('image', 9), ('list', 13), ('embed', 14), ('table', 15), ('fact_box', 18), ('gallery', 21)], block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'superscript', 'subscript', 'strikethrough'], 'template': 'news/blocks/paragraph.html'}), 1: ('wagtail.blocks.CharBlock', (), {'icon': 'title', 'max_length': 200, 'template': 'news/blocks/subheading.html'}), 2: ('wagtail.blocks.CharBlock', (), {'icon': 'title', 'label': 'Minor subheading', 'max_length': 200, 'template': 'news/blocks/minor_subheading.html'}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'superscript', 'subscript', 'strikethrough'], 'help_text': 'The quoted statement, without quotation marks.'}), 4: ('wagtail.blocks.CharBlock', (), {'max_length': 200, 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('text', 3), ('attribution', 4)]], {}), 6: ('wagtail.images.blocks.ImageBlock', [], {}), 7: ('wagtail.blocks.CharBlock', (), {'max_length': 300, 'required': False}), 8: ('wagtail.blocks.CharBlock', (), {'max_length': 150, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('image', 6), ('caption', 7), ('credit', 8)]], {}), 10: ('wagtail.blocks.BooleanBlock', (), {'help_text': 'Number the items.', 'required': False}), 11: ('wagtail.blocks.CharBlock', (), {'max_length': 500}), 12: ('wagtail.blocks.ListBlock', (11,), {}), 13: ('wagtail.blocks.StructBlock', [[('ordered', 10), ('items', 12)]], {}), 14: ('headline.news.blocks.EmbedBlock', (), {'help_text': 'The address of a post or video on YouTube, Vimeo, X, Bluesky, TikTok…'}), 15: ('headline.news.blocks.TableBlock', (), {}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example: “Key facts” or “Timeline”.', 'max_length': 120}), 17: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'superscript', 'subscript', 'strikethrough', 'ol', 'ul']}), 18: ('wagtail.blocks.StructBlock', [[('title', 16), ('body', 17)]], {}), 19: ('wagtail.blocks.ListBlock', (9,), {'default': [{'caption': None, 'credit': None, 'image': None}, {'caption': None, 'credit': None, 'image': None}], 'min_num': 2}), 20: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the pictures show together.', 'max_length': 300, 'required': False}), 21: ('wagtail.blocks.StructBlock', [[('images', 19), ('caption', 20)]], {})}),
        ),
        migrations.AlterField(
            model_name='standardpage',
            name='body',
            field=wagtail.fields.StreamField([('paragraph', 0), ('subheading', 1), ('minor_subheading', 2), ('quote', 5), ('image', 9), ('list', 13), ('embed', 14), ('table', 15), ('fact_box', 18), ('gallery', 21)], blank=True, block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'superscript', 'subscript', 'strikethrough'], 'template': 'news/blocks/paragraph.html'}), 1: ('wagtail.blocks.CharBlock', (), {'icon': 'title', 'max_length': 200, 'template': 'news/blocks/subheading.html'}), 2: ('wagtail.blocks.CharBlock', (), {'icon': 'title', 'label': 'Minor subheading', 'max_length': 200, 'template': 'news/blocks/minor_subheading.html'}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'superscript', 'subscript', 'strikethrough'], 'help_text': 'The quoted statement, without quotation marks.'}), 4: ('wagtail.blocks.CharBlock', (), {'max_length': 200, 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('text', 3), ('attribution', 4)]], {}), 6: ('wagtail.images.blocks.ImageBlock', [], {}), 7: ('wagtail.blocks.CharBlock', (), {'max_length': 300, 'required': False}), 8: ('wagtail.blocks.CharBlock', (), {'max_length': 150, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('image', 6), ('caption', 7), ('credit', 8)]], {}), 10: ('wagtail.blocks.BooleanBlock', (), {'help_text': 'Number the items.', 'required': False}), 11: ('wagtail.blocks.CharBlock', (), {'max_length': 500}), 12: ('wagtail.blocks.ListBlock', (11,), {}), 13: ('wagtail.blocks.StructBlock', [[('ordered', 10), ('items', 12)]], {}), 14: ('headline.news.blocks.EmbedBlock', (), {'help_text': 'The address of a post or video on YouTube, Vimeo, X, Bluesky, TikTok…'}), 15: ('headline.news.blocks.TableBlock', (), {}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example: “Key facts” or “Timeline”.', 'max_length': 120}), 17: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'superscript', 'subscript', 'strikethrough', 'ol', 'ul']}), 18: ('wagtail.blocks.StructBlock', [[('title', 16), ('body', 17)]], {}), 19: ('wagtail.blocks.ListBlock', (9,), {'default': [{'caption': None, 'credit': None, 'image': None}, {'caption': None, 'credit': None, 'image': None}], 'min_num': 2}), 20: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the pictures show together.', 'max_length': 300, 'required': False}), 21: ('wagtail.blocks.StructBlock', [[('images', 19), ('caption', 20)]], {})}),
        ),
        *migrate_bodies(QuoteTextToRichText(), "quote.text"),
    ]
