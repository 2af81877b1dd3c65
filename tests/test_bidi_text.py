"""Bidi overrides and stray invisible characters pasted into what editors type: removed on save
from every plain-text field readers see, while the joiners and marks a script needs stay."""

import feedparser
import pytest
from django.contrib.auth.models import User
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.images.models import Image

from headline.core.text import clean_text, parse_tags
from headline.news.models import ArticleCorrection, ArticlePage, Author, SectionPage

from .factories import make_article, make_author, make_image, make_section
from .html import parse, texts
from .test_stored_text import article_edit_form

RLO = "\u202e"
# LRE RLE PDF LRO RLO, LRI RLI FSI PDI: never kept.
BIDI_FORMATTING = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Kept where they stand, whatever their neighbours.
MARKS = ["\u200e", "\u200f", "\u061c"]  # LRM, RLM, ALM
# Removed unless they stand between two letters, marks or pictographs.
JOINERS = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060"]
OTHER_INVISIBLE = ["\u2062", "\u206a", "\ufeff", "\ufff9", "\U000e0041", "\U000e007f"]


@pytest.mark.parametrize(
    "text",
    [
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian "I want": ZWNJ inside a word
        "\u0915\u094d\u200d\u0937",  # Devanagari: virama + ZWJ asks for a half form
        "\u0d05\u0d35\u0d28\u0d4d\u200d",  # Malayalam chillu as virama + ZWJ, ending the word
        "Auf\u200clage",  # German: ZWNJ breaks the "fl" ligature across a compound
        "\u0e02\u0e48\u0e32\u0e27\u200b\u0e14\u0e48\u0e27\u0e19",  # Thai: ZWSP between two words
        "Zusammen\u00adarbeit",  # a soft hyphen where a long word may break
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # family emoji
        "\U0001f469\U0001f3fd\u200d\U0001f4bb",  # technologist with a skin tone
        "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # flag of Scotland
        "\u0645\u0635\u0631 2026\u200f!",  # RLM keeps the "!" at the end of a right-to-left line
        "\u200eABC \u0627\u0628\u062a\u061c",
    ],
)
def test_what_a_script_needs_is_kept(text):
    assert clean_text(text) == text


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        (f"Minister resigns{RLO} over budget", "Minister resigns over budget"),
        ("\u202bquoted\u202c and \u2067isolated\u2069", "quoted and isolated"),
        ("\u200bFree\u200b offer\u2060", "Free offer"),
        ("News\u200b\u200c\u200dflash", "Newsflash"),  # a run of joiners joins nothing
        ("Breaking\U000e0069\U000e0067\U000e006e\U000e006f\U000e0072\U000e0065", "Breaking"),
        ("Byte\ufefforder x\u2062y \ufff9note\ufffb", "Byteorder xy note"),
    ],
)
def test_bidi_formatting_and_stray_invisible_characters_are_removed(text, cleaned):
    assert clean_text(text) == cleaned


WORDS = st.sampled_from(
    ["Minister", "\u0648\u0632\u06cc\u0631", "\u092e\u0902\u0924\u094d\u0930\u0940", "2026", "!"]
)
INVISIBLE = st.sampled_from([*BIDI_FORMATTING, *MARKS, *JOINERS, *OTHER_INVISIBLE])
# Words and spaces with invisible characters pasted anywhere among them.
PASTED = st.lists(st.one_of(WORDS, INVISIBLE, st.just(" ")), min_size=1, max_size=12).map("".join)


def assert_cleaned(value):
    assert not BIDI_FORMATTING.intersection(value), ascii(value)
    assert not set(OTHER_INVISIBLE).intersection(value), ascii(value)
    assert clean_text(value) == value


@pytest.fixture
def newsroom(db):
    section = make_section("World")
    return section, make_article(section, "A headline"), make_author("Ana Costa"), make_image()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=PASTED)
def test_every_plain_text_field_readers_see_is_cleaned_on_save(newsroom, text):
    section, article, author, image = newsroom
    article.title = f"Headline {text}"
    article.standfirst = f"Summary {text}"
    article.lead_image_caption = text
    article.seo_title = text
    article.search_description = text
    article.body = [
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": text, "decorative": False},
                "caption": text,
                "credit": text,
            },
        },
        {"type": "quote", "value": {"text": text, "attribution": text}},
    ]
    article.save_revision().publish()
    ArticleCorrection.objects.update_or_create(page=article, defaults={"text": f"Fix {text}"})
    author.name, author.job_title = f"Ana {text}", text
    author.save()
    section.title = f"World {text}"
    section.save_revision().publish()
    image.title, image.description = f"Photo {text}", text
    image.save()

    stored = ArticlePage.objects.get(pk=article.pk)
    [image_block, quote_block] = stored.body.raw_data
    values = [
        stored.title,
        stored.standfirst,
        stored.lead_image_caption,
        stored.seo_title,
        stored.search_description,
        image_block["value"]["image"]["alt_text"],
        image_block["value"]["caption"],
        quote_block["value"]["attribution"],
        ArticleCorrection.objects.get(page=article).text,
        *Author.objects.filter(pk=author.pk).values_list("name", "job_title").get(),
        SectionPage.objects.get(pk=section.pk).title,
        *Image.objects.filter(pk=image.pk).values_list("title", "description").get(),
        *parse_tags(f"Climate {text}, {text}"),
    ]
    for value in values:
        assert_cleaned(value)


HEADLINE = f"Minister resigns{RLO} over budget \u2066cuts\u2069\u200b"


@pytest.mark.django_db
def test_a_headline_pasted_with_an_override_is_shown_without_it_on_the_page_and_in_the_feed(
    client, article
):
    User.objects.create_superuser("chief", "chief@newsroom.test", "pw")
    client.login(username="chief", password="pw")
    response = client.post(
        f"/admin/pages/{article.pk}/edit/",
        article_edit_form(article, HEADLINE, f"A standfirst{RLO} reversed.", text="Body."),
    )
    assert response.status_code == 302
    client.logout()

    page = parse(client.get(ArticlePage.objects.get(pk=article.pk).url))
    assert texts(page, "//h1") == ["Minister resigns over budget cuts"]
    assert texts(page, "//title")[0].startswith("Minister resigns over budget cuts")
    feed = feedparser.parse(client.get("/feed/").content)
    assert [entry.title for entry in feed.entries] == ["Minister resigns over budget cuts"]
    assert feed.entries[0].summary == "A standfirst reversed."
