"""Redirects left by changed slugs and moves: old addresses lead to the page's current one, never
to its own path or round a cycle, and the old addresses of an unpublished or deleted page answer
404 rather than a redirect to a missing page."""

from urllib.parse import unquote, urlsplit

import pytest
from django.core.cache import caches
from django.db import transaction
from django.test import TestCase
from django.utils.encoding import iri_to_uri
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from headline.news.models import ArticlePage, SectionPage

from .factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db

MAX_HOPS = 3
GONE = (404, 410)


def committed(action):
    """Run `action` and then what it left for commit: Wagtail sends `page_slug_changed` then."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return action()


def publish(page, **changes):
    page = Page.objects.get(pk=page.pk).specific
    for field, value in changes.items():
        setattr(page, field, value)
    committed(lambda: page.save_revision().publish())
    return page


def move(page, section):
    target = Page.objects.get(pk=section.pk)  # fresh: the tree counts children on the instance
    committed(lambda: Page.objects.get(pk=page.pk).move(target, pos="last-child"))


def unpublish(page):
    committed(lambda: Page.objects.get(pk=page.pk).specific.unpublish())


def walk(client, path):
    """Follow redirects from `path`: the addresses visited and the final status."""
    visited = [path]
    response = client.get(path)
    while response.status_code in (301, 302):
        path = urlsplit(response["Location"]).path
        assert path not in visited, f"redirect cycle: {visited + [path]}"
        visited.append(path)
        assert len(visited) <= MAX_HOPS + 1, f"too many hops: {visited}"
        response = client.get(path)
    return visited, response.status_code


def assert_redirects_sound(client):
    """Walk the whole redirect table: each old address ends, in one hop, at its live page (200),
    or answers 404/410 at once; no redirect's target is its own old address."""
    for redirect in Redirect.objects.select_related("redirect_page"):
        page = redirect.redirect_page
        assert page is not None
        assert Redirect.normalise_path(page.url) != redirect.old_path, redirect.old_path
        visited, status = walk(client, iri_to_uri(redirect.old_path) + "/")
        if status in GONE:
            assert len(visited) == 1, f"redirect to a missing page: {visited}"
        else:
            assert status == 200, (visited, status)
            if len(visited) > 1:
                assert visited == [visited[0], page.url] and page.live, visited


def test_an_unpublished_article_that_went_back_to_its_first_slug_answers_404(client, section):
    """Failure 3 of issue 8, as reported."""
    article = make_article(section, "Loop", slug="a")
    publish(article, slug="b")
    publish(article, slug="a")
    unpublish(article)
    response = client.get("/international/a/")
    assert response.status_code in GONE, (response.status_code, response.get("Location"))
    assert client.get("/international/b/").status_code in GONE
    assert_redirects_sound(client)


def test_going_back_to_an_old_slug_keeps_the_other_old_addresses(client, section):
    article = make_article(section, "Loop", slug="a")
    publish(article, slug="b")
    publish(article, slug="c")
    publish(article, slug="a")
    assert not Redirect.objects.filter(old_path="/international/a").exists()
    for old in ("/international/b/", "/international/c/"):
        assert walk(client, old) == ([old, "/international/a/"], 200)
    assert_redirects_sound(client)


def test_a_republished_article_gets_its_old_addresses_back(client, section):
    article = make_article(section, "Loop", slug="a")
    publish(article, slug="b")
    unpublish(article)
    assert walk(client, "/international/a/") == (["/international/a/"], 404)
    publish(article)
    assert walk(client, "/international/a/") == (["/international/a/", "/international/b/"], 200)


def test_moving_to_another_section_and_back(client, section):
    business = make_section("Business")
    article = make_article(section, "Mover", slug="mover")
    move(article, business)
    assert walk(client, "/international/mover/") == (
        ["/international/mover/", "/business/mover/"],
        200,
    )
    move(article, section)
    assert walk(client, "/business/mover/") == (["/business/mover/", "/international/mover/"], 200)
    assert_redirects_sound(client)
    unpublish(article)
    for old in ("/business/mover/", "/international/mover/"):
        assert walk(client, old) == ([old], 404)


def test_renaming_a_section_and_back_moves_its_articles_addresses(client, section):
    article = make_article(section, "Stays", slug="stays")
    publish(section, slug="world")
    assert walk(client, "/international/stays/") == (
        ["/international/stays/", "/world/stays/"],
        200,
    )
    publish(section, slug="international")
    assert walk(client, "/world/stays/") == (["/world/stays/", "/international/stays/"], 200)
    assert_redirects_sound(client)
    unpublish(article)
    assert walk(client, "/world/stays/") == (["/world/stays/"], 404)
    assert_redirects_sound(client)


def test_a_new_article_at_an_old_address_owns_it(client, section):
    first = make_article(section, "First", slug="a")
    publish(first, slug="b")
    second = make_article(section, "Second", slug="a")
    assert client.get("/international/a/").status_code == 200
    unpublish(second)
    assert walk(client, "/international/a/") == (["/international/a/"], 404)
    assert_redirects_sound(client)


def test_deleting_an_article_leaves_its_old_addresses_404(client, section):
    article = make_article(section, "Doomed", slug="a")
    publish(article, slug="b")
    committed(lambda: Page.objects.get(pk=article.pk).delete())
    for old in ("/international/a/", "/international/b/"):
        assert walk(client, old) == ([old], 404)
    assert not Redirect.objects.exists()


