"""A story's day in the real Wagtail admin, in Chromium, in one journey: a reporter starts it from
the dashboard, writes and illustrates it (every body block), previews it and submits it for
review; an editor schedules it a minute ahead; the task worker publishes it; a reader sees it.
Screenshots of each step are saved in artifacts/.

Embeds come from the local fake oEmbed provider (tests/embed_provider.py). The worker is the
production one, run over the due tasks once the clock has moved past the go-live time
(test_browser_editor.py says why it is not left running).
"""

import io
import re
from datetime import timedelta

import lxml.html
import pytest
import time_machine
from django.contrib.auth.models import Group, User
from PIL import Image as PILImage
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from headline.news.models import ArticlePage, EmbedPreview

from .browser import (
    chromium_page,
    save_artifact,
    set_go_live,
    sign_in,
    wait_for_controllers,
)
from .embed_provider import VIDEO_URL
from .factories import make_author, make_section
from .html import texts
from .test_scheduling import run_worker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def photo(path, colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 800), colour).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def written_by_draftail(block, field, text):
    """Wait until the rich text `field` of `block` holds `text` in the form. Draftail writes its
    field a moment after the last key, and under load a field filled before then (a quote's
    attribution) had the keys typed into the rich text instead."""
    hidden = block.locator(f"input[name$='-{field}']")
    expect(hidden).to_have_value(re.compile(re.escape(text)), timeout=20_000)


def add_block(page, kind):
    """Append a block of `kind` at the end of the body; returns the new block's panel."""
    body = page.locator("[data-contentpath='body']").first
    # Top-level blocks only: a gallery's images are children too.
    blocks = body.locator("[data-streamfield-child]:not([data-streamfield-child] *)")
    count = blocks.count()
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name=kind, exact=True).click()
    expect(blocks).to_have_count(count + 1)
    return blocks.nth(count)


def upload_in_chooser(page, button, upload, title):
    """Open an image chooser with `button`, upload `upload` in its Upload tab as `title`."""
    button.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("tab", name="Upload").click()
    dialog.locator("input[type=file]").set_input_files(upload)
    dialog.get_by_role("textbox", name="Title").fill(title)
    dialog.get_by_role("button", name="Upload").click()
    expect(page.locator(".modal-backdrop")).to_have_count(0)


def type_in_cell(page, cell, value):
    """Type `value` into a cell of Wagtail's table editor (Handsontable). On a loaded machine the
    first keys can reach the cell before its editor opens, so the cell is checked and retyped."""
    for _attempt in range(3):
        cell.dblclick()
        page.keyboard.press("ControlOrMeta+A")
        page.keyboard.type(value)
        page.keyboard.press("Enter")
        if cell.inner_text() == value:
            return
    expect(cell).to_have_text(value)


def fill_gallery_image(item, alt, caption):
    item.get_by_role("textbox", name="Alt text").fill(alt)
    item.get_by_role("textbox", name="Caption").fill(caption)
    item.get_by_role("textbox", name="Credit").fill("Port Authority")


