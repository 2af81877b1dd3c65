"""Feeds as a feed reader sees them: RSS, Atom and JSON Feed for the site, sections, tags and
authors, parsed with feedparser, plus autodiscovery links and conditional GET."""

import json
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import feedparser
import pytest
import time_machine
from django.utils import timezone
from django.utils.http import http_date

from headline.comments.models import Comment
from headline.news.models import ArticlePage

from .body_blocks import embed_block, gallery, stored_embed
from .comment_helpers import make_comment
from .factories import make_article, make_author, make_image, make_section, paragraph
from .html import parse
from .test_query_counts import queries_for

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def fetch(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture
def newsroom():
    """Two sections, two authors, a tagged story with a lead image and body image, and noise."""
    world = make_section("World")
    business = make_section("Business")
    ana, ben = make_author("Ana Costa"), make_author("Ben Ode")
    now = timezone.now().replace(microsecond=0)
    lead = make_image("Harbour at dawn", size=(1200, 675))
    story = make_article(
        world,
        "Summit ends in agreement",
        authors=[ana, ben],
        tags=["Diplomacy", "Climate"],
        published_at=now - timedelta(hours=1),
        lead_image=lead,
        lead_image_caption="The harbour at dawn",
        lead_image_credit="Photo: Newsdesk",
        body=[
            paragraph('Leaders <a href="/world/">met</a> for three days.'),
            {"type": "image", "value": {"image": {"image": make_image("Delegates").pk}}},
        ],
    )
    markets = make_article(
        business, "Markets rally", authors=[ben], published_at=now - timedelta(hours=2)
    )
    make_article(world, "Draft story", publish=False, published_at=now)
    embargoed = make_article(world, "Embargoed story", publish=False, published_at=now)
    embargoed.go_live_at = now + timedelta(hours=3)
    embargoed.save_revision().publish()
    return {
        "world": world,
        "business": business,
        "ana": ana,
        "ben": ben,
        "story": story,
        "markets": markets,
        "now": now,
    }


def test_site_rss_carries_published_articles_with_everything_a_reader_needs(client, newsroom):
    feed = fetch(client, "/feed/")
    story = newsroom["story"]

    assert feed.version == "rss20"
    assert feed.feed.title == "Headline"
    assert feed.feed.links[0].href == f"{BASE}/"
    assert next(link for link in feed.feed.links if link.rel == "self").href == f"{BASE}/feed/"
    assert [entry.title for entry in feed.entries] == ["Summit ends in agreement", "Markets rally"]

    entry = feed.entries[0]
    assert entry.link == f"{BASE}{story.url}"
    assert entry.id.startswith("tag:testserver,") and entry.id.endswith(f"article-{story.pk}")
    assert datetime(*entry.published_parsed[:6], tzinfo=UTC) == newsroom["now"] - timedelta(hours=1)
    assert entry.author == "Ana Costa and Ben Ode"
    assert [tag.term for tag in entry.tags] == ["World", "Climate", "Diplomacy"]
    assert entry.summary == "Summary of Summit ends in agreement."
    content = entry.content[0].value
    assert "Leaders" in content and f'href="{BASE}/world/"' in content
    assert f'src="{BASE}/media/images/' in content  # the body image, absolute

    enclosure = entry.enclosures[0]
    assert enclosure.href == f"{BASE}{story.lead_image.file.url}"
    assert enclosure.type == "image/jpeg"
    media = entry.media_content[0]
    assert (
        media["url"] == enclosure.href and media["width"] == "1200" and media["medium"] == "image"
    )
    assert entry.media_credit[0]["content"] == "Photo: Newsdesk"

    raw = client.get("/feed/").content.decode()
    assert "@" not in raw.replace("xmlns", "")  # no email address, not even an author's


def test_atom_feed_lists_every_author_and_the_modified_time(client, newsroom):
    feed = fetch(client, "/feed/atom/")
    assert feed.version == "atom10"
    entry = feed.entries[0]
    assert [author.name for author in entry.authors] == ["Ana Costa", "Ben Ode"]
    assert entry.authors[0].href == f"{BASE}{newsroom['ana'].get_absolute_url()}"
    assert entry.updated_parsed >= entry.published_parsed
    assert "Leaders" in entry.content[0].value
    assert next(link for link in entry.links if link.rel == "enclosure").type == "image/jpeg"
    assert next(link for link in feed.feed.links if link.rel == "self").href == (
        f"{BASE}/feed/atom/"
    )


def test_json_feed_follows_version_1_1(client, newsroom):
    response = client.get("/feed.json")
    assert response["Content-Type"].startswith("application/feed+json")
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "Headline" and feed["feed_url"] == f"{BASE}/feed.json"
    assert [item["title"] for item in feed["items"]] == [
        "Summit ends in agreement",
        "Markets rally",
    ]
    item = feed["items"][0]
    assert item["id"] and item["url"] == f"{BASE}{newsroom['story'].url}"
    assert "Leaders" in item["content_html"]
    assert datetime.fromisoformat(item["date_published"]) == newsroom["now"] - timedelta(hours=1)
    assert [author["name"] for author in item["authors"]] == ["Ana Costa", "Ben Ode"]
    assert item["tags"] == ["World", "Climate", "Diplomacy"]
    assert item["image"].startswith(f"{BASE}/media/original_images/")


@pytest.mark.parametrize("kind", ["", "atom/"])
def test_section_tag_and_author_feeds_hold_only_their_articles(client, newsroom, kind):
    def titles(url):
        return [entry.title for entry in fetch(client, url + kind).entries]

    assert titles("/business/feed/") == ["Markets rally"]
    assert titles("/world/feed/") == ["Summit ends in agreement"]
    assert titles("/tags/climate/feed/") == ["Summit ends in agreement"]
    assert titles(f"/authors/{newsroom['ben'].slug}/feed/") == [
        "Summit ends in agreement",
        "Markets rally",
    ]
    assert titles(f"/authors/{newsroom['ana'].slug}/feed/") == ["Summit ends in agreement"]
    assert client.get("/no-such-section/feed/" + kind).status_code == 404
    assert client.get("/tags/no-such-tag/feed/" + kind).status_code == 404


def test_feed_length_and_summary_only_follow_the_settings(client, newsroom, settings):
    settings.FEED_ITEMS = 1
    settings.FEED_FULL_CONTENT = False
    response = client.get("/feed/")
    feed = feedparser.parse(response.content)
    assert [entry.title for entry in feed.entries] == ["Summit ends in agreement"]
    assert feed.entries[0].summary == "Summary of Summit ends in agreement."
    assert b"content:encoded" not in response.content and b"Leaders" not in response.content


def test_conditional_get_answers_304_until_something_changes(client, newsroom):
    client.get("/feed/")  # the site's first request creates its identity settings: a change
    # A response from the very second of a change dates itself a second earlier (see
    # headline.core.freshness); this reader polls a little later.
    with time_machine.travel(timezone.now() + timedelta(seconds=1)):
        first = client.get("/feed/")
        etag, modified = first["ETag"], first["Last-Modified"]
        assert client.get("/feed/", HTTP_IF_NONE_MATCH=etag).status_code == 304
        assert client.get("/feed/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
        assert client.get("/feed/atom/", HTTP_IF_NONE_MATCH=etag).status_code == 200

    newsroom["markets"].unpublish()
    assert client.get("/feed/", HTTP_IF_NONE_MATCH=etag).status_code == 200

    make_article(newsroom["world"], "Fresh story", published_at=timezone.now())
    stale = http_date((timezone.now() - timedelta(minutes=30)).timestamp())
    assert client.get("/feed/", HTTP_IF_MODIFIED_SINCE=stale).status_code == 200


def test_pages_announce_their_feeds(client, newsroom):
    def alternates(url):
        tree = parse(client.get(url))
        return {
            (link.get("type"), link.get("href"))
            for link in tree.xpath("//head/link[@rel='alternate']")
        }

    site = {
        ("application/rss+xml", "/feed/"),
        ("application/atom+xml", "/feed/atom/"),
        ("application/feed+json", "/feed.json"),
    }
    assert site <= alternates("/")
    assert site <= alternates(newsroom["story"].url)
    assert alternates("/world/") >= site | {
        ("application/rss+xml", "/world/feed/"),
        ("application/atom+xml", "/world/feed/atom/"),
    }
    assert ("application/rss+xml", "/tags/climate/feed/") in alternates("/tags/climate/")
    ana = newsroom["ana"].slug
    assert ("application/atom+xml", f"/authors/{ana}/feed/atom/") in alternates(f"/authors/{ana}/")


def test_feed_queries_do_not_grow_with_articles(client):
    world = make_section("World")
    author = make_author()
    urls = ["/feed/", "/feed/atom/", "/feed.json", "/world/feed/", "/tags/t0/feed/"]

    def add(count):
        for n in range(count):
            body = [
                paragraph(f"Paragraph {n}."),
                {"type": "image", "value": {"image": {"image": make_image().pk}}},
                gallery([("One", "Credit"), ("Two", "")]),
                embed_block(stored_embed(f"https://video.example/{uuid4()}", make_image()).url),
            ]
            make_article(
                world, authors=[author], tags=[f"t{n}", "t0"], lead_image=make_image(), body=body
            )

    add(2)
    few = [queries_for(client, url) for url in urls]
    add(3)  # a query per article would show with any number more
    assert ArticlePage.objects.published().count() == 5
    assert [queries_for(client, url) for url in urls] == few


def test_article_comment_feed_carries_approved_comments_without_addresses(client, newsroom):
    story = newsroom["story"]
    first = make_comment(
        story, name="Grace", body="First! See https://example.org/a", email="g@x.org"
    )
    make_comment(story, name="Hidden", body="Held back", status=Comment.Status.PENDING)
    make_comment(newsroom["markets"], name="Elsewhere", body="Other story")
    url = f"{story.url}comments/feed/"
    assert ("application/rss+xml", url) in {
        (link.get("type"), link.get("href"))
        for link in parse(client.get(story.url)).xpath("//head/link[@rel='alternate']")
    }

    response = client.get(url)
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert feed.feed.title == "Comments on Summit ends in agreement"
    assert [entry.title for entry in feed.entries] == ["Comment by Grace"]
    entry = feed.entries[0]
    assert entry.link == f"{BASE}{story.url}#comment-{first.pk}"
    assert entry.author == "Grace"
    assert 'href="https://example.org/a"' in entry.summary
    assert b"@" not in response.content

    reply = make_comment(story, name="Ben", body="Reply", parent=first)
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 200
    assert feedparser.parse(again.content).entries[0].title == "Comment by Ben"
    assert f"comment-{reply.pk}" in again.content.decode()
    assert client.get(url, HTTP_IF_NONE_MATCH=again["ETag"]).status_code == 304
    assert client.get("/world/no-such-story/comments/feed/").status_code == 404
