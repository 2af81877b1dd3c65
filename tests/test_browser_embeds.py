"""An embedded post as a reader's browser loads it: nothing from the provider until the reader asks."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .body_blocks import embed_block, stored_embed
from .browser import chromium_page, save_artifact
from .embed_provider import VIDEO_URL
from .factories import make_article, make_image, make_section, paragraph

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def harbour_article(player):
    stored_embed(VIDEO_URL, make_image("Frame", size=(640, 360)), player=player)
    body = [paragraph("The harbour reopened today."), embed_block(VIDEO_URL)]
    return make_article(make_section("International"), "Harbour reopens", body=body)


def test_the_provider_is_asked_only_after_the_reader_clicks(live_server, embed_provider):
    article = harbour_article(f"http://localhost:{embed_provider.port}/player/42")
    # The browser talks to the site as 127.0.0.1; the provider's player is on "localhost".
    base = live_server.url.replace("localhost", "127.0.0.1")
    requested = []
    with chromium_page(viewport=(390, 844)) as page:
        page.on("request", lambda request: requested.append(request.url))
        page.goto(base + article.url, wait_until="networkidle")
        preview = page.locator("figure.embed")
        expect(preview.locator(".embed-title")).to_have_text("Harbour reopens: the video")
        assert preview.locator("img").evaluate("img => img.naturalWidth") > 0
        assert page.locator("iframe").count() == 0
        assert {urlsplit(url).hostname for url in requested} == {"127.0.0.1"}
        assert embed_provider.requests == []
        save_artifact(page, "embed-before-click.png")

        page.get_by_role("button", name="Show it here (loads from Fakeview)").click()
        player = page.frame_locator("iframe.embed-frame").frame_locator("iframe")
        expect(player.locator(".player")).to_have_text("Fakeview player")
        assert embed_provider.requests == ["/player/42"]
        # The reader sees the whole player: inside the frame (nothing clipped) and on the screen.
        frame = page.locator("iframe.embed-frame")
        expect(frame).to_have_attribute("title", "Harbour reopens: the video")
        expect(frame).to_be_visible()
        outer = frame.bounding_box()
        inner = page.frame_locator("iframe.embed-frame").locator("iframe").bounding_box()
        assert inner["height"] > 100 and inner["width"] > 200, inner
        assert within(inner, outer), (inner, outer)
        assert outer["x"] >= 0 and outer["x"] + outer["width"] <= 390, outer
        save_artifact(page, "embed-after-click.png")


def within(inner, outer):
    """Whether box `inner` lies inside box `outer` (a pixel's rounding allowed)."""
    return (
        inner["x"] >= outer["x"] - 1
        and inner["y"] >= outer["y"] - 1
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + 1
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 1
    )


def test_without_javascript_the_embed_is_a_link_to_the_original(live_server):
    article = harbour_article("https://player.example/42")
    with chromium_page(java_script_enabled=False) as page:
        page.goto(live_server.url + article.url, wait_until="load")
        link = page.get_by_role("link", name="Harbour reopens: the video")
        expect(link).to_have_attribute("href", VIDEO_URL)
        assert page.get_by_role("button", name="Show it here (loads from Fakeview)").count() == 0
        assert page.locator("iframe").count() == 0
