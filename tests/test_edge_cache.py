"""The edge cache layer: who may keep each response, and exactly what a change purges.

Public responses (the same for every anonymous reader) say how long browsers and shared caches
may keep them; anything personal says `private, no-store`. Each change the newsroom or a
moderator makes purges, through Wagtail's front-end cache invalidation, every address that shows
it and no other (the purged URLs are recorded by a backend that sends nothing).
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.cache import get_max_age
from taggit.models import Tag
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import Site

from headline.comments.models import Comment
from headline.core.models import SiteIdentity
from headline.news.models import ArticleAuthor, ArticlePage
from headline.related.models import RelatedPin

from .comment_helpers import make_comment, post_comment, set_rules
from .factories import (
    make_article,
    make_author,
    make_section,
    make_standard_page,
    paragraph,
    site_root_url,
)
from .test_newsroom import article_form

pytestmark = pytest.mark.django_db

PURGED_URLS = set()


class RecordingBackend(BaseBackend):
    """A front-end cache that notes what it is asked to purge."""

    def purge(self, url):
        PURGED_URLS.add(url)


PUBLIC = "public, max-age=30, s-maxage=600, stale-while-revalidate=60"
PRIVATE = "private, no-store"


def cache_control(response):
    return ", ".join(sorted(part.strip() for part in response["Cache-Control"].split(",")))


@pytest.fixture
def newsroom():
    world, sport = make_section("World"), make_section("Sport")
    ana, ben = make_author("Ana Costa", slug="ana-costa"), make_author("Ben Ode", slug="ben-ode")
    # Nothing in common between the two, so neither related box lists the other.
    story, other = (
        make_article(section, title, slug=slug, authors=[author], tags=[tag], standfirst=lead,
                     body=[paragraph(text)])
        for section, title, slug, author, tag, lead, text in (
            (world, "Summit ends", "summit", ana, "Diplomacy", "Leaders agree.",
             "Diplomats signed the treaty."),
            (sport, "Cup final", "cup-final", ben, "Football", "Goals galore.",
             "Strikers scored twice."),
        )
    )  # fmt: skip
    return {"world": world, "sport": sport, "ana": ana, "ben": ben, "story": story, "other": other}


# --- Cache-Control -------------------------------------------------------------------------


PUBLIC_PAGES = [
    "/",
    "/world/",
    "/tags/diplomacy/",
    "/authors/ana-costa/",
    "/search/?q=summit",
    "/corrections/",
    "/feed/",
    "/world/feed/",
    "/world/summit/comments/feed/",
    "/sitemap.xml",
    "/news-sitemap.xml",
    "/robots.txt",
    "/no-such-page/",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_anonymous_pages_may_be_kept_by_shared_caches(client, newsroom, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    assert cache_control(response) == cache_control_of(PUBLIC)
    assert not response.cookies


def cache_control_of(value):
    return ", ".join(sorted(part.strip() for part in value.split(",")))


def test_cache_lifetimes_come_from_settings(client, newsroom, settings):
    settings.EDGE_MAX_AGE, settings.EDGE_S_MAXAGE, settings.EDGE_STALE_SECONDS = 5, 86400, 120
    response = client.get("/world/")
    assert get_max_age(response) == 5
    assert "s-maxage=86400" in response["Cache-Control"]
    assert "stale-while-revalidate=120" in response["Cache-Control"]


def test_html_pages_answer_304_while_unchanged_and_stay_public(client, newsroom):
    first = client.get("/world/")
    assert first["ETag"]
    again = client.get("/world/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert cache_control(again) == cache_control_of(PUBLIC)


def test_an_article_page_with_its_comment_form_holds_nothing_personal_and_is_public(
    client, newsroom
):
    # The comment form's token is fetched by comments.js (`/comments/form-token/`): the page
    # leaves its field empty, sets no CSRF cookie and is shared.
    response = client.get("/world/summit/")
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken" value=""' in response.content.decode()
    assert not response.cookies
    assert cache_control(response) == cache_control_of(PUBLIC)


def test_a_form_with_a_csrf_token_is_private(client, newsroom):
    response = client.get(reverse("comments:privacy"))
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert cache_control(response) == cache_control_of(PRIVATE)


@pytest.mark.parametrize("cookie", ["sessionid", "messages"])
@pytest.mark.parametrize("url", ["/", "/world/", "/feed/"])
def test_readers_with_a_session_or_a_message_get_private_answers(client, newsroom, url, cookie):
    client.cookies[cookie] = "anything"
    assert cache_control(client.get(url)) == cache_control_of(PRIVATE)


def test_signed_in_staff_and_the_admin_are_private(admin_client, newsroom):
    story = newsroom["story"].pk
    for url in ("/", "/world/summit/", "/admin/", f"/admin/pages/{story}/edit/"):
        assert is_private(admin_client.get(url)), url
    preview = admin_client.get(f"/admin/pages/{story}/view_draft/")
    assert preview.status_code == 200
    assert is_private(preview)
    assert is_private(Client().get("/admin/login/"))


def is_private(response):
    """Private and not stored (the admin adds Django's never_cache directives to that)."""
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    return {"private", "no-store"} <= directives and "public" not in directives


def test_post_results_and_refusals_are_private(client, newsroom):
    response = post_comment(client, newsroom["story"])
    assert response.status_code in (200, 302)
    assert cache_control(response) == cache_control_of(PRIVATE)
    too_long = client.get("/search/", {"q": "x" * 300})
    assert too_long.status_code == 400
    assert cache_control(too_long) == cache_control_of(PRIVATE)


# --- Purges ---------------------------------------------------------------------------------


@pytest.fixture
def purged(settings, django_capture_on_commit_callbacks):
    """The URLs purged by what a test does inside `with purged() as urls:`, as paths."""
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "tests.test_edge_cache.RecordingBackend"}
    }
    root = site_root_url()

    class Recorder:
        def __init__(self):
            self.paths = set()

        def __enter__(self):
            PURGED_URLS.clear()
            self.capture = django_capture_on_commit_callbacks(execute=True)
            self.capture.__enter__()
            return self.paths

        def __exit__(self, *exc):
            self.capture.__exit__(*exc)
            # Purges queued by the purges' own callbacks (background tasks run at once in tests).
            assert all(url.startswith(root) for url in PURGED_URLS), PURGED_URLS
            self.paths.update(url.removeprefix(root) for url in PURGED_URLS)

    return Recorder