def test_unicode_slugs_redirect_and_unpublish_like_any_other(client):
    section = make_section("Москва", slug="москва")
    article = make_article(section, "Αθήνα", slug="αθήνα")
    publish(article, slug="東京")
    assert walk(client, iri_to_uri("/москва/αθήνα/")) == (
        [iri_to_uri("/москва/αθήνα/"), iri_to_uri("/москва/東京/")],
        200,
    )
    publish(article, slug="αθήνα")
    unpublish(article)
    for old in ("/москва/αθήνα/", "/москва/東京/"):
        assert walk(client, iri_to_uri(old)) == ([iri_to_uri(old)], 404)
    assert_redirects_sound(client)


ARTICLE_SLUGS = ["a", "b", "c"]
SECTION_SLUGS = ["left", "right", "centre"]
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("rename"), st.integers(0, 2), st.sampled_from(ARTICLE_SLUGS)),
        st.tuples(st.just("move"), st.integers(0, 2), st.integers(0, 1)),
        st.tuples(st.just("unpublish"), st.integers(0, 2), st.none()),
        st.tuples(st.just("republish"), st.integers(0, 2), st.none()),
        st.tuples(st.just("delete"), st.integers(0, 2), st.none()),
        st.tuples(st.just("rename_section"), st.integers(0, 1), st.sampled_from(SECTION_SLUGS)),
    ),
    min_size=1,
    max_size=10,
)


def slug_taken(page, parent, slug):
    return parent.get_children().exclude(pk=page.pk).filter(slug=slug).exists()


def apply(operation, articles, sections):
    """Do what an editor would; an operation the admin would refuse (a sibling has that slug, the
    article was deleted) is skipped."""
    kind, index, value = operation
    if kind == "rename_section":
        section = SectionPage.objects.get(pk=sections[index].pk)
        if not slug_taken(section, section.get_parent(), value):
            publish(section, slug=value)
        return
    article = ArticlePage.objects.filter(pk=articles[index].pk).first()
    if article is None:
        return
    parent = article.get_parent()
    if kind == "rename" and not slug_taken(article, parent, value):
        publish(article, slug=value)
    elif kind == "move":
        target = sections[value]
        if target.pk != parent.pk and not slug_taken(article, target, article.slug):
            move(article, target)
    elif kind == "unpublish" and article.live:
        unpublish(article)
    elif kind == "republish" and not article.live:
        publish(article)
    elif kind == "delete":
        committed(article.delete)


@pytest.fixture
def desk():
    """Two sections and three articles, built once; each example below runs in a savepoint that
    is rolled back, so every example starts from this state."""
    sections = [make_section("Left"), make_section("Right")]
    return sections, [make_article(sections[i % 2], slug=slug) for i, slug in enumerate("abc")]


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=OPERATIONS)
def test_random_renames_moves_unpublishing_and_deletes_leave_no_loop(client, desk, operations):
    sections, articles = desk
    with transaction.atomic():
        for alias in ("default", "renditions"):
            caches[alias].clear()
        for operation in operations:
            apply(operation, articles, sections)
        assert_redirects_sound(client)
        transaction.set_rollback(True)


def test_feeds_under_a_renamed_sections_old_address_follow_it(client, section):
    """Subscribers keep their feed: what lives below a page's old address (its feeds, its
    articles' comment feeds) redirects to the same place below the new one."""
    make_article(section, "Stays", slug="stays")
    publish(section, slug="мир")
    for old, new in [
        ("/international/feed/", "/мир/feed/"),
        ("/international/feed/atom/", "/мир/feed/atom/"),
        ("/international/stays/comments/feed/", "/мир/stays/comments/feed/"),
    ]:
        visited, status = walk(client, old)
        assert (visited, status) == ([old, iri_to_uri(new)], 200)
    assert walk(client, "/international/no-such-page/feed/")[1] in GONE


def test_a_decomposed_address_redirects_to_its_composed_form(client, section):
    """Slugs are stored composed (NFC); an address typed or linked decomposed still finds them."""
    make_article(section, "Lake report", tags=["Zürich"])
    response = client.get("/tags/zu%CC%88rich/?page=1")
    assert response.status_code == 301
    assert response["Location"] == "/tags/z%C3%BCrich/?page=1"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "typed",
    [
        "/tags/Z%C3%BCrich/",  # capital, composed
        "/tags/ZU%CC%88RICH/",  # capitals, decomposed
        "/%D0%9C%D0%B8%D1%80/",  # Мир: a Cyrillic capital
        "/%D0%BC%D0%B8%D1%80/Lake-Report/",
        "/authors/Ana-Lens/",
        "/%D0%9C%D0%B8%D1%80/feed/",
    ],
)
def test_a_capitalised_address_redirects_to_its_lower_case_slug(client, typed):
    """Slugs are lower case; an address typed or linked with capitals (in any script) leads to
    the page in one 301, keeping the query; one that matches nothing still ends in a 404."""
    section = make_section("Мир", slug="мир")
    make_article(section, "Lake report", slug="lake-report", tags=["Zürich"])
    make_author("Ana Lens", slug="ana-lens")
    visited, status = walk(client, typed + "?page=1")
    assert status == 200 and len(visited) <= 3, visited
    assert unquote(visited[-1]) == unquote(visited[-1]).lower()
    assert walk(client, "/tags/Nowhere/")[1] == 404
