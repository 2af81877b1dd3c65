"""Conditional GET is exact: every feed and sitemap answers 304 only while nothing it shows has
changed. Each response is fetched, one thing it shows is changed the way the newsroom or a
moderator changes it, and both validators (ETag for If-None-Match, Last-Modified for
If-Modified-Since) must move."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Site

from headline.comments.models import Comment
from headline.core.models import SiteIdentity
from headline.news.models import ArticleAuthor, ArticleCorrection, ArticlePage

from .comment_helpers import make_comment
from .factories import make_article, make_author, make_section, paragraph
from .shared_cache import evict_everything

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(admin_user):
    """A newsroom member signed in to the admin, in a browser of their own."""
    browser = Client()
    browser.force_login(admin_user)
    return browser


@pytest.fixture
def clock():
    """Time stands still unless a test moves it, so "the same second" is exact."""
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


@pytest.fixture
def newsroom(clock):
    """A section, an author, a tagged article with a correction, one approved and one held comment."""
    world = make_section("World")
    ana = make_author("Ana Costa", slug="ana-costa")
    story = make_article(
        world,
        "Summit ends in agreement",
        slug="summit",
        authors=[ana],
        tags=["Diplomacy"],
        published_at=timezone.now() - timedelta(hours=1),
    )
    page = ArticlePage.objects.get(pk=story.pk)
    page.corrections.add(ArticleCorrection(text="An earlier version misspelt a name."))
    page.save_revision().publish()
    SiteIdentity.for_site(Site.objects.get(is_default_site=True))  # as any earlier request did
    return {
        "world": world,
        "ana": ana,
        "story": story,
        "approved": make_comment(story, name="Grace", body="Thank you for this report."),
        "held": make_comment(
            story, name="Ben", body="Waiting here.", status=Comment.Status.PENDING
        ),
    }


def edit_article(newsroom, moderator):
    """The editor rewrites headline and body, adds a tag and a co-author, and publishes."""
    page = ArticlePage.objects.get(pk=newsroom["story"].pk)
    page.title = "Summit ends in a fragile agreement"
    page.body = [paragraph("Leaders agreed after four days.")]
    page.tags.add("Climate")
    page.article_authors.add(ArticleAuthor(author=make_author("Ola Berg", slug="ola-berg")))
    page.save_revision().publish()


def rename_author(newsroom, moderator):
    author = newsroom["ana"]
    author.name = "Ana Costa-Silva"
    author.save()


def rename_tag(newsroom, moderator):
    tag = Tag.objects.get(slug="diplomacy")
    tag.name = "Diplomacy and treaties"
    tag.save()


def retitle_section(newsroom, moderator):
    section = newsroom["world"].get_latest_revision_as_object()
    section.title = "World news"
    section.save_revision().publish()


def add_correction(newsroom, moderator):
    page = ArticlePage.objects.get(pk=newsroom["story"].pk)
    page.corrections.add(ArticleCorrection(text="The summit lasted four days, not three."))
    page.save_revision().publish()


def edit_comment_in_admin(newsroom, moderator):
    """A moderator removes personal data from an approved comment (failure 4)."""
    comment = newsroom["approved"]
    response = moderator.post(
        reverse("comments_moderation:edit", args=[comment.pk]),
        {"name": comment.name, "email": comment.email, "url": "", "body": "[removed]"},
    )
    assert response.status_code == 302


def approve_comment_in_admin(newsroom, moderator):
    held = newsroom["held"]
    url = reverse("wagtail_bulk_action", args=["comments", "comment", "approve"])
    assert moderator.post(f"{url}?id={held.pk}&next=/admin/").status_code == 302
    held.refresh_from_db()
    assert held.status == Comment.Status.APPROVED


def trash_comment_in_admin(newsroom, moderator):
    url = reverse("wagtail_bulk_action", args=["comments", "comment", "trash"])
    assert moderator.post(f"{url}?id={newsroom['approved'].pk}&next=/admin/").status_code == 302


def rename_site(newsroom, moderator):
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.name = "The Linden Courier"
    identity.save()


ARTICLE_FEED_CHANGES = [
    edit_article,
    rename_author,
    rename_tag,
    retitle_section,
    add_correction,
    rename_site,
]
# Each response with validators, and every change to something it shows.
SHOWN = {
    "/feed/": ARTICLE_FEED_CHANGES,
    "/feed/atom/": ARTICLE_FEED_CHANGES,
    "/feed.json": ARTICLE_FEED_CHANGES,
    "/world/feed/": ARTICLE_FEED_CHANGES,
    "/world/feed/atom/": ARTICLE_FEED_CHANGES,
    "/tags/diplomacy/feed/": ARTICLE_FEED_CHANGES,
    "/tags/diplomacy/feed/atom/": ARTICLE_FEED_CHANGES,
    "/authors/ana-costa/feed/": ARTICLE_FEED_CHANGES,
    "/authors/ana-costa/feed/atom/": ARTICLE_FEED_CHANGES,
    "/corrections/feed/": [edit_article, add_correction, rename_site],
    "/world/summit/comments/feed/": [
        edit_comment_in_admin,
        approve_comment_in_admin,
        trash_comment_in_admin,
        edit_article,
        rename_site,
    ],
    "/sitemap.xml": [edit_article, add_correction],
    "/sitemap-articles.xml": [edit_article, add_correction],
    "/sitemap-pages.xml": [retitle_section],
    "/sitemap-authors.xml": [edit_article],
    "/sitemap-tags.xml": [edit_article],
    "/news-sitemap.xml": [edit_article, rename_site],
}
CASES = [(url, change) for url, changes in SHOWN.items() for change in changes]


def validators(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response, response["ETag"], response["Last-Modified"]


@pytest.mark.parametrize(
    ("url", "change"), CASES, ids=[f"{url}-{change.__name__}" for url, change in CASES]
)
def test_validators_change_with_everything_a_response_shows(
    client, clock, newsroom, moderator, url, change
):
    clock.shift(2)
    before, etag, modified = validators(client, url)
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304

    change(newsroom, moderator)  # within the second of the response above

    by_etag = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert by_etag.status_code == 200
    assert by_etag["ETag"] != etag
    assert by_etag.content != before.content  # the change is one the response shows
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=modified)
    assert by_date.status_code == 200
    assert by_date["Last-Modified"] != modified
    # The new validators hold until the next change.
    assert client.get(url, HTTP_IF_NONE_MATCH=by_etag["ETag"]).status_code == 304
    clock.shift(1)
    settled = client.get(url)["Last-Modified"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=settled).status_code == 304


def test_a_second_change_within_the_same_second_still_moves_last_modified(
    client, clock, newsroom, moderator
):
    url = "/world/summit/comments/feed/"
    clock.shift(2)
    approve_comment_in_admin(newsroom, moderator)
    _, _, modified = validators(client, url)  # made in the second of that change
    edit_comment_in_admin(newsroom, moderator)  # and another change in that second
    response = client.get(url, HTTP_IF_MODIFIED_SINCE=modified)
    assert response.status_code == 200 and b"[removed]" in response.content


def test_a_moderators_edit_to_an_approved_comment_refreshes_the_comment_feed(
    client, clock, newsroom, moderator
):
    url = "/world/summit/comments/feed/"
    first = client.get(url)
    assert b"Thank you for this report." in first.content

    edit_comment_in_admin(newsroom, moderator)

    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert b"[removed]" in again.content and b"Thank you" not in again.content


@pytest.mark.parametrize("url", list(SHOWN))
def test_a_forgotten_content_version_never_gives_a_stale_304(client, clock, newsroom, url):
    """The shared cache may evict a version: the next answer is a full one with new validators."""
    clock.shift(2)
    _, etag, modified = validators(client, url)
    evict_everything()
    by_etag = client.get(url, HTTP_IF_NONE_MATCH=etag)
    evict_everything()
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=modified)
    assert by_etag.status_code == 200 and by_etag["ETag"] != etag
    assert by_date.status_code == 200 and by_date["Last-Modified"] != modified


def test_an_article_leaving_the_news_sitemap_window_changes_its_validators(client, clock, newsroom):
    url = "/news-sitemap.xml"
    clock.shift(2)
    before, etag, modified = validators(client, url)
    assert b"Summit ends in agreement" in before.content
    clock.shift(timedelta(hours=48))  # nothing is edited: the article just grows old
    by_etag = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert by_etag.status_code == 200
    assert b"Summit ends in agreement" not in by_etag.content
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=modified)
    assert by_date.status_code == 200 and by_date["Last-Modified"] != modified
    assert client.get(url, HTTP_IF_NONE_MATCH=by_etag["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=by_date["Last-Modified"]).status_code == 304