def feeds(path):
    return {path, path + "feed/", path + "feed/atom/"}


SITE_WIDE = {
    "/",
    "/search/",
    "/feed/",
    "/feed/atom/",
    "/feed.json",
    "/corrections/",
    "/corrections/feed/",
    "/sitemap.xml",
    "/news-sitemap.xml",
    "/sitemap-articles.xml",
    "/sitemap-pages.xml",
    "/sitemap-authors.xml",
    "/sitemap-tags.xml",
}
STORY = (
    SITE_WIDE
    | {"/world/summit/", "/world/summit/comments/feed/"}
    | feeds("/world/")
    | feeds("/tags/diplomacy/")
    | feeds("/authors/ana-costa/")
)
OTHER = {"/sport/cup-final/", "/sport/", "/tags/football/", "/authors/ben-ode/"}


def test_publishing_an_update_purges_every_page_that_shows_the_article(newsroom, purged):
    page = ArticlePage.objects.get(pk=newsroom["story"].pk)
    page.title = "Summit ends in agreement"
    with purged() as paths:
        page.save_revision().publish()
    assert paths >= STORY
    assert not paths & OTHER


def test_an_update_also_purges_the_sections_tags_and_authors_it_leaves(newsroom, purged):
    page = ArticlePage.objects.get(pk=newsroom["story"].pk)
    page.tags.set(["Treaties"])
    # In memory until published, as the admin's form does (a queryset delete would act at once).
    page.article_authors = [ArticleAuthor(author=newsroom["ben"])]
    page.extra_sections.add(newsroom["sport"])
    with purged() as paths:
        page.save_revision().publish()
    assert paths >= feeds("/tags/diplomacy/") | feeds("/tags/treaties/")
    assert paths >= feeds("/authors/ana-costa/") | feeds("/authors/ben-ode/")
    assert paths >= feeds("/world/") | feeds("/sport/")
    assert "/sport/cup-final/" not in paths


def test_a_first_publication_purges_its_listings_and_the_boxes_that_pin_it(newsroom, purged):
    draft = make_article(newsroom["world"], "Talks resume", slug="talks", publish=False)
    pinning = ArticlePage.objects.get(pk=newsroom["other"].pk)
    pinning.related_pins.add(RelatedPin(article=draft))
    pinning.save_revision().publish()
    with purged() as paths:
        draft.save_revision().publish()
    assert {"/world/talks/", "/", "/world/", "/feed/", "/sitemap-articles.xml"} <= paths
    assert "/sport/cup-final/" in paths  # its related box now shows the new article


def test_the_related_lists_that_change_after_a_publish_are_purged(newsroom, purged):
    body = "Leaders met at the summit and signed a climate treaty after long talks."
    first = make_article(newsroom["world"], "Climate treaty signed", slug="treaty-1")
    first.body = [{"type": "paragraph", "value": f"<p>{body}</p>"}]
    first.save_revision().publish()
    second = make_article(newsroom["world"], "Climate treaty signed again", publish=False)
    second.body = [{"type": "paragraph", "value": f"<p>{body}</p>"}]
    with purged() as paths:
        second.save_revision().publish()
    assert first.related_links.filter(related=second).exists()
    assert "/world/treaty-1/" in paths


