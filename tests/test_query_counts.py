"""Pages cost a fixed number of queries, whatever the number of authors, tags, blocks or articles."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import make_article, make_author, make_image, make_section, paragraph

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)  # the first view creates image renditions; readers after it only read them
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
    add(15)
    assert queries_for(client, url) == few
