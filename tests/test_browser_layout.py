"""Public pages on a phone: nothing wider than the screen, every section in reach.

Readers and editors type whatever they like: a 100-letter name, a pasted URL, a compound word,
a headline in a language without spaces. The pages are built here with one long unbroken word in
every field a reader or an editor can fill, and each public page type must still fit a 360 px
screen (the narrowest common phone) without scrolling sideways.
"""

import io

import pytest
from django.utils import timezone
from PIL import Image
from wagtail.models import Site

from headline.core.models import SiteIdentity
from headline.news.models import ArticleCorrection

from .body_blocks import embed_block, fact_box, gallery, list_block, stored_embed, table_block
from .browser import chromium_page, save_artifact
from .comment_helpers import make_comment
from .factories import make_article, make_author, make_image, make_section, paragraph

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = 360

# Elements reaching past the right edge of the viewport, named so a failure says which ones.
OVERFLOWING = """width => [...document.querySelectorAll("body *")]
  .filter(el => el.getBoundingClientRect().right > width + 0.5)
  .map(el => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} `
             + `(${Math.round(el.getBoundingClientRect().width)} px)`)
  .slice(0, 8)"""


def long_word(stem, length=100):
    """One word of `length` letters with no break opportunity, built from `stem`."""
    return (stem * (length // len(stem) + 1))[:length]


def captioned_image(caption, credit):
    return {
        "type": "image",
        "value": {
            "image": {"image": make_image().pk, "decorative": False, "alt_text": "A photo"},
            "caption": caption,
            "credit": credit,
        },
    }


def build_long_word_newsroom():
    """Every page type, every field filled with a long unbroken word; returns {page type: URL}."""
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.name = long_word("Morgenzeitung")
    identity.tagline = long_word("Nachrichtenueberblick", 200)
    identity.save()

    section = make_section(
        long_word("Wirtschaftsnachrichten", 120), slug="economy", intro=long_word("Einleitung", 500)
    )
    make_section("Culture")
    author = make_author(
        long_word("Wolfeschlegelsteinhausen"),
        slug="long-author",
        job_title=long_word("Chefkorrespondentin", 120),
        bio=long_word("Lebenslauf", 1000),
        photo=make_image("Portrait"),
    )
    url = "https://example.org/" + long_word("verylongpath", 150)
    body = [
        paragraph(f"The summit {long_word('Donaudampfschifffahrt', 300)} ended."),
        paragraph(f'Read <a href="{url}">{url}</a> and <b>{long_word("Fett")}</b>.'),
        {"type": "subheading", "value": long_word("Zwischentitel", 200)},
        {
            "type": "quote",
            "value": {"text": long_word("Zitat", 400), "attribution": long_word("Quelle", 200)},
        },
        captioned_image(long_word("Bildunterschrift", 300), long_word("Fotograf", 150)),
        list_block([long_word("Punkt", 500)]),
        embed_block(stored_embed(url, make_image(), title=long_word("Videotitel", 300)).url),
        table_block(
            [[long_word("Spalte", 80), "B", "C", "D"], [long_word("Zelle", 200), "1", "2", "3"]],
            caption=long_word("Tabellenueberschrift", 200),
        ),
        fact_box(long_word("Faktenkasten", 120), f"<p>{long_word('Tatsache', 400)}</p>"),
        gallery([(long_word("Galerie", 300), long_word("Fotograf", 150)), ("Zwei", "")]),
    ]
    tag = long_word("Schlagwort")
    article = make_article(
        section,
        long_word("Schlagzeile", 255),
        slug="long-article",
        authors=[author, make_author(long_word("Mitarbeiterin", 120), slug="second-author")],
        tags=[tag],
        standfirst=f"summit {long_word('Vorspann', 390)}",
        body=body,
        lead_image=make_image("Lead", size=(2400, 1350)),
        lead_image_caption=long_word("Legende", 300),
        lead_image_credit=long_word("Agentur", 150),
        updated_at=timezone.now(),
    )
    # Related, imageless and top-story cards, each with a long headline and standfirst.
    make_article(
        section,
        long_word("Nebengeschichte", 255),
        authors=[author],
        tags=[tag],
        standfirst=f"summit {long_word('Zusammenfassung', 390)}",
        top_story=True,
    )
    make_article(section, long_word("Textmeldung", 255), authors=[author], tags=[tag])
    ArticleCorrection.objects.create(page=article, text=long_word("Berichtigung", 1000))

    comment = first = None
    for depth in range(5):  # a thread as deep as replies go, each reply indented further
        comment = make_comment(
            article,
            parent=comment,
            name=long_word("Kommentatorin"),
            url="https://example.org/" + long_word("homepage", 170),
            body=f"{long_word('Leserbrief', 2000)}\n\nReply {depth}: see {url}",
        )
        first = first or comment

    query = long_word("Suchbegriff", 200)
    return {
        "home": "/",
        "section": section.url,
        "article": article.url,
        "article-replying": f"{article.url}?replyto={first.pk}#respond",
        "author": author.get_absolute_url(),
        "tag": f"/tags/{article.tags.get().slug}/",
        "search-results": "/search/?q=summit",
        "search-no-results": f"/search/?q={query}",
        "search-too-long": f"/search/?q={query}{query}",
        "corrections": "/corrections/",
        "mastodon-share": f"/share/mastodon/?text={long_word('Teilen', 500)}",
        "mastodon-share-error": f"/share/mastodon/?text={url}&instance={long_word('server')}",
        "not-found": f"/{long_word('fehlt')}/",
    }


def test_no_public_page_scrolls_sideways_at_360px_whatever_is_typed(live_server):
    urls = build_long_word_newsroom()
    too_wide = {}
    with chromium_page(viewport=(PHONE, 800)) as page:
        for name, url in urls.items():
            response = page.goto(live_server.url + url, wait_until="load")
            assert response.status in (200, 400, 404), (name, response.status)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE:
                too_wide[name] = (width, page.evaluate(OVERFLOWING, PHONE))
            save_artifact(page, f"phone-360-{name}.png")
        # What a reader types into the comment form comes back with the form's error messages.
        page.goto(live_server.url + urls["article"], wait_until="load")
        form = page.locator("form.comment-form")
        for field, value in [
            ("Comment", long_word("Meinung", 3000)),
            ("Name", long_word("Leserin")),
            ("Email", long_word("keineadresse", 200)),
            ("Website", "https://" + long_word("seite", 190)),
        ]:
            form.get_by_role("textbox", name=field, exact=True).fill(value)
        form.evaluate("form => { form.noValidate = true; }")  # let the server judge the address
        form.get_by_role("button", name="Post Comment").click()
        page.wait_for_load_state("load")
        assert page.locator(".form-errors").is_visible(), "the form was not refused"
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE:
            too_wide["comment form with errors"] = (width, page.evaluate(OVERFLOWING, PHONE))
        save_artifact(page, "phone-360-comment-form-errors.png")
    report = "\n".join(
        f"{name}: {width} px wide; {found}" for name, (width, found) in too_wide.items()
    )
    assert not too_wide, f"pages wider than {PHONE} px:\n{report}"


def test_every_section_link_is_visible_in_the_navigation_at_390px(live_server):
    titles = ["Headline", "International", "Politics", "Business", "Technology", "Culture"]
    titles += ["Science", "Opinion"]
    for title in titles:
        make_section(title)
    with chromium_page(viewport=(390, 844)) as page:
        page.goto(live_server.url + "/", wait_until="load")
        links = page.locator("nav[aria-label=Sections] a")
        assert links.all_inner_texts() == titles
        for index, title in enumerate(titles):
            link = links.nth(index)
            assert link.is_visible(), f"{title} is not visible"
            box = link.bounding_box()
            assert 0 <= box["x"] and box["x"] + box["width"] <= 390, f"{title} is off screen: {box}"
            # Nothing (such as a scrolling strip's edge) covers it: a tap there reaches the link.
            assert link.evaluate(
                "a => { const r = a.getBoundingClientRect();"
                " return a.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); }"
            ), f"{title} is covered"
        # A keyboard reader reaches each section in order.
        links.first.focus()
        for title in titles[1:]:
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.textContent.trim()") == title
        save_artifact(page, "phone-390-navigation.png")


def test_listing_cards_without_an_image_give_their_text_the_full_width(live_server):
    section = make_section("International")
    author = make_author("Ines Text", slug="ines-text")
    make_article(section, "With picture", authors=[author], tags=["Rail"], lead_image=make_image())
    make_article(section, "Words only", authors=[author], tags=["Rail"], top_story=True)
    with chromium_page() as page:
        for url in ("/", "/international/", "/authors/ines-text/", "/tags/rail/"):
            page.goto(live_server.url + url, wait_until="load")
            card = page.locator("main article.card", has_text="Words only").first
            text = card.locator(".card-text")
            assert text.bounding_box()["width"] == pytest.approx(card.bounding_box()["width"]), url


def test_a_deep_thread_keeps_a_readable_column_at_360px(live_server):
    """WordPress threads go 10 replies deep: past a few levels replies stop moving right."""
    article = make_article(make_section("World"), "A long argument")
    parent = None
    for depth in range(1, 11):
        parent = make_comment(
            article, parent=parent, name=f"Replier {depth}", body=f"Level {depth} says why."
        )
    with chromium_page(viewport=(PHONE, 800)) as page:
        page.goto(live_server.url + article.url)
        deepest = page.locator(f"#comment-{parent.pk} .comment-body").first
        assert deepest.bounding_box()["width"] >= 0.6 * PHONE


def test_a_table_wider_than_the_phone_shows_a_shadow_where_more_of_it_lies(live_server):
    """A wide table scrolls in its own box; a reader who cannot see the hidden columns is told
    by a shadow on the side they are on, gone once scrolled to that end."""
    columns = ["Ship", "Arrived", "Berth", "Cargo", "Tonnes", "Crew", "Flag", "Departs"]
    rows = [columns] + [["Containerschiff"] * len(columns) for n in range(3)]
    article = make_article(
        make_section("World"), "Ships in port", body=[table_block(rows, caption="Ships")]
    )

    def edge_darkness(box):
        """How much darker than the page the box's leftmost and rightmost pixel columns are,
        on a row below the caption (0: the page's own colour)."""
        shot = Image.open(io.BytesIO(box.screenshot())).convert("L")
        y = shot.height * 3 // 4
        background = shot.getpixel((shot.width // 2, shot.height - 1))
        return [background - shot.getpixel((x, y)) for x in (0, shot.width - 1)]

    with chromium_page(viewport=(PHONE, 800)) as page:
        page.emulate_media(color_scheme="light")
        page.goto(live_server.url + article.url)
        box = page.locator(".table-block")
        assert box.evaluate("el => el.scrollWidth > el.clientWidth")
        left, right = edge_darkness(box)
        assert left < 8 < right, (left, right)
        save_artifact(page, "phone-360-wide-table.png")
        # A keyboard reaches the region (Tab) and scrolls it with the arrow keys.
        box.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.querySelector('.table-block').scrollLeft > 0")
        box.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
        left, right = edge_darkness(box)
        assert right < 8 < left, (left, right)


def test_the_comment_forms_checkboxes_are_big_enough_to_tap(live_server):
    """Browsers draw a checkbox 13 px square: small for a thumb (WCAG 2.5.8 asks 24 px for a
    target, its label counted; the box itself is drawn at 20 px or more here)."""
    article = make_article(make_section("World"), "Tap here")
    with chromium_page(viewport=(PHONE, 800)) as page:
        page.goto(live_server.url + article.url)
        boxes = page.locator("form.comment-form input[type=checkbox]")
        assert boxes.count() >= 2
        for index in range(boxes.count()):
            size = boxes.nth(index).bounding_box()
            assert size["width"] >= 20 and size["height"] >= 20, size


# Where the first letter and the full stop of an element's text are drawn: (left edge of the
# first letter, right edge of the last character).
FIRST_AND_LAST = """el => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.data.trim()) texts.push(node);
  }
  const first = texts[0], last = texts[texts.length - 1];
  const start = first.data.search(/\\S/), end = last.data.trimEnd().length;
  const letter = document.createRange(), stop = document.createRange();
  letter.setStart(first, start); letter.setEnd(first, start + 1);
  stop.setStart(last, end - 1); stop.setEnd(last, end);
  return [letter.getBoundingClientRect().left, stop.getBoundingClientRect().right];
}"""


def test_arabic_text_reads_right_to_left_with_its_full_stop_at_the_end(live_server):
    """In a left-to-right page, a paragraph in Arabic (or Hebrew, Persian, Urdu) still takes its
    direction from its own first letter: the full stop ends it on the left, not the right."""
    arabic = "وصلت السفينة إلى الميناء."
    article = make_article(
        make_section("World"),
        arabic,
        standfirst=arabic,
        body=[paragraph(arabic), list_block([arabic]), paragraph("The ship arrived.")],
    )
    make_comment(article, body=arabic)
    with chromium_page(viewport=(1280, 900)) as page:
        page.goto(live_server.url + article.url)
        for selector in (
            "h1.headline",
            "p.standfirst",
            ".article-body > p",
            ".article-body li",
            ".comment-text p",
        ):
            letter, stop = page.locator(selector).first.evaluate(FIRST_AND_LAST)
            assert stop <= letter, selector
        save_artifact(page, "arabic-in-an-english-page.png")
        english = page.locator(".article-body > p").last
        letter, stop = english.evaluate(FIRST_AND_LAST)
        assert letter < stop
