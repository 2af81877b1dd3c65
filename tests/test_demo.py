"""`manage.py load_demo`: the newsroom a newcomer sees after `make run`, loaded once and only once."""

from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory
from taggit.models import Tag
from wagtail.images.models import Image
from wagtail.models import Page, Site

from headline.news.models import ArticlePage, Author, HomePage, SectionPage

SECTION_ORDER = ["Headline", "International", "Politics", "Business", "Technology", "Culture"]
STATE_VISIT = "/international/state-visit-strengthens-ties/"


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def content_counts():
    return {
        model.__name__: model.objects.count()
        for model in (Page, Image, Author, Tag, get_user_model())
    }


@pytest.mark.django_db
def test_demo_newsroom_is_complete_and_loads_only_once(client, monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    output = load_demo()

    sections = SectionPage.objects.child_of(HomePage.objects.get()).live().in_menu()
    assert [s.title for s in sections.order_by("path")][:6] == SECTION_ORDER
    published = ArticlePage.objects.published()
    assert published.count() >= 60
    for section in sections:
        assert published.in_section(section).count() >= 8, section.title
    assert Author.objects.count() >= 5
    assert Tag.objects.filter(name__in=["Valdoria", "Interest rates", "Drought"]).count() == 3

    story = published.get(slug="state-visit-strengthens-ties")
    assert story.top_story and story.section.slug == "international"
    assert published.newest_first().first() == story
    quotes = [block.value for block in story.body if block.block_type == "quote"]
    assert len(quotes) >= 3 and all(quote["attribution"] for quote in quotes)

    page = client.get(STATE_VISIT)
    assert page.status_code == 200
    html = page.content.decode()
    assert story.title in html
    assert html.count("<blockquote") >= 3
    # The body picture (an ImageBlock inside the captioned block) renders with its alt text.
    assert 'alt="The Linden-Serrat night train will return' in html
    assert "Headline graphics" in html
    assert STATE_VISIT in client.get("/").content.decode()
    # A story with a table and a fact box, from the demo's text format.
    drought = client.get(published.get(slug="greywater-reservoir-falls-to-record-low").url)
    assert '<th scope="col">Level</th>' in drought.content.decode()
    assert '<aside class="fact-box">' in drought.content.decode()

    site = Site.objects.get(is_default_site=True)
    assert site.root_url == settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    logins = [
        ("admin", None),
        ("reporter", "Reporters"),
        ("editor", "Editors"),
        ("moderator", "Moderators"),
    ]
    for username, group in logins:
        # As the sign-in form does: django-axes checks every attempt against its request.
        sign_in = RequestFactory().post("/admin/login/")
        user = authenticate(sign_in, username=username, password="headline-demo")
        assert user is not None and user.is_staff, username
        assert user.is_superuser if group is None else user.groups.filter(name=group).exists()
    # The reporter and the editor write as demo authors, so their new articles carry a byline.
    assert Author.objects.get(user__username="reporter").name == "Jonas Hale"
    assert Author.objects.get(user__username="editor").name == "Daniel Okafor"
    assert settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/" in output
    assert all(f"  {username:<10} " in output for username, _ in logins)

    before = content_counts()
    second = load_demo()
    assert content_counts() == before
    assert "no demo content loaded" in second
    assert "reporter" in second and "/admin/" in second
