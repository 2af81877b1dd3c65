"""Related Articles: what the box under an article shows, how publishing updates it, and the
evaluation command's arithmetic."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from headline.related.models import RelatedPin

from .factories import make_article, make_image, make_section, paragraph
from .html import parse, texts

pytestmark = pytest.mark.django_db

WIND = (
    "The offshore wind farm won planning approval. Turbines will stand in the estuary and "
    "the wind farm operator promises cheaper electricity from turbines by the coast."
)
RAIL = (
    "Train drivers walked out over pay. The rail strike stopped trains across the network "
    "and commuters waited on platforms while the rail union met the train operators."
)
CAKE = (
    "A village baker won the county show with a lemon sponge. Judges praised the icing, "
    "the crumb and the baker's patience with a temperamental oven."
)


def story(section, title, text, **fields):
    return make_article(section, title, standfirst=title, body=[paragraph(text)], **fields)


def related_titles(client, article):
    tree = parse(client.get(article.url))
    return texts(tree, "//section[@class='related-articles']//h3")


@pytest.fixture
def section():
    return make_section("Business")


def test_box_shows_published_neighbours_pins_first_and_no_filler(client, section):
    now = timezone.now()
    article = story(section, "Wind farm approved", WIND)
    near = story(section, "Wind farm turbines arrive", WIND, lead_image=make_image("Turbine"))
    old = story(section, "Wind farm first proposed", WIND, published_at=now - timedelta(days=3000))
    story(section, "Wind farm draft", WIND, publish=False)
    scheduled = story(section, "Wind farm embargoed", WIND, publish=False)
    scheduled.go_live_at = now + timedelta(days=1)
    scheduled.save_revision().publish()
    cake = story(make_section("Culture"), "Baker wins show", CAKE)
    RelatedPin.objects.create(page=article, article=cake, sort_order=0)

    tree = parse(client.get(article.url))
    cards = texts(tree, "//section[@class='related-articles']//h3")
    # The pin first; then neighbours by similarity, the recent one ahead of the archive piece;
    # never the article itself, a draft or a scheduled one.
    assert cards == ["Baker wins show", "Wind farm turbines arrive", "Wind farm first proposed"]
    assert texts(tree, "//section[@class='related-articles']//p[@class='kicker']") == [
        "Culture",
        "Business",
        "Business",
    ]
    assert tree.xpath("//section[@class='related-articles']//img[@class='card-image']")
    assert old.title in related_titles(client, near)
    # Nothing is similar to the cake story: no heading, no filler cards.
    assert related_titles(client, cake) == []
    assert b"Related Articles" not in client.get(cake.url).content


@pytest.mark.usefixtures("page_cache_off")
def test_box_queries_do_not_grow_with_cards(client, section):
    def queries(article):
        client.get(article.url)  # first view creates thumbnails
        with CaptureQueriesContext(connection) as captured:
            client.get(article.url)
        return len(captured)

    pair = [story(section, f"Rail strike day {i}", RAIL, lead_image=make_image()) for i in (1, 2)]
    wind = [
        story(section, f"Wind farm update {i}", WIND, lead_image=make_image()) for i in range(7)
    ]
    assert len(related_titles(client, pair[0])) == 1
    assert len(related_titles(client, wind[0])) == 6
    assert queries(wind[0]) == queries(pair[0])


def test_publishing_reaches_the_neighbours_and_unpublishing_withdraws(client, section):
    first = story(section, "Rail strike begins", RAIL)
    second = story(section, "Rail strike talks", RAIL)
    cake = story(section, "Baker wins show", CAKE)
    call_command("rebuild_related", stdout=StringIO())

    news = story(section, "Rail strike ends", RAIL)
    assert "Rail strike ends" in related_titles(client, first)
    assert "Rail strike ends" in related_titles(client, second)
    assert related_titles(client, news) == ["Rail strike talks", "Rail strike begins"]
    assert related_titles(client, cake) == []

    news.unpublish()
    assert related_titles(client, first) == ["Rail strike talks"]
    second.delete()
    assert related_titles(client, first) == []


def test_related_eval_computes_precision_and_ndcg(tmp_path):
    records = [
        {"id": f"w{i}", "title": f"Wind farm {i}", "body": WIND, "story": "wind"} for i in range(3)
    ] + [
        {"id": "r1", "title": "Rail strike", "body": RAIL, "story": "rail"},
        {"id": "r2", "title": "Rail walkout", "body": RAIL, "story": "rail"},
    ]
    for record in records:
        record.update(section="news", published="2024-05-01")
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in records) + "\n")
    out = StringIO()
    call_command("related_eval", str(path), "--k", "2", stdout=out)
    summary = json.loads(out.getvalue().strip().splitlines()[-1])
    # Wind stories find both other wind stories (2/2); each rail story has one partner, so
    # its second place is a miss (1/2): (3 * 1 + 2 * 0.5) / 5. Every partner comes first.
    expected = {"precision_at_k": 0.8, "ndcg_at_k": 1.0}
    assert summary["engine"] == expected and summary["baseline"] == expected
    assert (summary["k"], summary["articles"]) == (2, 5)


def test_withdrawing_the_last_published_article_empties_the_related_index(section):
    from headline.related.index import refresh
    from headline.related.models import ArticleTerms

    only = story(section, "Rail strike begins", RAIL)
    only.unpublish()
    assert refresh(only.pk, withdrawn=True) == []
    assert not ArticleTerms.objects.exists()