def test_unpublishing_purges_what_showed_the_article(newsroom, purged):
    with purged() as paths:
        ArticlePage.objects.get(pk=newsroom["story"].pk).unpublish()
    assert paths >= STORY
    assert not paths & OTHER


def test_deleting_purges_what_showed_the_article(newsroom, purged):
    with purged() as paths:
        ArticlePage.objects.get(pk=newsroom["story"].pk).delete()
    assert paths >= STORY
    assert not paths & OTHER


def test_moving_an_article_purges_its_old_and_new_addresses(newsroom, purged):
    page = ArticlePage.objects.get(pk=newsroom["story"].pk)
    with purged() as paths:
        page.move(newsroom["sport"], pos="last-child")
    assert {"/world/summit/", "/sport/summit/"} <= paths
    assert paths >= feeds("/world/") | feeds("/sport/")


@pytest.mark.parametrize("action", ["approve", "trash"])
def test_moderating_a_comment_purges_its_article_its_feed_and_the_cards_counting_it(
    newsroom, purged, admin_client, action
):
    status = Comment.Status.PENDING if action == "approve" else Comment.Status.APPROVED
    comment = make_comment(newsroom["story"], status=status)
    url = reverse("wagtail_bulk_action", args=["comments", "comment", action])
    with purged() as paths:
        assert admin_client.post(f"{url}?id={comment.pk}&next=/admin/").status_code == 302
    expected = {"/world/summit/", "/world/summit/comments/feed/", "/", "/search/", "/world/"}
    assert paths == expected | {"/tags/diplomacy/", "/authors/ana-costa/"}


@pytest.mark.parametrize("action", ["approve", "trash", "delete"])
def test_moderating_a_comment_on_a_standard_page_purges_that_page(
    newsroom, purged, admin_client, action
):
    """A standard page has no card and no comment feed: its own address is all that shows it."""
    page = make_standard_page("About us", slug="about")
    status = Comment.Status.PENDING if action == "approve" else Comment.Status.APPROVED
    comment = make_comment(page, status=status)
    url = reverse("wagtail_bulk_action", args=["comments", "comment", action])
    with purged() as paths:
        assert admin_client.post(f"{url}?id={comment.pk}&next=/admin/").status_code == 302
    assert paths == {"/about/"}
    assert Comment.objects.filter(status="approved").exists() is (action == "approve")


def test_renaming_an_author_purges_their_pages_and_their_articles(newsroom, purged):
    author = newsroom["ana"]
    author.name, author.slug = "Ana Costa-Silva", "ana-costa-silva"
    with purged() as paths:
        author.save()
    assert paths >= STORY - {"/authors/ana-costa/"} | feeds("/authors/ana-costa-silva/")
    assert paths >= feeds("/authors/ana-costa/")  # the old address
    assert not paths & OTHER


def test_renaming_a_tag_purges_its_pages_and_its_articles(newsroom, purged):
    tag = Tag.objects.get(slug="diplomacy")
    tag.name, tag.slug = "Diplomatic talks", "diplomatic-talks"
    with purged() as paths:
        tag.save()
    assert paths >= feeds("/tags/diplomacy/") | feeds("/tags/diplomatic-talks/")
    assert "/world/summit/" in paths
    assert not paths & OTHER


def test_renaming_a_section_purges_every_page(newsroom, purged):
    section = newsroom["sport"].get_latest_revision_as_object()
    section.title = "Sports"
    with purged() as paths:
        section.save_revision().publish()
    assert paths == {"/*"}


def test_renaming_the_site_or_changing_comment_rules_purges_every_page(newsroom, purged):
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.name = "The Linden Courier"
    with purged() as paths:
        identity.save()
    assert paths == {"/*"}
    with purged() as paths:
        set_rules(close_after_days=1)
    assert paths == {"/*"}


def test_an_editors_publish_in_the_admin_purges_the_new_article_and_its_listings(
    newsroom, purged, admin_client
):
    add = f"/admin/pages/add/news/articlepage/{newsroom['world'].pk}/"
    form = {**article_form(newsroom["ana"], tags="Diplomacy"), "action-publish": "publish"}
    with purged() as paths:
        assert admin_client.post(add, form).status_code == 302
    assert ArticlePage.objects.get(slug="harbour-reopens").live
    expected = {"/world/harbour-reopens/", "/world/harbour-reopens/comments/feed/"}
    assert paths >= expected | SITE_WIDE | feeds("/world/") | feeds("/tags/diplomacy/")
    assert paths >= feeds("/authors/ana-costa/")
    assert not paths & OTHER
