"""The newsroom's roles, workflow and scheduling, exercised through the Wagtail admin."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from headline.news.models import ArticlePage

from .factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db


def staff(username, group):
    user = User.objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def empty_inline_panels():
    """Every inline panel of the article editor other than authors, submitted empty."""
    formsets = ArticlePage.get_edit_handler().get_form_class().formsets
    return {name: inline_formset([]) for name in formsets if name != "article_authors"}


def article_form(author, title="Harbour reopens after storm", **extra):
    return nested_form_data(
        {
            **empty_inline_panels(),
            "title": title,
            "slug": "harbour-reopens",
            "standfirst": "Ships return to the port.",
            "article_authors": inline_formset([{"author": author.pk}]),
            "lead_image_caption": "",
            "lead_image_credit": "",
            "body": streamfield([("paragraph", rich_text("<p>The harbour reopened today.</p>"))]),
            "tags": "",
            "comments_enabled": "on",
            **extra,
        }
    )


@pytest.fixture
def section():
    return make_section("Business")


def test_reporter_can_draft_and_submit_but_not_publish(client, section):
    reporter = staff("reporter", "Reporters")
    client.force_login(reporter)
    author = make_author()
    add_url = f"/admin/pages/add/news/articlepage/{section.pk}/"

    publish = client.post(add_url, {**article_form(author), "action-publish": "publish"})
    assert publish.status_code in (302, 200)
    article = ArticlePage.objects.get(slug="harbour-reopens")
    assert not article.live, "a reporter's publish action must not make the article live"

    submit = client.post(
        f"/admin/pages/{article.pk}/edit/",
        {**article_form(author), "action-submit": "submit"},
    )
    assert submit.status_code == 302
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Editors' approval"
    article.refresh_from_db()
    assert not article.live
    assert (
        client.get(article.url if article.url else "/business/harbour-reopens/").status_code == 404
    )


def test_editor_can_publish_and_unpublish(client, section):
    editor = staff("editor", "Editors")
    client.force_login(editor)
    author = make_author()
    response = client.post(
        f"/admin/pages/add/news/articlepage/{section.pk}/",
        {**article_form(author), "action-publish": "publish"},
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="harbour-reopens")
    assert article.live and article.published_at is not None
    client.logout()
    assert client.get("/business/harbour-reopens/").status_code == 200

    client.force_login(editor)
    client.post(f"/admin/pages/{article.pk}/unpublish/", {"include_descendants": "false"})
    client.logout()
    assert client.get("/business/harbour-reopens/").status_code == 404


def test_scheduled_article_appears_only_after_its_go_live_time(client, section):
    article = make_article(section, "Embargoed results", slug="embargoed", publish=False)
    go_live = timezone.now() + timedelta(hours=2)
    article.go_live_at = go_live
    article.save_revision().publish()

    assert client.get("/business/embargoed/").status_code == 404
    assert b"Embargoed results" not in client.get("/business/").content

    with time_machine.travel(go_live + timedelta(minutes=1), tick=False):
        call_command("publish_scheduled", verbosity=0)
        assert client.get("/business/embargoed/").status_code == 200
        assert b"Embargoed results" in client.get("/business/").content
        article.refresh_from_db()
        assert article.published_at == go_live + timedelta(minutes=1)


def test_changing_a_slug_leaves_a_redirect(client, section, django_capture_on_commit_callbacks):
    article = make_article(section, "Old name", slug="old-name")
    article.slug = "new-name"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    response = client.get("/business/old-name/")
    assert response.status_code == 301
    assert response["Location"].endswith("/business/new-name/")


def test_preview_renders_the_real_article_template(client, section):
    client.force_login(staff("reporter", "Reporters"))
    author = make_author("Preview Author")
    article = make_article(
        section, "Draft to preview", slug="harbour-reopens", publish=False, authors=[author]
    )
    url = f"/admin/pages/{article.pk}/edit/preview/"
    form = article_form(author, title="Harbour reopens: preview")
    assert client.post(url, form).json()["is_valid"] is True
    preview = client.get(url)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert '<h1 class="headline">Harbour reopens: preview</h1>' in html
    assert "Share this:" in html and "The harbour reopened today." in html


def test_preview_of_a_new_article_shows_the_unsaved_byline(client, section):
    client.force_login(staff("reporter", "Reporters"))
    author = make_author("Unsaved Byline")
    url = f"/admin/pages/add/news/articlepage/{section.pk}/preview/"
    assert client.post(url, article_form(author, title="Brand new story")).json()["is_valid"]
    preview = client.get(url)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert '<h1 class="headline">Brand new story</h1>' in html
    assert ">Unsaved Byline</a>" in html
