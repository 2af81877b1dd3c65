"""Messy text from readers and editors: one cleaning step on the way in, XML writers that cannot
fail on the way out, and empty-looking comments refused like empty ones."""

import json
import unicodedata

import feedparser
import lxml.html
import pytest
from django.contrib.auth.models import User
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from taggit.models import Tag
from taggit.utils import parse_tags
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from headline.comments.models import Comment, CommentSettings
from headline.core.models import SiteIdentity
from headline.core.text import clean_text, has_visible_content
from headline.news.models import (
    ArticleAuthor,
    ArticleCorrection,
    ArticlePage,
    Author,
    SectionPage,
)

from .body_blocks import list_block
from .comment_helpers import make_comment, post_comment, posted, set_rules
from .factories import make_article, make_author, make_section, paragraph
from .html import parse, texts

# Everything XML 1.0 cannot carry (https://www.w3.org/TR/xml/#NT-Char), plus what it and HTML
# call discouraged or a parse error: C1 controls and DEL, and Unicode's noncharacters.
NOT_STORABLE = {
    *map(chr, range(0x00, 0x09)),
    "\x0b",
    "\x0c",
    *map(chr, range(0x0E, 0x20)),
    *map(chr, range(0x7F, 0xA0)),
    *map(chr, range(0xD800, 0xE000)),
    *map(chr, range(0xFDD0, 0xFDF0)),
    *(chr(plane * 0x10000 + low) for plane in range(17) for low in (0xFFFE, 0xFFFF)),
}
MESSY = "Ter\x1b[31mminal\x00 paste\x07 \x85\ufffe\U0010ffff with e\u0301 and \u200b"
OLD_MESSY = MESSY.replace("\x00", "")
INVISIBLE_ONLY = [
    "\u200b",  # zero-width space
    "\u200b\u200c\u200d\u2060",  # zero-width non-joiner, joiner, word joiner
    "\ufeff",  # byte order mark
    "\u00ad\u00ad",  # soft hyphens
    "\u200e\u200f\u202a\u202e\u2066\u2069",  # bidi marks, embeddings and isolates
    "\x1b\x07\x00\x7f\x85",  # C0 and C1 controls
    " \t\u00a0\u3000\u2028 ",  # spaces of several scripts and a line separator
    "\u3164\u115f\uffa0",  # Hangul fillers
    "\u2800",  # braille blank
    "\u0301\u034f\ufe0f",  # marks and selectors with nothing to sit on
    "\U000e0041\U000e0001",  # tag characters
]


def assert_well_formed_xml(response):
    assert response.status_code == 200, (response.request["PATH_INFO"], response.status_code)
    etree.fromstring(response.content)  # raises on any character or markup XML 1.0 refuses


def assert_well_formed_feed(response):
    assert_well_formed_xml(response)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def assert_clean_html(response):
    """200, strict UTF-8, parseable, and free of what HTML calls an input-stream parse error
    (https://html.spec.whatwg.org/#parse-error-control-character-in-input-stream)."""
    assert response.status_code == 200, (response.request["PATH_INFO"], response.status_code)
    text = response.content.decode("utf-8")
    assert not NOT_STORABLE.intersection(text)
    lxml.html.fromstring(text)


def public_urls(article):
    """Every public page and feed that shows something of `article`."""
    section = SectionPage.objects.parent_of(article).get()
    tags = [tag.slug for tag in article.tags.all()]
    authors = [author.slug for author in article.authors]
    html = [
        "/",
        section.url,
        article.url,
        "/corrections/",
        "/search/?q=article",
        *(f"/tags/{slug}/" for slug in tags),
        *(f"/authors/{slug}/" for slug in authors),
    ]
    feeds = [
        "/feed/",
        "/feed/atom/",
        f"{section.url}feed/",
        f"{section.url}feed/atom/",
        "/corrections/feed/",
        f"{article.url}comments/feed/",
        *(f"/tags/{slug}/feed/{kind}" for slug in tags for kind in ("", "atom/")),
        *(f"/authors/{slug}/feed/{kind}" for slug in authors for kind in ("", "atom/")),
    ]
    sitemaps = [
        "/sitemap.xml",
        *(f"/sitemap-{name}.xml" for name in ("articles", "pages", "authors", "tags")),
        "/news-sitemap.xml",
    ]
    return html, feeds, sitemaps


