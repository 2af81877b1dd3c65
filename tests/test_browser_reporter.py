"""A reporter's day in the real Wagtail admin, in Chromium: write an article, illustrate it,
preview it and submit it for review. Screenshots of each step are saved in artifacts/.

Embeds come from the local fake oEmbed provider (tests/embed_provider.py).
"""

import io
import re

import pytest
from django.contrib.auth.models import Group, User
from PIL import Image as PILImage
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from headline.news.models import ArticlePage, EmbedPreview

from .browser import chromium_page, save_artifact, sign_in
from .embed_provider import VIDEO_URL
from .factories import make_author, make_section

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def photo(path):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 800), (30, 110, 170)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def add_block(page, kind):
    """Append a block of `kind` at the end of the body; returns the new block's panel."""
    blocks = page.locator("[data-contentpath='body']").first.locator("[data-streamfield-child]")
    count = blocks.count()
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=kind, exact=True).click()
    expect(blocks).to_have_count(count + 1)
    return blocks.nth(count)


def test_reporter_writes_illustrates_previews_and_submits_an_article(
    live_server, embed_provider, tmp_path
):
    section = make_section("International")
    make_author("Rita Reporter", slug="rita-reporter")
    reporter = User.objects.create_user("reporter", "reporter@newsroom.test", "pw")
    reporter.groups.add(Group.objects.get(name="Reporters"))
    upload = photo(tmp_path / "harbour.jpg")
    with chromium_page(viewport=(1400, 1000)) as page:
        page.set_default_timeout(20_000)
        try:
            sign_in(page, live_server.url, "reporter")
            page.goto(live_server.url + f"/admin/pages/add/news/articlepage/{section.pk}/")

            page.get_by_role("textbox", name="Headline").fill("Harbour reopens after the storm")
            page.get_by_role("textbox", name="Standfirst").fill(
                "Ships return to the port a week after the storm."
            )
            page.get_by_role("button", name="Choose author").click()
            page.get_by_role("dialog").get_by_role("link", name="Rita Reporter").click()
            save_artifact(page, "reporter-1-headline-and-author.png")

            # Lead image: uploaded from the chooser.
            page.locator("#panel-child-content-lead_image-section").get_by_role(
                "button", name="Choose an image"
            ).click()
            dialog = page.get_by_role("dialog")
            dialog.get_by_role("tab", name="Upload").click()
            dialog.locator("input[type=file]").set_input_files(upload)
            title = dialog.get_by_role("textbox", name="Title")
            expect(title).to_have_value("harbour")  # filled in from the file name
            title.fill("Harbour at dawn")
            dialog.get_by_role("button", name="Upload").click()
            expect(page.locator(".modal-backdrop")).to_have_count(0)
            page.get_by_role("textbox", name="Lead image caption").fill("The harbour at dawn")
            save_artifact(page, "reporter-2-lead-image.png")

            # The body: a paragraph, a quote, the same picture, an embed and a table.
            add_block(page, "Paragraph").get_by_role("textbox").type(
                "Ships returned to the harbour on Monday."
            )
            quote = add_block(page, "Quote")
            quote.get_by_role("textbox", name="Text").fill("We are open for business.")
            quote.get_by_role("textbox", name="Attribution").fill("The harbour master")
            image = add_block(page, "Image")
            image.get_by_role("button", name="Choose an image").click()
            page.get_by_role("dialog").get_by_role("link", name="Harbour at dawn").click()
            expect(page.locator(".modal-backdrop")).to_have_count(0)
            image.get_by_role("textbox", name="Alt text").fill("Ships at the quay")
            add_block(page, "Embed").get_by_role("textbox").fill(VIDEO_URL)
            table = add_block(page, "Table")
            table.get_by_label("Table headers").select_option("row")
            table.get_by_role("textbox", name="Table caption").fill("Ships in port")
            cells = table.locator(".htCore tbody tr")
            for row, values in enumerate([["Day", "Ships"], ["Monday", "12"]]):
                for col, value in enumerate(values):
                    cells.nth(row).locator("td").nth(col).dblclick()
                    page.keyboard.type(value)
                    page.keyboard.press("Enter")
            save_artifact(page, "reporter-3-body.png")

            # The slug followed the headline as it was typed.
            page.get_by_role("tab", name="Promote").click()
            expect(page.get_by_role("textbox", name="Slug")).to_have_value(
                "harbour-reopens-after-the-storm"
            )
            page.get_by_role("tab", name="Content").click()
            page.get_by_role("button", name="Save draft").click()
            # Wagtail may already have saved the draft once (its first save creates it).
            expect(page.locator(".messages")).to_contain_text(re.compile(r"\b(created|updated)\."))
            save_artifact(page, "reporter-4-saved.png")

            # Preview: the real article template, embed preview and table included.
            page.get_by_role("button", name="Toggle preview").click()
            preview = page.frame_locator("iframe[data-w-preview-target='iframe']").first
            expect(preview.locator("h1.headline")).to_have_text("Harbour reopens after the storm")
            expect(preview.locator("figure.embed .embed-title")).to_have_text(
                "Harbour reopens: video harbour-42"
            )
            expect(preview.locator(".table-block caption")).to_have_text("Ships in port")
            save_artifact(page, "reporter-5-preview.png")
            page.get_by_role("button", name="Toggle preview").click()

            page.get_by_role("navigation", name="Actions (footer)").get_by_role(
                "button", name="More actions"
            ).click()
            page.get_by_role("button", name="Submit to Editorial review").click()
            expect(page.locator(".messages")).to_contain_text("submitted")
            save_artifact(page, "reporter-6-submitted.png")
        except Exception:
            save_artifact(page, "reporter-failed.png")
            raise

    article = ArticlePage.objects.get(
        slug="harbour-reopens-after-the-storm"
    ).get_latest_revision_as_object()
    assert not article.live
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert [author.name for author in article.authors] == ["Rita Reporter"]
    assert article.lead_image.title == "Harbour at dawn"
    assert [block.block_type for block in article.body] == [
        "paragraph",
        "quote",
        "image",
        "embed",
        "table",
    ]
    assert article.body[2].value["image"].pk == article.lead_image.pk
    assert article.body[3].value.image == EmbedPreview.objects.get().image is not None
    assert article.body[4].value["data"][:2] == [["Day", "Ships", None], ["Monday", "12", None]]
