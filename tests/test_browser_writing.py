"""Writing in the real admin, in Chromium: a reporter starts an article from the dashboard's
"New article in …" button, the slug fills in from the headline as it is typed (Wagtail's slug
sync, lost while the headline had a plain FieldPanel), the byline is theirs, nothing is stored
behind their back, and a draft with only a headline saves."""

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from headline.news.models import ArticlePage

from .browser import chromium_page, save_artifact, sign_in, wait_for_controllers
from .factories import make_author, make_section

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_reporter_starts_an_article_and_the_slug_follows_the_headline(live_server):
    make_section("International")
    reporter = User.objects.create_user("reporter", "reporter@newsroom.test", "pw")
    reporter.groups.add(Group.objects.get(name="Reporters"))
    author = make_author("Ana Reporter", user=reporter)
    base = live_server.url.replace("localhost", "127.0.0.1")
    with chromium_page() as page:
        sign_in(page, base, "reporter")
        page.get_by_role("link", name="New article in International").click()
        wait_for_controllers(page, "#id_title")
        wait_for_controllers(page, "#id_slug")
        page.locator("#id_title").press_sequentially("Floods close the Zürich ring road")
        save_artifact(page, "reporter-1-new-article.png")
        byline = page.locator("input[name='article_authors-0-author']")
        assert byline.input_value() == str(author.pk)
        assert page.get_by_text("Ana Reporter").first.is_visible()
        page.get_by_role("tab", name="Promote").click()
        slug = page.locator("#id_slug")
        expect(slug).to_have_value("floods-close-the-zürich-ring-road")
        # Wagtail applies each keystroke's sync after a debounce, and the headline's blur (the
        # tab's click) once more; on a loaded machine the last ones land late, and would
        # overwrite a slug edited before they do.
        page.wait_for_timeout(2000)
        slug.fill("zurich-ring-road-floods")  # still editable
        slug.blur()
        page.wait_for_timeout(1000)
        expect(slug).to_have_value("zurich-ring-road-floods")
        # Nothing is stored until the reporter saves: Wagtail's autosave created the page in the
        # background (here within 8 s of the last key), and the click below then failed with
        # "slug already in use".
        page.wait_for_timeout(8000)
        assert not ArticlePage.objects.exists()
        page.get_by_role("button", name="Save draft").click()
        expect(page.locator(".messages")).to_contain_text("Floods close the Zürich ring road")
        save_artifact(page, "reporter-2-draft-saved.png")
    article = ArticlePage.objects.get()
    assert (article.title, article.slug, article.live) == (
        "Floods close the Zürich ring road",
        "zurich-ring-road-floods",
        False,
    )
    assert [
        link.author.name for link in article.get_latest_revision_as_object().article_authors.all()
    ] == ["Ana Reporter"]
