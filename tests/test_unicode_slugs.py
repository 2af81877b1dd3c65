"""Unicode slugs: a section, article, tag or author named in any script has working pages, feeds,
sitemaps and search, at its percent-encoded address (`WAGTAIL_ALLOW_UNICODE_SLUGS` is on)."""

from urllib.parse import quote

import feedparser
import pytest
from django.urls import reverse
from django.utils.text import slugify
from lxml import etree
from taggit.models import Tag

from headline.news.models import Author

from .factories import make_article, make_author, make_section
from .html import parse, texts

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# Accented Latin, Cyrillic, Greek, CJK and Arabic (a right-to-left script).
NAMES = ["Zürich", "Москва", "Αθήνα", "東京", "القاهرة"]


def ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def feed(client, url):
    parsed = feedparser.parse(ok(client, url).content)
    assert not parsed.bozo, (url, parsed.get("bozo_exception"))
    return parsed


def sitemap_locations(client, url):
    return [
        el.text for el in etree.fromstring(ok(client, url).content).xpath("//sm:loc", namespaces=NS)
    ]


def alternate_links(response):
    return {link.get("href") for link in parse(response).xpath("//head/link[@rel='alternate']")}


def test_an_accented_tag_keeps_its_article_and_the_tag_sitemap_up(client, section):
    """Failure 2 of issue 8, as reported."""
    article = make_article(section, "Lake report", tags=["Zürich"])
    assert client.get(article.url).status_code == 200
    assert client.get("/sitemap-tags.xml").status_code == 200
    assert client.get("/tags/z%C3%BCrich/").status_code == 200


@pytest.mark.parametrize("name", NAMES)
def test_every_page_feed_and_sitemap_works_for_a_unicode_slug(client, name):
    slug = slugify(name, allow_unicode=True)
    encoded = quote(slug)
    section = make_section(name, slug=slug)
    author = make_author(name, slug=slug)
    article = make_article(
        section,
        f"{name} lighthouse",
        slug=slug,
        authors=[author],
        tags=[name],
        standfirst="The lighthouse keeper retires.",
    )
    tag = Tag.objects.get(name=name)
    assert tag.slug == slug  # taggit keeps the script, it does not transliterate

    section_url = f"/{encoded}/"
    article_url = f"/{encoded}/{encoded}/"
    tag_url = f"/tags/{encoded}/"
    author_url = f"/authors/{encoded}/"
    assert (section.url, article.url) == (section_url, article_url)
    assert reverse("news:tag", args=[slug]) == tag_url
    assert author.get_absolute_url() == author_url

    page = ok(client, article_url)
    tree = parse(page)
    assert tree.xpath("//a[@rel='tag']/@href") == [tag_url]
    assert author_url in tree.xpath("//a/@href")
    comments_feed = f"{article_url}comments/feed/"
    assert comments_feed in alternate_links(page)
    assert feed(client, comments_feed).feed.title == f"Comments on {name} lighthouse"

    for listing, heading in [(section_url, name), (tag_url, name), (author_url, name)]:
        response = ok(client, listing)
        assert {f"{listing}feed/", f"{listing}feed/atom/"} <= alternate_links(response), listing
        assert heading in texts(parse(response), "//h1")[0]
        assert article_url in parse(response).xpath("//main//a/@href"), listing
        for feed_url in (f"{listing}feed/", f"{listing}feed/atom/"):
            entries = feed(client, feed_url).entries
            assert [entry.link for entry in entries] == [f"{BASE}{article_url}"], feed_url

    children = sitemap_locations(client, "/sitemap.xml")
    everything = [loc for child in children for loc in sitemap_locations(client, child)]
    for url in (article_url, section_url, tag_url, author_url):
        assert f"{BASE}{url}" in everything, url
    assert f"{BASE}/tags/{encoded}/" in sitemap_locations(client, "/sitemap-tags.xml")
    assert f"{BASE}{article_url}" in sitemap_locations(client, "/news-sitemap.xml")

    hits = parse(ok(client, f"/search/?q=lighthouse&section={encoded}"))
    assert texts(hits, "//ol[contains(@class, 'search-hits')]//h2") == [f"{name} lighthouse"]


def test_tags_differing_only_by_accent_or_case_get_distinct_lasting_pages(client, section):
    names = ["Zurich", "Zürich", "zürich", "ZÜRICH"]
    make_article(section, "Lake report", tags=names)
    slugs = {name: Tag.objects.get(name=name).slug for name in names}
    assert len(set(slugs.values())) == len(names), slugs

    make_article(section, "Another lake report", tags=["zurich", "ZURICH"])
    assert {name: Tag.objects.get(name=name).slug for name in names} == slugs
    for name, slug in slugs.items():
        page = ok(client, reverse("news:tag", args=[slug]))
        assert texts(parse(page), "//h1")[0].endswith(name), (name, slug)


def test_a_tag_given_in_code_is_cleaned_like_one_typed_in_the_admin(section):
    """Decomposed `Zürich` is the composed tag (NFC); a name of control characters adds no tag."""
    first = make_article(section, "Lake report", tags=["Zürich"])
    second = make_article(section, "Lake shore", tags=["Zu\u0308rich", "\x1b\u200b"])
    assert Tag.objects.filter(name__startswith="Z").count() == 1
    assert [tag.name for tag in second.tags.all()] == [tag.name for tag in first.tags.all()]
    assert Tag.objects.count() == 1


@pytest.mark.parametrize("name", ["!!!", "---", "…", "🙂"])
def test_a_tag_without_letters_still_gets_a_page(client, section, name):
    article = make_article(section, "Punctuation", tags=[name])
    ok(client, article.url)
    ok(client, "/sitemap-tags.xml")
    tag = Tag.objects.get(name=name)
    assert name in texts(parse(ok(client, reverse("news:tag", args=[tag.slug]))), "//h1")[0]


def test_an_editor_can_give_an_author_a_unicode_slug(admin_client):
    response = admin_client.post(
        "/admin/snippets/news/author/add/",
        {"name": "Ηλέκτρα Παππά", "slug": "ηλέκτρα-παππά", "job_title": "", "bio": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Author.objects.get(slug="ηλέκτρα-παππά").name == "Ηλέκτρα Παππά"
