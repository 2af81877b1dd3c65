"""No reader or machine is ever shown a date in the future (issue 8, case 5).

An editor who sets the publication time, the updated time or a correction's date after the
present, through the admin or in code, is refused with a message that points to the Go-live date
(the schedule); an article scheduled for later may carry a publication time up to its go-live.
Every page, feed and sitemap is then scanned for dates after the present.
"""

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from headline.news.models import ArticleCorrection, ArticlePage

from .factories import make_article, make_author, make_section
from .test_newsroom import article_form, staff

pytestmark = pytest.mark.django_db

ISO_DATETIME = re.compile(
    r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\b"
)
RFC_2822 = re.compile(r"\b\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}\b")
READER_URLS = [
    "/",
    "/business/",
    "/feed/",
    "/feed/atom/",
    "/feed.json",
    "/business/feed/",
    "/corrections/",
    "/corrections/feed/",
    "/news-sitemap.xml",
    "/sitemap-articles.xml",
    "/sitemap-pages.xml",
]


def dates_in(text):
    found = [
        datetime.fromisoformat(match.replace("Z", "+00:00")) for match in ISO_DATETIME.findall(text)
    ]
    return found + [parsedate_to_datetime(match) for match in RFC_2822.findall(text)]


def future_dates_shown(client, urls):
    """{url: [dates after now]} for every URL that shows one; each URL must answer 200."""
    shown = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        now = timezone.now()  # an empty Atom feed says "updated now", as it renders
        future = [moment for moment in dates_in(response.content.decode()) if moment > now]
        if future:
            shown[url] = future
    return shown


@pytest.fixture
def section():
    return make_section("Business")


@pytest.fixture
def editor(client):
    user = staff("editor", "Editors")
    client.force_login(user)
    return user


@pytest.fixture
def story(section):
    return make_article(section, "Harbour reopens after storm", slug="harbour-reopens")


def publish_edit(client, article, **extra):
    author = article.authors[0]
    return client.post(
        f"/admin/pages/{article.pk}/edit/",
        {**article_form(author, **extra), "action-publish": "publish"},
    )


