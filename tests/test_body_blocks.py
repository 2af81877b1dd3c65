"""The body blocks newsrooms use every day: embeds, tables, fact boxes and galleries.

Embeds are fetched from a local fake oEmbed provider (tests/embed_provider.py), never the internet.
"""

import importlib
import re

import lxml.html
import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.test.utils.form_data import rich_text, streamfield

from headline.news.blocks import LIST_FEATURES, ArticleBodyBlock, QuoteBlock
from headline.news.models import ArticlePage, EmbedPreview

from .body_blocks import embed_block, fact_box, gallery, stored_embed, table_block
from .embed_provider import DOWN_URL, VIDEO_URL
from .factories import make_article, make_author, make_image, make_section, paragraph
from .html import parse, texts
from .test_newsroom import article_form

pytestmark = pytest.mark.django_db

# Any attribute that makes a browser fetch something on its own.
FETCHING = re.compile(r'\b(?:src|srcset|poster|data)="([^"]+)"')


@pytest.fixture
def editor(client):
    user = User.objects.create_user("editor", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def publish_with_body(client, section, body, **extra):
    """An editor's "Publish" of a new article with `body` through the page editor."""
    return client.post(
        reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk]),
        {**article_form(make_author(), body=streamfield(body), **extra), "action-publish": "1"},
    )


def test_an_embed_is_fetched_when_the_editor_saves_and_readers_get_a_local_preview(
    client, editor, embed_provider
):
    section = make_section("International")
    response = publish_with_body(client, section, [("embed", VIDEO_URL)])
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "/oembed" in embed_provider.requests[0] and "/thumb.png" in embed_provider.requests
    asked = len(embed_provider.requests)

    article = ArticlePage.objects.get(slug="harbour-reopens")
    client.logout()
    page = client.get(article.url).content.decode()
    tree = parse(client.get(article.url))
    figure = tree.xpath("//figure[@class='embed']")[0]
    link = figure.xpath(".//a[@class='embed-preview']")[0]
    assert link.get("href") == VIDEO_URL
    assert texts(figure, ".//span[@class='embed-title']") == ["Harbour reopens: video harbour-42"]
    assert texts(figure, ".//figcaption") == ["Port Authority on Fakeview"]
    picture = figure.xpath(".//img")[0].get("src")
    assert picture.startswith("/media/images/embed-")
    assert client.get(picture).status_code == 200
    # Nothing on the page loads from another host, and the provider's frame is not there yet.
    assert "<iframe" not in page
    assert [url for url in FETCHING.findall(page) if not url.startswith("/")] == []
    assert link.get("data-embed-frame") == f"/embeds/{get_embed_hash(VIDEO_URL)}/"
    # Showing the page (to readers or in a preview) never asks the provider again.
    assert len(embed_provider.requests) == asked


def test_the_embed_frame_serves_only_stored_answers_and_may_be_framed_by_the_site(client):
    stored_embed(VIDEO_URL, player="https://player.example/42")
    frame = client.get(f"/embeds/{get_embed_hash(VIDEO_URL)}/")
    assert frame.status_code == 200
    assert '<iframe src="https://player.example/42"' in frame.content.decode()
    assert frame.headers["X-Frame-Options"] == "SAMEORIGIN"
    # An address nobody saved is not looked up for a reader.
    assert client.get(f"/embeds/{get_embed_hash('https://video.example/x')}/").status_code == 404
    assert client.get("/embeds/not-a-hash/").status_code == 404