def assert_every_public_answer_is_well_formed(client, article):
    html, feeds, sitemaps = public_urls(article)
    for url in html:
        assert_clean_html(client.get(url))
    for url in feeds:
        assert_well_formed_feed(client.get(url))
    for url in sitemaps:
        assert_well_formed_xml(client.get(url))
    response = client.get("/feed.json")
    assert response.status_code == 200
    assert not NOT_STORABLE.intersection(json.loads(response.content.decode("utf-8"))["title"])


# The cleaning rule itself.


# What cleaning may also remove, by the context rules of `test_bidi_text`: bidi formatting,
# format characters no language uses, tag characters, joiners and breakers.
INVISIBLE_FORMATTING = {
    *"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2061\u2062\u2063\u2064",
    *map(chr, range(0x206A, 0x2070)),
    *"\ufeff\ufff9\ufffa\ufffb\u00ad\u200b\u200c\u200d\u2060",
    *map(chr, range(0xE0000, 0xE0080)),
}


def _visible_part(text):
    return "".join(ch for ch in text if ch not in NOT_STORABLE | INVISIBLE_FORMATTING)


@settings(max_examples=500)
@given(st.text())
def test_cleaned_text_is_nfc_and_carries_nothing_xml_or_html_refuses(text):
    cleaned = clean_text(text)
    assert not NOT_STORABLE.intersection(cleaned)
    assert clean_text(cleaned) == cleaned
    visible = unicodedata.normalize("NFC", _visible_part(text))
    assert unicodedata.normalize("NFC", _visible_part(cleaned)) == visible
    if not {"<", "=", ">"}.intersection(text) and not INVISIBLE_FORMATTING.intersection(text):
        assert cleaned == unicodedata.normalize("NFC", _visible_part(text))


@given(st.text(), st.sampled_from(["p", "news:title", 'a href="/x"']))
def test_cleaning_a_document_keeps_its_markup(text, tag):
    """Text starting with U+0338 must not merge into the ">" before it (NFC would make "≯")."""
    name = tag.split()[0]
    text = "".join(ch for ch in text if ch not in "<=>")
    document = f"<{tag}>\u0338{text}</{name}>"
    assert clean_text(document) == f"<{tag}>{clean_text(chr(0x338) + text)}</{name}>"


def test_cleaning_keeps_tabs_line_breaks_and_every_script():
    text = "Línea\tuno\r\nΓραμμή δύο\n第三行 — 🙂 \U0001f468\u200d\U0001f469"
    assert clean_text(text) == text
    assert clean_text("Zoe\u0308 \x1bKim\x85") == "Zoë Kim"


@pytest.mark.parametrize("text", INVISIBLE_ONLY)
def test_invisible_characters_alone_are_not_visible_content(text):
    assert not has_visible_content(text)
    assert has_visible_content(text + "a")
    assert has_visible_content(text + "٣")  # an Arabic-Indic digit
    assert has_visible_content(text + "👍")


# Failure 1: control characters reach XML.


@pytest.mark.django_db
def test_control_characters_in_an_approved_comment_leave_its_feed_well_formed(client, article):
    set_rules(moderate_first_time=False, spam_threshold=1.0)
    comment = posted(
        post_comment(client, article, name="Ter\x1bminal", body="Colours: \x1b[31mred\x1b[0m")
    )
    assert comment.status == Comment.Status.APPROVED

    feed = assert_well_formed_feed(client.get(f"{article.url}comments/feed/"))
    assert [entry.title for entry in feed.entries] == ["Comment by Terminal"]
    assert "Colours: [31mred[0m" in feed.entries[0].summary