def local(moment):
    """A datetime as the admin's date-time widget submits it (the site's time zone)."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def assert_refused_on(response, field, words="Go-live date"):
    assert response.status_code == 200, "the edit form must come back with the error"
    errors = response.context["form"].errors
    assert field in errors, errors
    assert words in " ".join(errors[field])


def test_future_publication_date_is_refused_and_points_to_the_go_live_date(client, editor, story):
    next_year = timezone.now() + timedelta(days=365)
    response = publish_edit(client, story, published_at=local(next_year))

    assert_refused_on(response, "published_at")
    story.refresh_from_db()
    assert story.published_at < timezone.now()
    client.logout()
    urls = [*READER_URLS, "/business/harbour-reopens/"]
    assert future_dates_shown(client, urls) == {}


def test_future_updated_time_is_refused_and_points_to_the_go_live_date(client, editor, story):
    next_month = timezone.now() + timedelta(days=30)
    response = publish_edit(client, story, updated_at=local(next_month))

    assert_refused_on(response, "updated_at")
    client.logout()
    assert future_dates_shown(client, [*READER_URLS, "/business/harbour-reopens/"]) == {}


def test_future_correction_date_is_refused_on_the_correction(client, editor, story):
    tomorrow = timezone.now() + timedelta(days=1)
    correction = {"kind": "correction", "date": local(tomorrow), "text": "The port is in Bergen."}
    form = article_form(story.authors[0])
    form.update(nested_form_data({"corrections": inline_formset([correction])}))
    response = client.post(f"/admin/pages/{story.pk}/edit/", {**form, "action-publish": "publish"})

    assert response.status_code == 200
    corrections = response.context["form"].formsets["corrections"]
    assert "Go-live date" in " ".join(corrections.forms[0].errors.get("date", []))
    assert not ArticleCorrection.objects.exists()
    client.logout()
    assert future_dates_shown(client, [*READER_URLS, "/business/harbour-reopens/"]) == {}


def test_future_dates_are_refused_outside_the_admin_too(section, story):
    next_week = timezone.now() + timedelta(days=7)
    with pytest.raises(ValidationError) as refused:
        make_article(section, "Stamped ahead", published_at=next_week)
    assert "published_at" in refused.value.message_dict

    story.updated_at = next_week
    with pytest.raises(ValidationError) as refused:
        story.save_revision().publish()
    assert "updated_at" in refused.value.message_dict

    story.refresh_from_db()
    story.corrections.add(ArticleCorrection(date=next_week, text="Dated ahead."))
    with pytest.raises(ValidationError, match="correction's date is in the future"):
        story.save_revision().publish()


def test_a_scheduled_article_may_carry_its_go_live_time_as_publication_time(
    client, editor, section
):
    author = make_author()
    go_live = (timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    response = client.post(
        f"/admin/pages/add/news/articlepage/{section.pk}/",
        {
            **article_form(author, published_at=local(go_live), go_live_at=local(go_live)),
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    article = ArticlePage.objects.get(slug="harbour-reopens")
    assert not article.live
    client.logout()
    assert future_dates_shown(client, READER_URLS) == {}

    with time_machine.travel(go_live + timedelta(minutes=1), tick=False):
        call_command("publish_scheduled", verbosity=0)
        article.refresh_from_db()
        assert article.live and article.published_at == go_live
        assert future_dates_shown(client, [*READER_URLS, "/business/harbour-reopens/"]) == {}


def test_publication_date_later_than_the_go_live_date_is_refused(client, editor, section):
    author = make_author()
    go_live = timezone.now() + timedelta(days=2)
    response = client.post(
        f"/admin/pages/add/news/articlepage/{section.pk}/",
        {
            **article_form(
                author,
                published_at=local(go_live + timedelta(days=1)),
                go_live_at=local(go_live),
            ),
            "action-publish": "publish",
        },
    )
    assert_refused_on(response, "published_at")


@pytest.mark.parametrize("year", [1, 1000, 1604])
def test_a_date_before_the_first_newspaper_is_refused_in_the_admin(client, editor, story, year):
    response = publish_edit(client, story, published_at=f"{year:04d}-01-01 00:00")

    assert_refused_on(response, "published_at", "before 1605")
    story.refresh_from_db()
    assert story.published_at.year == timezone.now().year


def test_an_archive_date_centuries_ago_is_accepted(client, editor, story):
    response = publish_edit(client, story, published_at="1805-10-21 09:00")

    assert response.status_code == 302, response.context and response.context["form"].errors
    story.refresh_from_db()
    assert story.published_at.year == 1805


def test_an_early_date_in_code_is_refused_too(section):
    with pytest.raises(ValidationError) as refused:
        make_article(section, "Typed wrong", published_at=datetime(1, 1, 1, tzinfo=UTC))
    assert "before 1605" in " ".join(refused.value.message_dict["published_at"])


@pytest.mark.parametrize("zone", ["America/New_York", "Pacific/Kiritimati"])
def test_pages_still_answer_for_a_stored_date_at_the_edge_of_the_calendar(
    client, settings, story, zone
):
    """Rows stored before the rule (or written straight to the database) at 0001-01-01 or
    9999-12-31 break no page, feed or sitemap, in zones either side of UTC."""
    settings.TIME_ZONE = zone
    for moment in (datetime(1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, 23, 59, tzinfo=UTC)):
        ArticlePage.objects.filter(pk=story.pk).update(published_at=moment, updated_at=moment)
        call_command("update_index", verbosity=0)  # refresh the cached versions too
        for url in [*READER_URLS, "/business/harbour-reopens/", "/search/?q=harbour"]:
            assert client.get(url).status_code == 200, (url, moment)
