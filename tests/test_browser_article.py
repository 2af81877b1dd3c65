"""The demo article as a reader's browser shows it: parts in order, nothing fetched from elsewhere."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from .browser import chromium_page, publish_screenshot, save_artifact

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
DOCS = Path(__file__).resolve().parent.parent / "docs"
ARTICLE = "/international/state-visit-strengthens-ties/"

# The parts of the reference page, top to bottom.
PARTS = [
    ("brand", ".brand"),
    ("section navigation", "nav[aria-label=Sections]"),
    ("headline", "h1.headline"),
    ("byline", ".byline"),
    ("dates", ".dates"),
    ("body", ".article-body"),
    ("share", "#share-heading"),
    ("related articles", "#related-articles-heading"),
    ("comment form", "#reply-title"),
]


def test_demo_article_reads_in_order_and_stays_on_this_host(live_server):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    hosts = set()
    with chromium_page() as page:
        page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
        response = page.goto(live_server.url + ARTICLE, wait_until="networkidle")
        assert response.status == 200

        tops = []
        for name, selector in PARTS:
            element = page.locator(selector).first
            assert element.is_visible(), f"{name} is not visible"
            tops.append((element.bounding_box()["y"], name))
        assert [name for _, name in sorted(tops)] == [name for name, _ in PARTS]
        assert page.locator("nav[aria-label=Sections] [aria-current=page]").inner_text() == (
            "International"
        )
        assert page.locator(".article-body .quote").count() >= 3
        assert 3 <= page.locator(".related-articles article").count() <= 6
        assert page.get_by_text("Your email address will not be published.").is_visible()
        lead = page.locator(".lead-image img")
        assert lead.evaluate("img => img.complete && img.naturalWidth > 0")

        path = save_artifact(page, "article-page.png")
        publish_screenshot(path, DOCS / "article-page.png")

    assert hosts and hosts <= {"localhost", "127.0.0.1"}, f"requests left this host: {hosts}"
