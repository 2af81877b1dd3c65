"""A reporter's bulk-action bar in Chromium: selecting pages in a section offers only the actions
a reporter can take, and the one it takes goes through."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from playwright.sync_api import expect

from headline.news.models import ArticlePage

from .browser import chromium_page, save_artifact, sign_in
from .factories import make_article, make_section

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_reporter_selecting_pages_is_offered_only_what_a_reporter_can_do(live_server):
    reporter = User.objects.create_user("reporter", "reporter@newsroom.test", "pw")
    reporter.groups.add(Group.objects.get(name="Reporters"))
    section = make_section("World")
    make_article(section, "Reporter's draft", publish=False, owner=reporter)
    make_article(section, "Editor's story")
    base = live_server.url
    with chromium_page() as page:
        sign_in(page, base, "reporter")
        page.goto(base + reverse("wagtailadmin_explore", args=[section.pk]))
        page.get_by_role("checkbox", name="Select all").check()
        bar = page.locator(".bulk-actions-choices")
        expect(bar).to_be_visible()
        buttons = bar.locator(".bulk-actions-buttons a")
        expect(buttons).to_have_text(["Move", "Delete"])
        save_artifact(page, "admin-reporter-bulk-bar.png")
        buttons.filter(has_text="Delete").click()
        expect(page.get_by_role("link", name="Reporter's draft")).to_be_visible()
        page.get_by_role("button", name="Yes, delete").click()
        expect(page.get_by_text("1 page has been deleted")).to_be_visible()
    assert list(ArticlePage.objects.values_list("title", flat=True)) == ["Editor's story"]
