"""Pages cost a fixed number of queries, whatever the number of authors, tags, blocks or articles."""

from unittest import mock

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from headline.related.models import RelatedPin

from .body_blocks import embed_block, fact_box, gallery, stored_embed, table_block
from .comment_helpers import make_comment
from .factories import make_article, make_author, make_image, make_section, paragraph

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    """Queries of a view that makes the page again, as the first view after a change does
    (never served from the page cache).

    The first view creates image renditions and the site's settings rows; readers after it
    only read them. Emptying the shared cache then drops every cached fragment.
    """
    with override_settings(PAGE_CACHE=False):
        client.get(url)
        caches["default"].clear()
        caches["fragments"].clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def image_block(image):
    return {
        "type": "image",
        "value": {
            "image": {"image": image.pk, "decorative": False, "alt_text": "A photo"},
            "caption": "Caption",
            "credit": "Credit",
        },
    }


def rich_article(section, slug, size):
    body = []
    for i in range(size):
        body += [
            paragraph(f"Paragraph {i}."),
            image_block(make_image(f"Body image {i}")),
            {"type": "quote", "value": {"text": f"Quote {i}", "attribution": "Someone"}},
            embed_block(stored_embed(f"https://video.example/{slug}/{i}", make_image()).url),
            table_block([["Port", "Ships"], [f"Port {i}", str(i)]], caption=f"Table {i}"),
            fact_box(f"Facts {i}", f"<p>Fact {i}.</p>"),
            gallery([(f"Picture {i}", "Credit"), ("Another", "")]),
        ]
    return make_article(
        section,
        f"Story {slug}",
        slug=slug,
        body=body,
        authors=[make_author(photo=make_image("Portrait")) for _ in range(size)],
        tags=[f"tag-{slug}-{i}" for i in range(size)],
        lead_image=make_image("Lead"),
    )


def test_article_page_queries_do_not_grow_with_authors_tags_or_blocks(client):
    section = make_section("International")
    small = rich_article(section, "small", 1)
    large = rich_article(section, "large", 8)
    assert queries_for(client, large.url) == queries_for(client, small.url)
    assert queries_for(client, small.url) <= 30


@pytest.mark.parametrize("url", ["/", "/international/", "/authors/shared/", "/tags/common/"])
def test_listing_queries_do_not_grow_with_articles(client, url):
    section = make_section("International")
    author = make_author("Shared", slug="shared")

    def add(count):
        for _ in range(count):
            make_article(
                section, authors=[author, make_author()], tags=["common"], lead_image=make_image()
            )

    add(12)  # enough to fill every slot of the home page
    few = queries_for(client, url)
    add(4)  # a query per article would show with any number more
    assert queries_for(client, url) == few


def test_home_page_queries_do_not_grow_with_sections(client):
    def add_section(title):
        section = make_section(title)
        for _ in range(5):
            make_article(section, authors=[make_author()], lead_image=make_image())

    for title in ("International", "Business"):
        add_section(title)
    few = queries_for(client, "/")
    for title in ("Culture", "Sport", "Science"):
        add_section(title)
    assert queries_for(client, "/") == few
    assert few <= 17  # one card query per section made it 20 with two sections, 29 with five


def site_root_path_reads(client, url):
    """How often one view of `url` that makes the page again reads Wagtail's site root paths (a
    shared-cache round trip); views served from cached fragments read them once at most."""
    client.get(url)
    caches["fragments"].clear()
    caches["default"].clear()
    with mock.patch.object(Site, "get_site_root_paths", wraps=Site.get_site_root_paths) as reads:
        assert client.get(url).status_code == 200
    return reads.call_count


def test_pages_read_the_site_root_paths_once_whatever_the_links_they_show(client):
    section = make_section("International")
    article = make_article(section, "Turbines arrive", lead_image=make_image())
    for i in range(4):
        other = make_article(section, f"Wind farm story {i}", lead_image=make_image())
        RelatedPin.objects.create(page=article, article=other, sort_order=i)
        make_comment(article)
    # Related cards, comment reply links, search hits and home cards each link to a page.
    for url in (article.url, "/search/?q=wind", "/", "/international/"):
        assert site_root_path_reads(client, url) == 1, url
