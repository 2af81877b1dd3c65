"""What crawlers read: the sitemap index and its paginated children, the Google News sitemap and
robots.txt."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone
from lxml import etree

from headline.news.sitemaps import ArticleSitemap

from .factories import make_article, make_author, make_image, make_section
from .test_query_counts import queries_for

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
BASE = "http://testserver"


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def values(tree, xpath):
    return [el.text for el in tree.xpath(xpath, namespaces=NS)]


@pytest.fixture
def world():
    return make_section("World")


def test_index_points_to_paginated_children_with_lastmod(client, world, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    newest = None
    for hours in (3, 2, 1):
        newest = make_article(world, published_at=timezone.now() - timedelta(hours=hours))

    index = xml(client, "/sitemap.xml")
    locations = values(index, "//sm:sitemap/sm:loc")
    assert f"{BASE}/sitemap-articles.xml" in locations
    assert f"{BASE}/sitemap-articles.xml?p=2" in locations
    assert f"{BASE}/sitemap-pages.xml" in locations
    article_lastmods = index.xpath(
        "//sm:sitemap[starts-with(sm:loc, 'http://testserver/sitemap-articles')]/sm:lastmod",
        namespaces=NS,
    )
    newest.refresh_from_db()
    assert datetime.fromisoformat(article_lastmods[0].text) == newest.last_modified

    first = values(xml(client, "/sitemap-articles.xml"), "//sm:url/sm:loc")
    second = values(xml(client, "/sitemap-articles.xml?p=2"), "//sm:url/sm:loc")
    assert first == [f"{BASE}{newest.url}", first[1]] and len(second) == 1
    assert client.get("/sitemap-articles.xml?p=3").status_code == 404


def test_article_sitemap_lists_published_articles_with_lead_images(client, world):
    author = make_author("Ana Costa")
    now = timezone.now()
    pictured = make_article(
        world, "Pictured", authors=[author], lead_image=make_image(), published_at=now
    )
    plain = make_article(
        world, "Plain", tags=["Climate"], authors=[author], published_at=now - timedelta(hours=1)
    )
    make_article(world, "Draft", publish=False)

    tree = xml(client, "/sitemap-articles.xml")
    assert values(tree, "//sm:url/sm:loc") == [f"{BASE}{pictured.url}", f"{BASE}{plain.url}"]
    assert values(tree, "//sm:url[1]/image:image/image:loc") == [
        f"{BASE}{pictured.lead_image.file.url}"
    ]
    assert not tree.xpath("//sm:url[2]/image:image", namespaces=NS)
    for lastmod in values(tree, "//sm:lastmod"):
        assert datetime.fromisoformat(lastmod).tzinfo is not None

    pages = values(xml(client, "/sitemap-pages.xml"), "//sm:loc")
    assert pages == [f"{BASE}/", f"{BASE}/world/"]
    assert values(xml(client, "/sitemap-authors.xml"), "//sm:loc") == [
        f"{BASE}{author.get_absolute_url()}"
    ]
    assert values(xml(client, "/sitemap-tags.xml"), "//sm:loc") == [f"{BASE}/tags/climate/"]


def test_news_sitemap_holds_the_last_48_hours(client, world):
    with time_machine.travel(datetime(2026, 3, 2, 12, 0, tzinfo=UTC), tick=False):
        now = timezone.now()
        fresh = make_article(world, "Fresh & new", published_at=now - timedelta(hours=47))
        make_article(world, "Old news", published_at=now - timedelta(hours=49))
        make_article(world, "Unpublished", publish=False, published_at=now)
        tree = xml(client, "/news-sitemap.xml")

    assert values(tree, "//sm:url/sm:loc") == [f"{BASE}{fresh.url}"]
    news = tree.xpath("//sm:url/news:news", namespaces=NS)[0]
    assert values(news, "news:publication/news:name") == ["Headline"]
    assert values(news, "news:publication/news:language") == ["en"]
    assert values(news, "news:title") == ["Fresh & new"]
    assert values(news, "news:publication_date") == ["2026-02-28T13:00:00+00:00"]


def test_robots_txt_names_both_sitemaps_and_keeps_crawlers_out_of_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines and "Disallow: /comments/" in lines
    assert f"Sitemap: {BASE}/sitemap.xml" in lines
    assert f"Sitemap: {BASE}/news-sitemap.xml" in lines


def test_sitemap_queries_do_not_grow_with_articles(client, world):
    author = make_author()
    urls = ["/sitemap.xml", "/sitemap-articles.xml", "/news-sitemap.xml", "/sitemap-tags.xml"]

    def add(count):
        for n in range(count):
            make_article(world, authors=[author], tags=[f"t{n}"], lead_image=make_image())

    add(3)
    few = [queries_for(client, url) for url in urls]
    add(12)
    assert [queries_for(client, url) for url in urls] == few