def test_a_story_goes_from_the_reporters_dashboard_to_readers_on_schedule(
    live_server, embed_provider, database_tasks, tmp_path
):
    make_section("International")
    make_author("Rita Reporter", slug="rita-reporter")
    for username, group in (("reporter", "Reporters"), ("editor", "Editors")):
        user = User.objects.create_user(username, f"{username}@newsroom.test", "pw")
        user.groups.add(Group.objects.get(name=group))
    harbour = photo(tmp_path / "harbour.jpg", (30, 110, 170))
    quay = photo(tmp_path / "quay.jpg", (170, 110, 30))
    base = live_server.url.replace("localhost", "127.0.0.1")
    with chromium_page(viewport=(1400, 1000)) as page:
        page.set_default_timeout(20_000)
        try:
            write_illustrate_and_submit(page, base, harbour, quay)
        except Exception:
            save_artifact(page, "reporter-failed.png")
            raise

    article = ArticlePage.objects.get(slug="harbour-reopens-after-the-storm")
    draft = article.get_latest_revision_as_object()
    assert not article.live
    assert WorkflowState.objects.get(object_id=str(article.pk)).status == (
        WorkflowState.STATUS_IN_PROGRESS
    )
    assert [author.name for author in draft.authors] == ["Rita Reporter"]
    assert draft.lead_image.title == "Harbour at dawn"
    assert [block.block_type for block in draft.body] == [
        "paragraph",
        "quote",
        "image",
        "embed",
        "table",
        "fact_box",
        "gallery",
        "list",
    ]
    assert ">We are open for business.</p>" in draft.body[1].value["text"].source
    assert draft.body[2].value["image"].pk == draft.lead_image.pk
    assert draft.body[3].value.image == EmbedPreview.objects.get().image is not None
    assert draft.body[4].value["data"][:2] == [["Day", "Ships", None], ["Monday", "12", None]]
    assert [item["image"].title for item in draft.body[6].value["images"]] == [
        "Harbour at dawn",
        "The quay",
    ]
    numbered = lxml.html.fragment_fromstring(draft.body[7].value.source)
    assert [li.text for li in numbered.xpath("./li")] == ["Ferries", "Freight"]
    assert numbered.tag == "ol" and texts(numbered, "./li[1]/ol/li") == ["Night crossings"]

    with chromium_page(viewport=(1400, 1000)) as page:
        page.set_default_timeout(20_000)
        try:
            go_live = schedule_the_submission(page, base)
            assert page.goto(base + "/international/harbour-reopens-after-the-storm/").status == 404
            # A minute later the worker has published it, with nobody touching anything.
            with time_machine.travel(go_live + timedelta(seconds=5), tick=True):
                run_worker()
                response = page.goto(base + "/international/harbour-reopens-after-the-storm/")
                assert response.status == 200
                expect(page.locator("h1.headline")).to_have_text("Harbour reopens after the storm")
                expect(page.locator(".fact-box")).to_contain_text("Closed for seven days")
                expect(page.locator("figure.gallery img")).to_have_count(2)
                save_artifact(page, "story-4-live-for-readers.png")
                page.goto(base + "/")
                expect(
                    page.get_by_role("link", name="Harbour reopens after the storm").first
                ).to_be_visible()
        except Exception:
            save_artifact(page, "editor-failed.png")
            raise


