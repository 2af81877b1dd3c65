import pytest

from .factories import make_article, make_section

pytestmark = pytest.mark.django_db


def test_article_renders(client):
    section = make_section("International")
    article = make_article(section, "A state visit")
    response = client.get(article.url)
    assert response.status_code == 200
    assert b"A state visit" in response.content