@pytest.mark.django_db
def test_text_stored_before_cleaning_existed_cannot_break_any_feed_or_sitemap(client, section):
    """Rows written by older code or raw SQL still carry control characters: writers clean too."""
    author = make_author("Ana Costa")
    article = make_article(section, authors=[author], tags=["Climate"])
    article.corrections.create(text="A correction.")
    article.save_revision().publish()
    make_comment(article, name="Grace", body="A comment.")
    # QuerySet.update() skips save(), as older rows and bulk imports did. PostgreSQL cannot hold
    # NUL at all, so no old row there has one.
    ArticlePage.objects.filter(pk=article.pk).update(
        title=f"Title {OLD_MESSY}",
        standfirst=f"Standfirst {OLD_MESSY}",
        lead_image_caption=OLD_MESSY,
        body=[{"type": "paragraph", "value": f"<p>Body {OLD_MESSY}</p>"}],
    )
    SectionPage.objects.filter(pk=section.pk).update(title=f"Section {OLD_MESSY}", intro=OLD_MESSY)
    Author.objects.filter(pk=author.pk).update(name=f"Ana {OLD_MESSY}")
    Tag.objects.filter(name="Climate").update(name=f"Climate {OLD_MESSY}")
    ArticleCorrection.objects.filter(page=article).update(text=f"Correction {OLD_MESSY}")
    Comment.objects.filter(article=article).update(name=f"Grace {OLD_MESSY}", body=OLD_MESSY)
    site = Site.objects.get(is_default_site=True)
    SiteIdentity.for_site(site)
    SiteIdentity.objects.update(
        name=f"Headline {OLD_MESSY}", description=OLD_MESSY, language="en\x1b"
    )

    _, feeds, sitemaps = public_urls(article)
    for url in [*feeds, *sitemaps]:
        assert_well_formed_xml(client.get(url))
    rss = assert_well_formed_feed(client.get("/feed/"))
    assert rss.entries[0].title.startswith("Title Ter[31mminal paste")
    assert "\u00e9" in rss.entries[0].title  # e + combining acute, composed on the way out
    json_feed = json.loads(client.get("/feed.json").content.decode("utf-8"))
    assert not NOT_STORABLE.intersection(json.dumps(json_feed, ensure_ascii=False))


# One cleaning step for everything stored.


@pytest.mark.django_db
def test_everything_an_editor_stores_is_cleaned_on_save(section):
    author = make_author(f"Ana {MESSY}", slug="ana-costa", bio=MESSY)
    article = make_article(
        section,
        f"Title {MESSY}",
        standfirst=f"Standfirst {MESSY}",
        authors=[author],
        lead_image_caption=MESSY,
        lead_image_credit=MESSY,
        body=[
            paragraph(f"Body {MESSY}"),
            {"type": "subheading", "value": MESSY},
            {"type": "quote", "value": {"text": MESSY, "attribution": MESSY}},
            list_block([MESSY, "plain"]),
        ],
    )
    article.corrections.create(text=f"Correction {MESSY}")
    article.save_revision().publish()
    section.intro = MESSY
    section.save_revision().publish()
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.name, identity.description = f"Headline {MESSY}", MESSY
    identity.save()
    set_rules(moderation_words=MESSY)

    article = ArticlePage.objects.get(pk=article.pk)
    stored = [
        article.title,
        article.standfirst,
        article.lead_image_caption,
        article.lead_image_credit,
        json.dumps(ArticlePage.body.field.get_prep_value(article.body), ensure_ascii=False),
        Author.objects.get(pk=author.pk).name,
        Author.objects.get(pk=author.pk).bio,
        *ArticleCorrection.objects.values_list("text", flat=True),
        SectionPage.objects.get(pk=section.pk).intro,
        SiteIdentity.objects.get().name,
        SiteIdentity.objects.get().description,
        CommentSettings.objects.get().moderation_words,
    ]
    for value in stored:
        assert not NOT_STORABLE.intersection(value), value
        assert unicodedata.is_normalized("NFC", value), value
    assert article.title == "Title Ter[31mminal paste  with \u00e9 and "


def test_tags_typed_in_the_admin_are_cleaned_before_taggit_looks_them_up():
    assert parse_tags('Zu\u0308rich, "\u200b\u00ad", Ter\x1bm, Zürich') == ["Term", "Zürich"]


# Failure 8: empty-looking comments.


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "message"), [("body", "Please write a comment."), ("name", "Please enter your name.")]
)
@pytest.mark.parametrize("invisible", INVISIBLE_ONLY)
def test_a_comment_or_name_of_only_invisible_characters_is_refused_like_an_empty_one(
    client, article, field, message, invisible
):
    response = post_comment(client, article, **{field: invisible})
    assert response.status_code == 400
    assert texts(parse(response), f"//*[@id='id_{field}_error']") == [message]
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_control_characters_in_a_comment_are_removed_silently_and_the_rest_kept(client, article):
    comment = posted(
        post_comment(
            client,
            article,
            name="\x1bZoe\u0308\u200b",
            url="https://example.org/\x1bpath",
            body="Fine\x07 point\x00 \u200bthe\u200bre",
        )
    )
    assert (comment.name, comment.url) == ("Zoë", "https://example.org/path")
    assert comment.body == "Fine point the\u200bre"  # a zero-width space only between letters


@pytest.mark.django_db
def test_a_staff_reply_of_only_invisible_characters_is_refused(client, article):
    User.objects.create_superuser("chief", "chief@newsroom.test", "pw")
    client.login(username="chief", password="pw")
    parent = make_comment(article)
    response = client.post(f"/admin/comments/reply/{parent.pk}/", {"body": "\u200b\u2060"})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert Comment.objects.count() == 1


