"""A reader posts a comment, then answers another one with the reply form opened in place."""

import pytest

from headline.comments.models import Comment

from .browser import chromium_page
from .checkers import axe_violations
from .comment_helpers import make_comment, set_rules
from .factories import make_article, make_section, make_standard_page

# Transactional: the live server reads the database from another thread.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("kind", ["article", "standard page"])
def test_post_a_comment_then_reply_in_place(live_server, kind):
    if kind == "article":
        article = make_article(make_section("International"), "A state visit")
    else:  # a page open to comments works the same, comments.js included
        article = make_standard_page("About us", comments_enabled=True)
    grace = make_comment(article, name="Grace Hopper", body="What a visit.")
    # A browser fills the form in milliseconds and posts twice from one IP: relax those rules.
    set_rules(min_form_seconds=0, flood_seconds=0)
    with chromium_page() as page:
        page.goto(live_server.url + article.url)
        form = page.locator("#respond form")
        form.get_by_role("textbox", name="Comment", exact=True).fill("Thanks for the report.")
        form.get_by_role("textbox", name="Name", exact=True).fill("Ada Reader")
        form.get_by_role("textbox", name="Email", exact=True).fill("ada@example.org")
        form.get_by_label("Remember my name").check()
        form.get_by_role("button", name="Post Comment").click()
        page.wait_for_load_state()
        first = Comment.objects.get(body="Thanks for the report.")
        assert page.url.endswith(f"{article.url}#comment-{first.pk}")
        mine = page.locator(f"#comment-{first.pk}")
        assert "awaiting moderation" in mine.inner_text()

        url_before = page.url
        page.get_by_role("link", name="Reply to Grace Hopper").click()
        respond = page.locator(f"#comment-{grace.pk} > #respond")
        assert respond.is_visible() and page.url == url_before
        assert "Replying to Grace Hopper" in page.locator(".replying-to").inner_text()
        # Remembered from the first post, from this browser's storage.
        assert respond.get_by_role("textbox", name="Name", exact=True).input_value() == "Ada Reader"
        assert axe_violations(page) == []  # the thread, the held note and the form moved in place
        respond.get_by_role("textbox", name="Comment", exact=True).fill("I agree, Grace.")
        respond.get_by_role("button", name="Post Comment").click()
        page.wait_for_load_state()
        reply = Comment.objects.get(body="I agree, Grace.")
        assert reply.parent_id == grace.pk
        nested = page.locator(f"#comment-{grace.pk} > ol.children > #comment-{reply.pk}")
        assert "I agree, Grace." in nested.inner_text()


def test_a_refused_comment_comes_back_at_the_form_with_its_message_in_view(live_server):
    """On a phone, the page of a long thread: the reader lands on the messages, not the top."""
    article = make_article(make_section("International"), "A long thread")
    for n in range(40):
        make_comment(article, name=f"Reader {n}", body=f"Comment {n}. " + "More. " * 60)
    set_rules(min_form_seconds=0, flood_seconds=0)
    with chromium_page(viewport=(360, 740)) as page:
        page.goto(live_server.url + article.url)
        form = page.locator("#respond form")
        form.get_by_role("textbox", name="Comment", exact=True).fill("My view, kept.")
        form.get_by_role("textbox", name="Name", exact=True).fill("Pat")
        form.get_by_role("textbox", name="Email", exact=True).fill("pat@example.org")
        # The browser takes any scheme as a URL; the server asks for a web address.
        form.get_by_role("textbox", name="Website").fill("mailto:pat@example.org")
        form.get_by_role("button", name="Post Comment").click()
        page.wait_for_load_state()
        message = page.get_by_text("Please enter a full web address")
        assert message.is_visible()
        box = message.bounding_box()
        assert 0 <= box["y"] < 740, box  # in the viewport, without scrolling
        kept = page.locator("#respond form").get_by_role("textbox", name="Comment", exact=True)
        assert kept.input_value() == "My view, kept."