def write_illustrate_and_submit(page, base, harbour, quay):
    """The reporter's part: from the dashboard's button to "Submit to Editorial review"."""
    sign_in(page, base, "reporter")
    page.get_by_role("link", name="New article in International").click()
    wait_for_controllers(page, "#id_title")
    wait_for_controllers(page, "#id_slug")
    page.locator("#id_title").press_sequentially("Harbour reopens after the storm")
    page.get_by_role("textbox", name="Standfirst").fill(
        "Ships return to the port a week after the storm."
    )
    page.get_by_role("button", name="Choose author").click()
    page.get_by_role("dialog").get_by_role("link", name="Rita Reporter").click()
    save_artifact(page, "reporter-1-headline-and-author.png")

    # Lead image: uploaded from the chooser's Upload tab.
    upload_in_chooser(
        page,
        page.locator("#panel-child-content-lead_image-section").get_by_role(
            "button", name="Choose an image"
        ),
        harbour,
        "Harbour at dawn",
    )
    page.get_by_role("textbox", name="Lead image caption").fill("The harbour at dawn")
    save_artifact(page, "reporter-2-lead-image.png")

    # The body, one block of each kind a newsroom uses every day.
    opening = add_block(page, "Paragraph")
    opening.get_by_role("textbox").type("Ships returned to the harbour on Monday.")
    written_by_draftail(opening, "value", "on Monday.")
    quote = add_block(page, "Quote")
    # The quote's text is rich text (a link to where it was said): Draftail's editor.
    quote.locator("[contenteditable=true]").type("We are open for business.")
    written_by_draftail(quote, "text", "for business.")
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
    rows = table.locator(".htCore tbody tr")
    for row, values in enumerate([["Day", "Ships"], ["Monday", "12"]]):
        for col, value in enumerate(values):
            type_in_cell(page, rows.nth(row).locator("td").nth(col), value)
    facts = add_block(page, "Fact box")
    facts.get_by_role("textbox", name="Title").fill("Key facts")
    facts.locator("[contenteditable=true]").click()
    page.keyboard.type("Closed for seven days")
    written_by_draftail(facts, "body", "seven days")
    gallery = add_block(page, "Gallery")
    pictures = gallery.locator("[data-streamfield-child]")
    expect(pictures).to_have_count(2)  # a gallery takes two pictures at least
    for field in ("Alt text", "Caption", "Credit"):  # empty, not the word "undefined"
        expect(pictures.nth(1).get_by_role("textbox", name=field)).to_have_value("")
    gallery.get_by_role("button", name="Choose an image").first.click()
    page.get_by_role("dialog").get_by_role("link", name="Harbour at dawn").click()
    expect(page.locator(".modal-backdrop")).to_have_count(0)
    fill_gallery_image(pictures.nth(0), "The harbour at dawn", "Dawn")
    upload_in_chooser(
        page, pictures.nth(1).get_by_role("button", name="Choose an image"), quay, "The quay"
    )
    fill_gallery_image(pictures.nth(1), "Cranes on the quay", "The quay")
    gallery.get_by_role("textbox", name="Caption").last.fill("The harbour, reopened")
    # Draftail's shortcut "1. " starts a numbered list; Tab nests an item, Shift+Tab lifts it.
    numbered = add_block(page, "List")
    numbered.locator("[contenteditable=true]").click()
    for key, text in [(None, "1. Ferries"), ("Tab", "Night crossings"), ("Shift+Tab", "Freight")]:
        if key:
            page.keyboard.press("Enter")
            page.keyboard.press(key)
        page.keyboard.type(text)
    written_by_draftail(numbered, "value", "Freight")
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

    # Preview: the real article template, every block included.
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe[data-w-preview-target='iframe']").first
    # The preview renders the whole form on the server: slow on a loaded machine.
    expect(preview.locator("h1.headline")).to_have_text(
        "Harbour reopens after the storm", timeout=30_000
    )
    expect(preview.locator("figure.embed .embed-title")).to_have_text(
        "Harbour reopens: video harbour-42"
    )
    expect(preview.locator(".table-block caption")).to_have_text("Ships in port")
    expect(preview.locator(".fact-box")).to_contain_text("Closed for seven days")
    expect(preview.locator("figure.gallery img")).to_have_count(2)
    expect(preview.locator(".article-body ol > li > ol > li")).to_have_text("Night crossings")
    save_artifact(page, "reporter-5-preview.png")
    page.get_by_role("button", name="Toggle preview").click()

    page.get_by_role("navigation", name="Actions (footer)").get_by_role(
        "button", name="More actions"
    ).click()
    page.get_by_role("button", name="Submit to Editorial review").click()
    expect(page.locator(".messages")).to_contain_text("submitted")
    save_artifact(page, "reporter-6-submitted.png")


def schedule_the_submission(page, base):
    """The editor's part: open the submission from the dashboard, set it to go live a minute
    ahead and approve it. Returns the go-live time."""
    sign_in(page, base, "editor")
    review = page.locator("section:has-text('Awaiting your review')")
    review.get_by_role("link", name="Harbour reopens after the storm").first.click()
    go_live = set_go_live(page)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(page.locator(".messages")).to_be_visible()
    page.goto(base + "/admin/")
    expect(page.locator("#scheduled-section")).to_contain_text("Harbour reopens after the storm")
    save_artifact(page, "editor-scheduled-the-story.png")
    return go_live