def article_edit_form(article, title, standfirst, text):
    """The Wagtail editor's POST for `article`, its body a paragraph, subheading and quote."""
    formsets = ArticlePage.get_edit_handler().get_form_class().formsets
    authors = list(ArticleAuthor.objects.filter(page=article))
    contentstate = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "text": text,
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
    return nested_form_data(
        {
            **{name: inline_formset([]) for name in formsets if name != "article_authors"},
            "title": title,
            "slug": article.slug,
            "standfirst": standfirst,
            "article_authors": inline_formset(
                [{"id": link.pk, "author": link.author_id} for link in authors],
                initial=len(authors),
            ),
            "lead_image_caption": text[:300],
            "lead_image_credit": text[:150],
            "body": streamfield(
                [
                    ("paragraph", json.dumps(contentstate)),
                    ("subheading", text[:200]),
                    ("quote", {"text": json.dumps(contentstate), "attribution": text[:200]}),
                ]
            ),
            "tags": "Climate",
            "comments_enabled": "on",
            "action-publish": "publish",
        }
    )


def admin_errors(response):
    """What the Wagtail editor complained about, for a failing assertion's message."""
    form = response.context["form"]
    messages = [str(message) for message in response.context["messages"]]
    return form.errors, [formset.errors for formset in form.formsets.values()], messages


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["title", "standfirst"])
def test_an_article_field_of_only_invisible_characters_is_refused_in_the_admin(
    client, article, field
):
    User.objects.create_superuser("chief", "chief@newsroom.test", "pw")
    client.login(username="chief", password="pw")
    values = {"title": "A fine headline", "standfirst": "A fine standfirst."}
    values[field] = "\u200b\u00ad\x1b"
    response = client.post(
        f"/admin/pages/{article.pk}/edit/", article_edit_form(article, text="Body.", **values)
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert ArticlePage.objects.get(pk=article.pk).title == "A state visit"


# Arbitrary text through the comment form and the admin: every public answer stays well formed.

# Everything Python can send in a form: any code point but lone surrogates.
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=120)


@pytest.fixture
def messy_site(db):
    section = make_section("World")
    article = make_article(section, "An article", tags=["Climate"])
    article.corrections.create(text="A correction.")
    article.save_revision().publish()
    set_rules(
        moderate_first_time=False,
        max_links=1000,
        flood_seconds=0,
        spam_threshold=1.0,
        min_form_seconds=0,
    )
    User.objects.create_superuser("chief", "chief@newsroom.test", "pw")
    return ArticlePage.objects.get(pk=article.pk)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=ANY_TEXT.filter(lambda s: len(s) <= 100), body=ANY_TEXT, url=st.sampled_from(["", "x"]))
def test_any_text_posted_as_a_comment_leaves_every_page_and_feed_well_formed(
    client, messy_site, name, body, url
):
    response = post_comment(
        client,
        messy_site,
        name=name,
        body=body,
        email="any@example.org",
        url=f"https://example.org/{body[:50]}" if url else "",
    )
    assert response.status_code in (302, 400), response.status_code
    if not (has_visible_content(name) and has_visible_content(body)):
        assert response.status_code == 400
    if response.status_code == 302:
        comment = posted(response)
        for value in (comment.name, comment.url, comment.body):
            assert value == clean_text(value) and not NOT_STORABLE.intersection(value)
    assert_every_public_answer_is_well_formed(client, messy_site)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(title=ANY_TEXT, standfirst=ANY_TEXT, text=ANY_TEXT)
def test_any_text_saved_through_the_admin_leaves_every_page_and_feed_well_formed(
    client, messy_site, title, standfirst, text
):
    client.login(username="chief", password="pw")
    response = client.post(
        f"/admin/pages/{messy_site.pk}/edit/",
        article_edit_form(messy_site, title, standfirst, text),
    )
    assert response.status_code in (200, 302), response.status_code
    # Body blocks keep Django's own refusal of NUL ("Null characters are not allowed.").
    if all(map(has_visible_content, (title, standfirst, text))) and "\x00" not in text:
        assert response.status_code == 302, admin_errors(response)
        stored = ArticlePage.objects.get(pk=messy_site.pk)
        assert stored.title == clean_text(title).strip()
        assert stored.standfirst == clean_text(standfirst).strip()
    client.logout()
    assert_every_public_answer_is_well_formed(client, messy_site)
