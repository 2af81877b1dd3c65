"""Writing in the admin: a draft needs only a headline, its slug comes from the headline, the
dashboard starts an article in a section, a new article is bylined to the author writing it, a
draft's preview does not claim to be published, and a correction is dated when it goes live."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from headline.news.models import ArticleCorrection, ArticlePage

from .factories import make_article, make_author, make_section
from .html import parse, texts
from .test_newsroom import article_form, empty_inline_panels, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def section():
    return make_section("Business")


def add_url(section):
    return f"/admin/pages/add/news/articlepage/{section.pk}/"


def headline_only(title, **extra):
    """The editor's form with a headline and nothing else (no slug, standfirst, author or body)."""
    return nested_form_data(
        {
            **empty_inline_panels(),
            "title": title,
            "slug": "",
            "standfirst": "",
            "article_authors": inline_formset([]),
            "lead_image_caption": "",
            "lead_image_credit": "",
            "body": streamfield([]),
            "tags": "",
            **extra,
        }
    )


def test_a_draft_with_only_a_headline_saves_with_a_slug_made_from_it(client, section):
    client.force_login(staff("reporter", "Reporters"))
    response = client.post(add_url(section), headline_only("Harbour reopens after storm"))
    assert response.status_code == 302, response.context["form"].errors
    article = ArticlePage.objects.get()
    assert (article.title, article.slug, article.live) == (
        "Harbour reopens after storm",
        "harbour-reopens-after-storm",
        False,
    )


def test_a_slug_in_another_script_is_kept(client, section):
    client.force_login(staff("reporter", "Reporters"))
    client.post(add_url(section), headline_only("Москва готовится"))
    assert ArticlePage.objects.get().slug == "москва-готовится"


