"""Every public page type is valid HTML (Nu HTML Checker) and has no axe-core violations.

The pages carry realistic content: an article with a lead image, body images, quotes, a list,
tags, a correction and threaded comments, so the markup each part adds is checked too.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from headline.news.models import ArticleCorrection

from .body_blocks import embed_block, fact_box, gallery, list_block, stored_embed, table_block
from .browser import chromium_page
from .checkers import axe_violations, nu_errors
from .comment_helpers import make_comment
from .factories import make_article, make_author, make_image, make_section, paragraph

# A desktop and a phone (the phone layout wraps the section navigation and stacks the cards).
DESKTOP_AND_PHONE = [(1280, 900), (390, 844)]


def image_block(image, caption="A caption", credit="Photographer"):
    return {
        "type": "image",
        "value": {
            "image": {"image": image.pk, "decorative": False, "alt_text": "A described photo"},
            "caption": caption,
            "credit": credit,
        },
    }


def build_newsroom():
    """Content for every page type; returns {page type: URL}."""
    world = make_section("World", intro="News from every continent.")
    business = make_section("Business")
    author = make_author(
        "Maya Correspondent",
        job_title="World affairs editor",
        bio="Reports from the capitals.",
        photo=make_image("Maya"),
    )
    body = [
        paragraph("Leaders met on <b>Monday</b> to discuss <a href='/world/'>trade</a>."),
        {"type": "subheading", "value": "What was agreed"},
        {"type": "quote", "value": {"text": "We agreed on much.", "attribution": "A minister"}},
        image_block(make_image("Summit hall")),
        list_block(["Tariffs", "Visas"], ordered=True),
        embed_block(stored_embed("https://video.example/summit", make_image("Frame")).url),
        embed_block("https://video.example/never-fetched"),
        table_block([["Country", "Tariff"], ["Norway", "2%"], ["Chile", None]], caption="Rates"),
        table_block([["Visas", "12"], ["Permits", "3"]], header="column"),
        fact_box(
            "Key facts", "<p>The accord:</p><ul><li>cuts tariffs</li><li>eases visas</li></ul>"
        ),
        gallery([("The hall", "Agency"), ("The signing", "")], caption="The summit in pictures"),
        paragraph("Talks resume next week."),
    ]
    # Published first, so the engine lists it under the main article's "Related Articles".
    make_article(
        world,
        "Summit opens with trade talks",
        tags=["Trade", "Diplomacy"],
        standfirst="Leaders met to discuss a trade accord at the summit.",
        body=[paragraph("Trade talks at the summit covered tariffs and visas.")],
        lead_image=make_image(),
        published_at=timezone.now() - timedelta(days=1),
    )
    article = make_article(
        world,
        "Summit ends with a trade accord",
        authors=[author, make_author("Sam Stringer")],
        tags=["Trade", "Diplomacy"],
        body=body,
        lead_image=make_image("Summit", size=(1600, 900)),
        lead_image_caption="Delegates at the summit",
        lead_image_credit="Agency",
        updated_at=timezone.now(),
    )
    ArticleCorrection.objects.create(
        page=article, text="An earlier version misnamed the host city."
    )
    first = make_comment(article, body="A useful summary & more.")
    make_comment(article, parent=first, body="Agreed.")
    for n in range(3):
        make_article(
            business,
            f"Markets story {n}",
            lead_image=make_image(),
            published_at=timezone.now() - timedelta(days=n + 1),
        )
    return {
        "home": "/",
        "section": "/world/",
        "article": article.url,
        "author": author.get_absolute_url(),
        "tag": "/tags/trade/",
        "search-results": "/search/?q=summit",
        "search-empty": "/search/",
        "search-no-results": "/search/?q=xylophone",
        "search-too-long": "/search/?q=" + "long+" * 60,
        "mastodon-share": "/share/mastodon/?text=Summit",
        "corrections": "/corrections/",
        "not-found": "/no-such-page/",
    }


@pytest.mark.django_db
def test_every_page_type_is_valid_html(client, tmp_path):
    pages = {}
    for name, url in build_newsroom().items():
        response = client.get(url)
        assert response.status_code in (200, 400, 404), (name, response.status_code)
        pages[name] = response.content.decode()
    errors = nu_errors(pages, tmp_path)
    report = "\n".join(f"{name}:\n  " + "\n  ".join(found) for name, found in errors.items())
    assert not errors, f"Nu HTML Checker errors:\n{report}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_page_type_has_no_axe_violations(live_server):
    urls = build_newsroom()
    found = {}
    with chromium_page() as page:
        for width, height in DESKTOP_AND_PHONE:
            page.set_viewport_size({"width": width, "height": height})
            for scheme in ("light", "dark"):
                page.emulate_media(color_scheme=scheme)
                for name, url in urls.items():
                    page.goto(live_server.url + url, wait_until="load")
                    violations = axe_violations(page)
                    if violations:
                        found[f"{name} ({scheme}, {width} px)"] = violations
    report = "\n".join(f"{name}:\n  " + "\n  ".join(lines) for name, lines in found.items())
    assert not found, f"axe-core violations:\n{report}"
