"""The newsroom's time zone (TIME_ZONE): the site and the admin both show local times with the
zone's abbreviation, on the same 24-hour clock; machine-readable times keep their offset."""

import re
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from headline.news.models import ArticlePage

from .comment_helpers import make_comment
from .factories import make_article, make_section
from .html import parse, texts
from .test_newsroom import staff
from .test_structured_data import extract, jsonld_of_type

pytestmark = pytest.mark.django_db

# Half-hour offsets and a summer/winter change: the two ways a zone is most often got wrong.
ZONES = [("Asia/Kolkata", "IST", "IST"), ("Europe/Paris", "CET", "CEST")]


@pytest.fixture(params=ZONES, ids=[zone for zone, *_ in ZONES])
def zone(request, settings):
    name, winter, summer = request.param
    settings.TIME_ZONE = name
    return ZoneInfo(name), winter, summer


def local(moment, zone):
    return moment.astimezone(zone)


def test_the_article_page_shows_local_time_with_the_zone_and_keeps_the_offset(client, zone):
    tz, winter, _summer = zone
    published = datetime(2026, 1, 15, 21, 36, tzinfo=ZoneInfo("UTC"))
    article = make_article(make_section(), "Night vote", published_at=published)
    tree = parse(client.get(article.url))
    shown = local(published, tz)
    (dates,) = texts(tree, "//p[@class='dates']")
    assert dates == f"Published {shown:%-d %B %Y, %H:%M} {winter}"
    (stamp,) = tree.xpath("//p[@class='dates']//time/@datetime")
    assert datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S%z") == published
    assert stamp.endswith(f"{shown:%z}")


def test_comment_times_name_the_zone_as_the_article_dates_do(client, zone):
    tz, winter, _summer = zone
    article = make_article(make_section(), "Night vote")
    posted = datetime(2026, 1, 15, 21, 36, tzinfo=ZoneInfo("UTC"))
    make_comment(article, body="Counted by hand.", created_at=posted)
    (shown,) = texts(parse(client.get(article.url)), "//a[@class='comment-permalink']/time")
    assert shown == f"{local(posted, tz):%-d %B %Y, %H:%M} {winter}"


def test_summer_time_shows_the_summer_abbreviation(client, zone):
    tz, _winter, summer = zone
    published = datetime(2026, 7, 15, 9, 5, tzinfo=ZoneInfo("UTC"))
    article = make_article(make_section(), "Summer vote", published_at=published)
    (dates,) = texts(parse(client.get(article.url)), "//p[@class='dates']")
    assert dates == f"Published {local(published, tz):%-d %B %Y, %H:%M} {summer}"


def test_feeds_sitemaps_and_structured_data_keep_the_offset(client, zone):
    published = datetime(2026, 1, 15, 21, 36, tzinfo=ZoneInfo("UTC"))
    article = make_article(make_section(), "Night vote", published_at=published)
    (entry,) = feedparser.parse(client.get("/feed/").content).entries
    assert parsedate_to_datetime(entry.published) == published
    (lastmod,) = re.findall(
        r"<lastmod>([^<]+)</lastmod>", client.get("/sitemap-articles.xml").content.decode()
    )
    assert datetime.fromisoformat(lastmod) == ArticlePage.objects.get().last_modified
    data = jsonld_of_type(extract(client.get(article.url)), "NewsArticle")
    assert datetime.fromisoformat(data["datePublished"]) == published


def test_the_admin_shows_times_as_the_site_does(client, zone):
    """Not "10:36 p.m." in one place and "22:36 UTC" in another."""
    tz, winter, _summer = zone
    go_live = (timezone.now() + timedelta(days=1)).replace(second=0, microsecond=0)
    article = make_article(make_section(), "Embargoed", publish=False)
    article.go_live_at = go_live
    article.save_revision(user=None).publish()
    client.force_login(staff("editor", "Editors"))
    shown = local(go_live, tz)
    abbreviation = shown.tzname()
    assert abbreviation in (winter, _summer)
    expected = f"{shown:%-d %B %Y, %H:%M} {abbreviation}"
    dashboard = client.get("/admin/").content.decode()
    assert expected in dashboard
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert expected in editor
    assert "a.m." not in editor and "p.m." not in editor


def test_the_status_side_panel_names_the_zone_of_todays_times(client, zone):
    """Wagtail writes a change made today as a bare "12:00" under "Live" and "Draft"."""
    tz, winter, _summer = zone
    moment = datetime(2026, 1, 15, 11, 0, tzinfo=ZoneInfo("UTC"))
    with time_machine.travel(moment, tick=False):
        article = make_article(make_section(), "Night vote")
        article.title = "Night vote, revised"
        article.save_revision()
        client.force_login(staff("editor", "Editors"))
        tree = parse(client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])))
    shown = texts(
        tree,
        "//h3[@id='status-sidebar-live' or @id='status-sidebar-draft']"
        "/following-sibling::div[contains(@class, 'w-help-text')]",
    )
    assert shown == [f"{local(moment, tz):%H:%M} {winter}"] * 2


def test_every_admin_time_input_names_its_zone(client, zone):
    """Go-live and expiry (the schedule dialog), publication and update times, correction dates:
    each says which zone a typed time is read in."""
    tz, *_ = zone
    article = make_article(make_section(), "Embargoed", publish=False)
    client.force_login(staff("editor", "Editors"))
    tree = parse(client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])))
    note = f"Time zone: {timezone.localtime(timezone=tz).tzname()} ({tz.key})"
    for name in (
        "go_live_at",
        "expire_at",
        "published_at",
        "updated_at",
        "corrections-__prefix__-date",
    ):
        assert texts(tree, f"//p[@id='id_{name}-zone']") == [note], name


def test_a_user_who_picked_another_zone_is_told_that_one(client, settings):
    settings.TIME_ZONE = "UTC"
    editor = staff("editor", "Editors")
    profile = UserProfile.get_for_user(editor)
    profile.current_time_zone = "Asia/Kolkata"
    profile.save()
    client.force_login(editor)
    article = make_article(make_section(), "Embargoed", publish=False)
    tree = parse(client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])))
    assert texts(tree, "//p[@id='id_go_live_at-zone']") == ["Time zone: IST (Asia/Kolkata)"]


def test_the_account_page_offers_only_zones_a_browser_knows(client):
    client.force_login(staff("editor", "Editors"))
    tree = parse(client.get(reverse("wagtailadmin_account")))
    zones = tree.xpath("//select[@name='locale-current_time_zone']/option/@value")
    assert {"Europe/Paris", "Asia/Kolkata", "America/Argentina/Buenos_Aires", "UTC"} <= set(zones)
    # Python's zone list also has these; the browser's Intl.DateTimeFormat refuses them.
    assert not {"localtime", "Factory", "EST5EDT", "Zulu"} & set(zones)
