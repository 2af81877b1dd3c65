"""The admin as an editor's browser loads it: every request stays on this host (no Gravatar)."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from headline.comments.models import Comment
from headline.importers.models import WordPressImport
from headline.importers.wordpress.report import Report

from .browser import chromium_page, save_artifact, sign_in
from .comment_helpers import make_comment
from .factories import make_article, make_image, make_section

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_dashboard_page_editor_and_comment_queue_make_no_request_to_another_host(live_server):
    article = make_article(make_section("International"), "A state visit", lead_image=make_image())
    make_comment(article, status=Comment.Status.PENDING, body="Is this confirmed?")
    editor = User.objects.create_user("editor", "editor@newsroom.test", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    # The browser talks to 127.0.0.1 itself, so any other host name in a request is another host.
    base = live_server.url.replace("localhost", "127.0.0.1")
    requested = []
    with chromium_page() as page:
        page.on("request", lambda request: requested.append(request.url))
        sign_in(page, base, "editor")
        screens = [
            ("dashboard", "/admin/", "Dashboard"),
            ("page-editor", reverse("wagtailadmin_pages:edit", args=[article.pk]), "A state visit"),
            ("comment-queue", reverse("comments_moderation:list") + "?status=pending", "Comments"),
        ]
        for name, path, title in screens:
            response = page.goto(base + path, wait_until="networkidle")
            assert response.status == 200, path
            assert title in page.title(), (path, page.title())
            # The avatar in the sidebar is the bundled default, and it loads.
            avatar = page.locator(".sidebar .avatar img, .sidebar-footer img").first
            avatar.wait_for()
            assert page.evaluate("img => img.naturalWidth > 0", avatar.element_handle())
            save_artifact(page, f"admin-editor-{name}.png")
    network = [url for url in requested if urlsplit(url).scheme in ("http", "https", "ws", "wss")]
    assert len(network) > 10
    elsewhere = [url for url in network if urlsplit(url).hostname != "127.0.0.1"]
    assert elsewhere == []


def test_an_import_report_reads_on_a_phone(live_server):
    """The counts table fits a 360 px screen, every column in sight, and the page never scrolls
    sideways, however long the export's file name and the kinds' names."""
    report = Report()
    report.site_url = "https://news.example.org"
    for kind in ("author", "category", "tag", "post", "page", "attachment", "comment", "redirect"):
        report.count(kind, "created", 12345)
        report.count(kind, "unchanged", 12345)
    report.skip("post", 7, "A headline " * 8, "not valid in Headline")
    editor = User.objects.create_user("editor", "editor@newsroom.test", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    run = WordPressImport.objects.create(
        file_name="themeunittestdata.wordpress.xml",
        status=WordPressImport.Status.DONE,
        report=report.as_dict(),
        started_by=editor,
    )
    base = live_server.url.replace("localhost", "127.0.0.1")
    with chromium_page(viewport=(360, 800)) as page:
        sign_in(page, base, "editor")
        page.goto(base + reverse("importers_wordpress_status", args=[run.pk]))
        save_artifact(page, "import-report-360.png")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        table = page.locator(".import-report-table")
        assert table.evaluate("el => el.scrollWidth <= el.clientWidth")
        for header in ("Kind", "Created", "Updated", "Unchanged", "Skipped"):
            box = page.get_by_role("columnheader", name=header).bounding_box()
            assert box["x"] + box["width"] <= 360, header