@pytest.mark.parametrize(
    "url, message",
    [
        ("https://elsewhere.example/page", "No provider we know serves this address"),
        ("https://www.instagram.com/p/C0ffee42/", "only once the site has a Facebook app token"),
        (DOWN_URL, "The provider did not answer for this address"),
        (VIDEO_URL + "/gone", "The provider did not answer for this address"),
        ("not an address", "Enter a valid URL"),
    ],
)
def test_an_embed_the_provider_cannot_give_is_a_clear_error_and_loses_nothing(
    client, editor, embed_provider, url, message
):
    section = make_section("International")
    article = make_article(section, "Harbour reopens", body=[paragraph("The story so far.")])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        {
            **article_form(
                make_author(),
                title="Harbour reopens",
                slug=article.slug,
                body=streamfield([("paragraph", rich_text("<p>Edited.</p>")), ("embed", url)]),
            ),
            "action-publish": "1",
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    article.refresh_from_db()
    assert article.revisions.count() == 1  # nothing saved, not even a draft
    assert article.body_text() == "The story so far."
    assert not Embed.objects.exists()


def test_a_thumbnail_that_cannot_be_had_leaves_a_preview_without_picture(
    client, editor, embed_provider
):
    embed_provider.thumbnail = b"<html>not a picture</html>"
    response = publish_with_body(client, make_section("International"), [("embed", VIDEO_URL)])
    assert response.status_code == 302
    assert EmbedPreview.objects.get().image is None
    article = ArticlePage.objects.get(slug="harbour-reopens")
    tree = parse(client.get(article.url))
    assert tree.xpath("//figure[@class='embed']//img") == []
    assert texts(tree, "//span[@class='embed-title']") == ["Harbour reopens: video harbour-42"]


def test_an_embed_nobody_fetched_is_a_plain_link(client):
    article = make_article(make_section("International"), body=[embed_block(VIDEO_URL)])
    tree = parse(client.get(article.url))
    link = tree.xpath("//a[@class='embed-preview']")[0]
    assert link.get("href") == VIDEO_URL and link.get("data-embed-frame") is None
    assert texts(link, ".//span") == [VIDEO_URL]


def test_table_fact_box_and_gallery_render_with_headers_captions_and_credits(client):
    body = [
        table_block(
            [["Port", "Ships", "Change"], ["Rotterdam", "120", "+4"], ["Hamburg", "80", None]],
            caption="Ships in port this week",
            header="both",
        ),
        fact_box("Key facts", "<ul><li>Built in 1890</li><li>Closed for <b>3</b> days</li></ul>"),
        gallery([("The quay at dawn", "Ana Lens"), ("Cranes", "")], caption="The reopening"),
    ]
    article = make_article(make_section("International"), body=body)
    tree = parse(client.get(article.url))

    table = tree.xpath("//div[@class='table-block']")[0]
    assert table.get("role") == "region" and table.get("aria-label") == "Ships in port this week"
    assert texts(table, ".//caption") == ["Ships in port this week"]
    assert texts(table, ".//thead/tr/th[@scope='col']") == ["Port", "Ships", "Change"]
    assert texts(table, ".//tbody/tr/th[@scope='row']") == ["Rotterdam", "Hamburg"]
    assert [" ".join(texts(row, "./td")) for row in table.xpath(".//tbody/tr")] == ["120 +4", "80 "]

    box = tree.xpath("//aside[@class='fact-box']")[0]
    assert texts(box, "./h2") == ["Key facts"]
    assert [item.text_content() for item in box.xpath(".//li")] == [
        "Built in 1890",
        "Closed for 3 days",
    ]

    shown = tree.xpath("//figure[@class='gallery']")[0]
    items = shown.xpath("./ul/li/figure[@class='body-image']")
    assert [item.xpath(".//img")[0].get("alt") for item in items] == ["Picture 0", "Picture 1"]
    assert [" ".join(item.xpath("./figcaption")[0].text_content().split()) for item in items] == [
        "The quay at dawn Ana Lens",
        "Cranes",
    ]
    assert texts(shown, "./figcaption") == ["The reopening"]


def test_the_blocks_text_is_in_search_related_and_body_text(client):
    """`body_text` is what search highlights and what the related engine weighs."""
    body = [
        table_block([["Port", "Tonnage"], ["Zeebrugge", "9"]], caption="Cargo volumes"),
        fact_box("Timeline", "<p>Dredging &amp; repairs began in March.</p>"),
        gallery([("Lighthouse keepers", "Ana Lens"), ("Cranes", "")], caption="Quayside"),
    ]
    article = make_article(make_section("International"), "Harbour reopens", body=body)
    expected = (
        "Cargo volumes Port Tonnage Zeebrugge 9 Timeline Dredging & repairs began in March. "
        "Lighthouse keepers Ana Lens Cranes Quayside"
    )
    assert " ".join(article.body_text().split()) == expected
    for word in ("Zeebrugge", "Dredging", "Lighthouse", "Cargo"):
        hits = texts(
            parse(client.get("/search/", {"q": word})), "//ol[contains(@class, 'search-hits')]//h2"
        )
        assert [" ".join(hit.split()) for hit in hits] == ["Harbour reopens"], word


def test_feeds_carry_the_blocks_as_plain_html_without_frames_or_scripts(client):
    picture = make_image("Frame")
    body = [
        embed_block(stored_embed(VIDEO_URL, picture).url),
        table_block([["Port", "Ships"], ["Rotterdam", "120"]], caption="Ships in port"),
        fact_box("Key facts", "<p>Built in 1890.</p>"),
        gallery([("The quay", "Ana Lens"), ("Cranes", "")]),
    ]
    make_article(make_section("International"), "Harbour reopens", body=body)
    item = client.get("/feed.json").json()["items"][0]
    content = lxml.html.fragment_fromstring(item["content_html"], create_parent="div")
    link = content.xpath("//a[@class='embed-preview']")[0]
    assert link.get("href") == VIDEO_URL
    assert link.xpath(".//img")[0].get("src").startswith("http://testserver/media/images/")
    assert texts(content, "//caption") == ["Ships in port"]
    assert texts(content, "//aside/h2") == ["Key facts"]
    assert texts(content, "//figure[@class='gallery']//figcaption") == [
        "The quay Ana Lens",
        "Cranes",
    ]
    assert content.xpath("//iframe|//script") == []


def test_control_characters_in_the_new_blocks_are_removed_on_save_like_the_rest_of_the_body(client):
    body = [
        table_block([["Po\x1brt", "Ships"], ["Rotter\x00dam", "1\x072"]], caption="Ca\x1bpacity"),
        fact_box("Key\x0b facts", "<p>Built\x1b in 1890.</p>"),
        gallery([("The\x1b quay", "Ana\x00 Lens"), ("Cranes", "")]),
    ]
    article = make_article(make_section("International"), body=body)
    tree = parse(client.get(article.url))
    assert texts(tree, "//caption") == ["Capacity"]
    assert texts(tree, "//table//th|//table//td") == ["Port", "Ships", "Rotterdam", "12"]
    assert texts(tree, "//aside") == ["Key facts Built in 1890."]
    assert texts(tree, "//figure[@class='gallery']//figcaption") == ["The quay Ana Lens", "Cranes"]


# Everything an editor can paste into a cell or a title, but the characters storage removes.
PASTED = st.text(alphabet=st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(cell=PASTED, title=PASTED)
def test_pasted_text_in_a_table_or_fact_box_shows_as_typed_never_as_markup(cell, title):
    stream = ArticleBodyBlock().to_python(
        [
            table_block([["Head", cell]], caption=title, header="column"),
            fact_box(title, "<p>Facts.</p>"),
        ]
    )
    html = "".join(child.render() for child in stream)
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    assert texts(tree, "//td") == [" ".join(cell.split())]
    assert texts(tree, "//caption") == texts(tree, "//h2") == [" ".join(title.split())]
    assert tree.xpath("//script|//img|//iframe|//a") == []


def test_stored_plain_quotes_become_the_same_words_in_rich_text():
    """Migration news/0020: a quote stored as plain text reads the same once it is rich text,
    markup-like characters shown as typed and its paragraphs and line breaks kept."""
    migration = importlib.import_module("headline.news.migrations.0020_quote_text_rich")
    converted = migration.QuoteTextToRichText().apply("Tax <b> & rent\nrise.\n\nSo it goes.")
    assert converted == "<p>Tax &lt;b&gt; &amp; rent<br>rise.</p>\n\n<p>So it goes.</p>"
    block = QuoteBlock()
    value = block.to_python({"text": converted, "attribution": ""})
    shown = lxml.html.fromstring(block.render(value).replace("<br>", "\n"))
    assert (
        shown.xpath("string(.//blockquote)").split() == "Tax <b> & rent rise. So it goes.".split()
    )


def test_an_editors_list_keeps_its_links_emphasis_and_nested_items(client, editor):
    """Numbers with bullets nested under an item (Tab in the editor), a link and bold text."""
    written = (
        '<ol><li>Roads: <a href="https://example.org/plan">the plan</a><ul><li><b>Bridges</b>'
        "</li><li>Tunnels</li></ul></li><li>Schools</li></ol>"
    )
    section = make_section("International")
    response = publish_with_body(
        client, section, [("list", rich_text(written, features=LIST_FEATURES))]
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    tree = parse(client.get(ArticlePage.objects.get(slug="harbour-reopens").url))
    (shown,) = tree.xpath("//div[contains(@class, 'article-body')]/ol")
    assert [item.text_content() for item in shown.xpath("./li")] == [
        "Roads: the planBridgesTunnels",
        "Schools",
    ]
    assert shown.xpath("./li[1]/a/@href") == ["https://example.org/plan"]
    assert texts(shown, "./li[1]/ul/li") == ["Bridges", "Tunnels"]
    assert texts(shown, "./li[1]/ul/li/b") == ["Bridges"]


@given(
    items=st.lists(st.text(alphabet=st.characters(exclude_categories=["Cs", "Cc"]), max_size=40)),
    ordered=st.booleans(),
)
def test_stored_plain_lists_become_the_same_items_in_rich_text(items, ordered):
    """Migration news/0021: a list stored as plain items (old strings or Wagtail's list-item
    dicts) shows the same items once it is rich text, markup-like characters as typed, numbered
    when it was; items without text are left out."""
    migration = importlib.import_module("headline.news.migrations.0021_list_rich_text")
    stored = [{"type": "item", "value": item, "id": str(n)} for n, item in enumerate(items)]
    converted = migration.ListToRichText().apply({"ordered": ordered, "items": stored})
    assert converted == migration.ListToRichText().apply({"ordered": ordered, "items": items})
    kept = [" ".join(item.split()) for item in items if item.strip()]
    if not kept:
        assert converted == ""
        return
    block = ArticleBodyBlock().child_blocks["list"]
    shown = lxml.html.fragment_fromstring(block.render(block.to_python(converted)))
    assert shown.tag == ("ol" if ordered else "ul")
    assert [" ".join(item.text_content().split()) for item in shown.xpath("./li")] == kept


def test_a_list_block_holding_no_list_is_refused_with_what_to_do(client, editor):
    section = make_section("International")
    written = "<p>Just a sentence, not a list.</p>"
    response = publish_with_body(client, section, [("list", rich_text(written))])
    assert response.status_code == 200
    page = response.content.decode()
    assert "A list block holds a list" in page and "Just a sentence, not a list." in page
    assert not ArticlePage.objects.exists()
