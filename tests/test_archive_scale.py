"""Listings read as far as they show, whatever the archive's size (PostgreSQL's query plans).

`make bench BENCH=scale` measures render times at 2,000 and 20,000 articles; these tests keep the
plans that make them equal: a newest-first page of the whole archive or of a section walks the
publication-time index backwards and stops, instead of sorting every article (and, for a
section, de-duplicating every row of a join) on each view. The planner is told to avoid
sequential scans and full sorts, as it does by itself for a large archive: a listing that has
no other way to be read still sorts, and fails.
"""

import pytest
from django.conf import settings
from django.db import connection, transaction

from headline.news.models import ArticlePage

from .factories import make_article, make_section

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        "sqlite" in settings.DATABASES["default"]["ENGINE"],
        reason="PostgreSQL's query plans; runs on the PostgreSQL lane (make test-services)",
    ),
]


def plan(queryset):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.fixture
def archive():
    world = make_section("World")
    business = make_section("Business")
    for n in range(6):
        make_article(world, f"World story {n}")
        make_article(business, f"Business story {n}", extra_sections=[world])
    return world


def test_the_newest_articles_are_read_from_the_publication_index(archive):
    listing = plan(ArticlePage.objects.published().newest_first()[:20])
    assert "Index Scan Backward using news_articlepage_published_at" in listing, listing


def test_a_section_page_is_read_from_the_index_without_deduplicating_a_join(archive):
    listing = plan(ArticlePage.objects.published().in_section(archive).newest_first()[:10])
    assert "Index Scan Backward using news_articlepage_published_at" in listing, listing
    assert "Unique" not in listing and "HashAggregate" not in listing, listing
    shown = ArticlePage.objects.published().in_section(archive).newest_first()
    assert [a.title for a in shown][:2] == ["Business story 5", "World story 5"]
    assert shown.count() == 12