def test_publishing_still_needs_standfirst_author_and_body(client, section):
    client.force_login(staff("editor", "Editors"))
    response = client.post(
        add_url(section), {**headline_only("Half written"), "action-publish": "publish"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert {"standfirst", "body"} <= set(form.errors)
    assert form.formsets["article_authors"].non_form_errors()
    assert not ArticlePage.objects.exists()


def test_the_headline_field_fills_the_slug_as_it_is_typed(client, section):
    """Wagtail's slug sync (the w-sync controller) is wired to the headline on a new article."""
    client.force_login(staff("reporter", "Reporters"))
    tree = parse(client.get(add_url(section)))
    (headline,) = tree.xpath("//input[@name='title']")
    assert "w-sync" in headline.get("data-controller", "")
    assert headline.get("data-w-sync-target-value") == "#id_slug"
    (label,) = tree.xpath("//label[@for='id_title']")
    assert "Headline" in label.text_content()


def test_the_table_grid_speaks_a_language_its_bundle_has(client, section):
    """Handsontable's bundle has only en-US texts: the grid asked for the site's en-gb logged an
    error on every editor page."""
    client.force_login(staff("reporter", "Reporters"))
    page = client.get(add_url(section)).content.decode()
    assert '"language": "en-US"' in page.replace("&quot;", '"')
    assert '"language": "en-gb"' not in page.replace("&quot;", '"')


def dashboard_buttons(client):
    tree = parse(client.get("/admin/"))
    return {
        " ".join(link.text_content().split()): link.get("href")
        for link in tree.xpath("//*[@id='new-article-content']//a")
    }


def test_the_dashboard_offers_a_new_article_in_each_section(client, section):
    make_section("International")
    client.force_login(staff("reporter", "Reporters"))
    buttons = dashboard_buttons(client)
    assert list(buttons) == ["New article in Business", "New article in International"]
    form = client.get(buttons["New article in Business"])
    assert form.status_code == 200
    assert form.context["parent_page"].pk == section.pk


def test_no_new_article_buttons_for_a_moderator(client, section):
    client.force_login(staff("moderator", "Moderators"))
    assert dashboard_buttons(client) == {}


def test_a_new_article_is_bylined_to_the_author_writing_it(client, section):
    reporter = staff("reporter", "Reporters")
    author = make_author("Ana Reporter", user=reporter)
    make_author("Someone Else")
    client.force_login(reporter)
    tree = parse(client.get(add_url(section)))
    (chosen,) = tree.xpath("//input[@name='article_authors-0-author']")
    assert chosen.get("value") == str(author.pk)

    client.post(add_url(section), article_form(author))
    article = ArticlePage.objects.get().get_latest_revision_as_object()
    assert [link.author for link in article.article_authors.all()] == [author]


def test_without_a_linked_author_the_byline_starts_empty(client, section):
    make_author("Ana Reporter")
    client.force_login(staff("reporter", "Reporters"))
    tree = parse(client.get(add_url(section)))
    (chosen,) = tree.xpath("//input[@name='article_authors-0-author']")
    assert not chosen.get("value")


def test_editors_link_an_author_to_a_login(client):
    reporter = staff("reporter", "Reporters")
    author = make_author("Ana Reporter")
    client.force_login(staff("editor", "Editors"))
    url = f"/admin/snippets/news/author/edit/{author.pk}/"
    response = client.post(
        url, {"name": author.name, "slug": author.slug, "bio": "", "user": reporter.pk}
    )
    assert response.status_code == 302
    author.refresh_from_db()
    assert author.user == reporter


def preview(client, url, form):
    answer = client.post(url, form).json()
    assert answer["is_valid"] is True, answer
    return parse(client.get(url))


def test_a_never_published_draft_preview_does_not_say_published(client, section):
    client.force_login(staff("reporter", "Reporters"))
    author = make_author()
    draft = make_article(section, "Draft story", slug="harbour-reopens", publish=False)
    tree = preview(client, f"/admin/pages/{draft.pk}/edit/preview/", article_form(author))
    assert texts(tree, "//p[@class='dates']") == ["Draft, not yet published"]
    new = preview(
        client, f"{add_url(section)}preview/", article_form(author, title="New", slug="new")
    )
    assert texts(new, "//p[@class='dates']") == ["Draft, not yet published"]


def test_a_scheduled_draft_preview_gives_its_go_live_time(client, section):
    client.force_login(staff("editor", "Editors"))
    author = make_author()
    draft = make_article(section, "Embargoed", slug="harbour-reopens", publish=False)
    go_live = (timezone.now() + timedelta(days=1)).replace(second=0, microsecond=0)
    form = article_form(author, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    tree = preview(client, f"/admin/pages/{draft.pk}/edit/preview/", form)
    assert texts(tree, "//p[@class='dates']") == [f"Scheduled for {go_live:%-d %B %Y, %H:%M} UTC"]


def test_a_published_article_preview_keeps_its_publication_time(client, section):
    client.force_login(staff("editor", "Editors"))
    author = make_author()
    published = (timezone.now() - timedelta(days=3)).replace(second=0, microsecond=0)
    article = make_article(section, "Old story", slug="harbour-reopens", published_at=published)
    form = article_form(author, published_at=published.strftime("%Y-%m-%d %H:%M"))
    tree = preview(client, f"/admin/pages/{article.pk}/edit/preview/", form)
    assert texts(tree, "//p[@class='dates']")[0].startswith(f"Published {published:%-d %B %Y}")


def edit_with_correction(client, article, author, corrections, action, saved=0):
    form = article_form(
        author,
        title=article.title,
        slug=article.slug,
        corrections=inline_formset(corrections, initial=saved),
    )
    form.update({f"action-{action}": action} if action else {})
    response = client.post(f"/admin/pages/{article.pk}/edit/", form)
    assert response.status_code == 302, response.context["form"].errors


def test_a_correction_is_dated_when_it_is_published_not_when_written(client, section):
    client.force_login(staff("editor", "Editors"))
    author = make_author()
    start = timezone.now().replace(second=0, microsecond=0)  # the form's times are to the minute
    article = make_article(section, "Minister resigns", published_at=start - timedelta(days=1))
    note = {"kind": "correction", "date": "", "text": "The minister's name was misspelt."}
    with time_machine.travel(start, tick=False):
        edit_with_correction(client, article, author, [note], action=None)  # a draft
    published = start + timedelta(hours=3)
    with time_machine.travel(published, tick=False):
        edit_with_correction(client, article, author, [note], action="publish")
    correction = ArticleCorrection.objects.get()
    assert correction.date == published

    # A later edit and publication of the article keeps the note's date.
    with time_machine.travel(published + timedelta(hours=2), tick=False):
        latest = ArticlePage.objects.get().get_latest_revision_as_object()
        (kept,) = latest.corrections.all()
        assert kept.date == published
        entry = {"id": correction.pk, "kind": "correction", "text": correction.text}
        entry["date"] = timezone.localtime(kept.date).strftime("%Y-%m-%d %H:%M")
        edit_with_correction(client, article, author, [entry], action="publish", saved=1)
    assert ArticleCorrection.objects.get().date == published
    html = client.get(article.url).content.decode()
    assert f"{published:%-d %B %Y, %H:%M} UTC" in html
