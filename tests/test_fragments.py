"""Shared fragments: pages a reader sees after the first are made from cached parts, and every
change to what a part shows is on the page at once (`headline.core.freshness.cached`)."""

from datetime import timedelta

import lxml.html
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Site

from headline.comments.models import Comment
from headline.comments.moderation import decide
from headline.core.models import SiteIdentity
from headline.related.models import RelatedPin

from .comment_helpers import make_comment, set_rules
from .factories import make_article, make_author, make_image, paragraph
from .html import parse, texts

pytestmark = pytest.mark.django_db

LISTINGS = ["/", "/international/", "/feed/", "/search/?q=turbines"]


def cached_view(client, url):
    """The page as every reader after the first gets it, and the queries it cost."""
    client.get(url)  # makes image renditions and the site's settings rows
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(captured)


def shows(client, url, text):
    """Whether `text` is on the page as a reader reads it (search marks the words it found)."""
    tree = lxml.html.fromstring(client.get(url).content)  # bytes: feeds declare their encoding
    return text in " ".join(tree.text_content().split())


@pytest.fixture
def story(section):
    author = make_author("Ines Ortega")
    article = make_article(
        section,
        "Turbines arrive at the estuary",
        authors=[author],
        tags=["Energy"],
        lead_image=make_image("Turbine at dawn"),
        body=[paragraph("The turbines arrived by barge.")],
    )
    reply_to = make_comment(article, body="First!")
    make_comment(article, body="A reply.", parent=reply_to)
    return article


def test_article_page_costs_one_query_once_its_fragments_are_cached(client, story):
    response, queries = cached_view(client, story.url)
    assert queries == 1  # the article itself; the route to it is cached
    tree = parse(response)
    assert texts(tree, "//h1") == ["Turbines arrive at the estuary"]
    assert texts(tree, "//*[@class='comment-text']") == ["First!", "A reply."]
    assert tree.xpath("//input[@name='csrfmiddlewaretoken']")  # the form is made per request


@pytest.mark.parametrize("url", LISTINGS)
def test_listings_cost_no_query_once_cached(client, story, url):
    assert cached_view(client, url)[1] <= 1  # tag and author pages look their subject up


def test_an_edited_article_shows_at_once_on_its_page_and_every_listing(client, story):
    for url in [story.url, *LISTINGS]:
        cached_view(client, url)
    story.title = "Turbines arrive at the estuary after delays"
    story.save_revision().publish()
    for url in [story.url, *LISTINGS]:
        assert shows(client, url, "after delays"), url


def test_an_unpublished_article_leaves_every_listing_and_related_box(client, section, story):
    other = make_article(section, "More turbines", body=[paragraph("The turbines arrived.")])
    RelatedPin.objects.create(page=other, article=story, sort_order=0)
    for url in [other.url, *LISTINGS]:
        assert shows(client, url, "Turbines arrive at the estuary"), url
    story.unpublish()
    for url in [other.url, *LISTINGS]:
        assert not shows(client, url, "Turbines arrive at the estuary"), url


def test_renamed_authors_tags_sections_and_images_show_at_once(client, story):
    def article():
        return parse(client.get(story.url))

    for url in (story.url, "/", "/international/"):
        cached_view(client, url)
    # One change at a time, each checked before the next: every one moves its own scope.
    author = story.authors[0]
    author.name = "Inés Ortega-Ruiz"
    author.save()
    assert texts(article(), "//*[@class='byline']/a") == ["Inés Ortega-Ruiz"]
    for url in ("/", "/international/"):
        assert shows(client, url, "Inés Ortega-Ruiz"), url
    tag = Tag.objects.get(name="Energy")
    tag.name = "Renewable energy"
    tag.save()
    assert texts(article(), "//ul[@class='tags']//a") == ["Renewable energy"]
    image = story.lead_image
    image.description = "Turbine blades at dawn"
    image.save()
    assert article().xpath("//figure[@class='lead-image']/img/@alt") == ["Turbine blades at dawn"]
    section = story.get_parent().specific
    section.title = "World"
    section.save_revision().publish()
    tree = article()
    assert "World" in texts(tree, "//nav[@class='sections']//a")
    assert texts(tree, "//*[@class='kicker']") == ["World"]


def test_the_site_identity_shows_at_once(client, story):
    cached_view(client, story.url)
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.name = "The Estuary Echo"
    identity.save()
    tree = parse(client.get(story.url))
    assert texts(tree, "//a[@class='brand']") == ["The Estuary Echo"]


def test_comments_show_in_the_thread_and_the_card_counts_at_once(client, story):
    for url in (story.url, "/"):
        cached_view(client, url)
    held = make_comment(story, body="Worth waiting for.", status=Comment.Status.PENDING)
    assert not shows(client, story.url, "Worth waiting for.")
    decide([held], Comment.Status.APPROVED)
    tree = parse(client.get(story.url))
    assert "Worth waiting for." in texts(tree, "//*[@class='comment-text']")
    assert texts(tree, "//h2[@id='comments-title']") == ["3 comments"]
    assert shows(client, "/", "3 comments")
    decide([held], Comment.Status.SPAM)
    assert not shows(client, story.url, "Worth waiting for.")
    assert shows(client, "/", "2 comments")


def test_comment_rules_and_the_clock_shape_the_cached_thread_at_once(client, story):
    story.published_at = timezone.now() - timedelta(hours=23)
    story.save_revision().publish()
    cached_view(client, story.url)
    assert len(texts(parse(client.get(story.url)), "//a[@class='comment-reply-link']")) == 2
    set_rules(max_depth=2)
    tree = parse(client.get(story.url))
    assert texts(tree, "//a[@class='comment-reply-link']") == ["Reply"]  # not under the reply
    set_rules(close_after_days=1)
    assert not shows(client, story.url, "Comments are closed.")
    # Two hours on the article is older than a day: closed, with nothing changed in between.
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        tree = parse(client.get(story.url))
    assert texts(tree, "//*[@class='comments-closed']") == ["Comments are closed."]
    assert not tree.xpath("//a[@class='comment-reply-link']")


def test_a_newly_published_article_is_found_by_search_at_once(client, story, section):
    cached_view(client, "/search/?q=turbines")
    make_article(section, "Turbines switched on", body=[paragraph("The turbines turned.")])
    assert shows(client, "/search/?q=turbines", "Turbines switched on")


def test_sections_added_after_the_site_was_cached_open_at_once(client):
    """The cached site carries its root page, whose child count treebeard trusts: a home page
    cached while it had no section would otherwise route nothing below it."""
    from .factories import make_section

    cached_view(client, "/")
    first = make_section("Politics")
    assert client.get(first.url).status_code == 200
    second = make_section("Sport")
    story = make_article(second, "A late goal")
    assert client.get(second.url).status_code == 200
    assert client.get(story.url).status_code == 200
