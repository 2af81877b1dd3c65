"""Corrections and updates: what an editor adds to a published article and where readers see it:
on the article, in its modified time and feed entries, on /corrections/ and in its feed."""

from datetime import UTC, datetime, timedelta

import feedparser
import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone

from headline.news.models import ArticleCorrection, ArticlePage

from .factories import make_article, make_section
from .html import first_index, parse, texts
from .test_query_counts import queries_for

pytestmark = pytest.mark.django_db


def correct(article, text, kind=ArticleCorrection.CORRECTION, date=None):
    """What the editor does: add a note in the Corrections panel, then publish."""
    page = ArticlePage.objects.get(pk=article.pk)  # as the edit form loads it
    page.corrections.add(ArticleCorrection(kind=kind, text=text, date=date or timezone.now()))
    page.save_revision().publish()
    return ArticleCorrection.objects.get(page=page, text=text)


@pytest.fixture
def article():
    world = make_section("World")
    return make_article(world, "Minister resigns", published_at=timezone.now() - timedelta(days=2))


def test_correction_shows_between_byline_and_body(client, article):
    note = correct(article, "An earlier version misspelt the minister's name.")
    html = client.get(article.url).content.decode()
    first_index(html, 'class="byline"', f'id="correction-{note.pk}"', 'class="article-body"')
    assert html.index('class="byline"') < html.index(f'id="correction-{note.pk}"')
    assert html.index(f'id="correction-{note.pk}"') < html.index('class="article-body"')
    tree = parse(client.get(article.url))
    aside = tree.xpath(f"//aside[@id='correction-{note.pk}']")[0]
    assert texts(aside, "./h2") == ["Correction"]
    # Whole seconds: HTML's datetime attribute takes at most three fractional digits.
    (stamp,) = aside.xpath(".//time/@datetime")
    assert datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S%z") == note.date.replace(microsecond=0)
    assert "misspelt the minister's name" in aside.text_content()


def test_correction_moves_last_modified_and_the_feed_entry(client, article):
    before = article.last_modified
    # An hour later (a correction may not be dated in the future), on a whole second.
    when = (timezone.now() + timedelta(hours=1)).replace(microsecond=0)
    with time_machine.travel(when, tick=False):
        correct(article, "Updated with the minister's statement.", ArticleCorrection.UPDATE, when)
        assert ArticlePage.objects.get(pk=article.pk).last_modified == when > before
        feed = feedparser.parse(client.get("/feed/atom/").content)
    assert not feed.bozo
    entry = feed.entries[0]
    assert datetime(*entry.updated_parsed[:6], tzinfo=UTC) == when
    assert "Updated with the minister" in entry.content[0].value


def test_corrections_page_lists_notes_newest_first(client, article):
    older = correct(article, "First fix.", date=timezone.now() - timedelta(hours=3))
    newer = correct(article, "Second fix.", ArticleCorrection.UPDATE)
    hidden = make_article(make_section("Drafts"), "Draft with a note", publish=False)
    ArticleCorrection.objects.create(page=hidden, text="Not for readers.")

    tree = parse(client.get("/corrections/"))
    items = tree.xpath("//ol[@class='corrections-list']/li")
    assert [item.xpath(".//a/@href")[0] for item in items] == [
        f"{article.url}#correction-{newer.pk}",
        f"{article.url}#correction-{older.pk}",
    ]
    assert "Second fix." in items[0].text_content() and "Update" in items[0].text_content()
    assert "Not for readers." not in tree.text_content()
    assert tree.xpath("//head/link[@rel='alternate'][@href='/corrections/feed/']")


def test_corrections_feed(client, article):
    note = correct(article, "The vote was 52 to 48, not 48 to 52.")
    response = client.get("/corrections/feed/")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert feed.feed.title == "Headline: corrections"
    entry = feed.entries[0]
    assert entry.title == "Correction: Minister resigns"
    assert entry.link == f"http://testserver{article.url}#correction-{note.pk}"
    assert entry.summary == "The vote was 52 to 48, not 48 to 52."
    assert datetime(*entry.published_parsed[:6], tzinfo=UTC) == note.date.replace(microsecond=0)
    assert client.get("/corrections/feed/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_editors_find_the_corrections_panel(client, article):
    editor = get_user_model().objects.create_superuser("editor", password="pw")
    client.force_login(editor)
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    assert b"Corrections and updates" in response.content


def test_corrections_page_queries_do_not_grow(client, article):
    others = [make_article(article.get_parent().specific) for _ in range(4)]
    for page in others[:3]:
        ArticleCorrection.objects.create(page=page, text="A fix.")
    few = queries_for(client, "/corrections/")
    for page in others * 3:
        ArticleCorrection.objects.create(page=page, text="Another fix.")
    assert queries_for(client, "/corrections/") == few
