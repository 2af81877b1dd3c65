"""A moderator's morning in the real admin: from the held-comment email to an empty queue.

The moderator follows the email's link, approves the comment with one click (it is on the
article at once), marks another as spam with one click and a third with the keyboard, undoes
and redoes that, and checks the pages at desktop and phone widths. Every request the browser
makes stays on 127.0.0.1.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from headline.comments.models import Comment

from .browser import chromium_page, save_artifact, sign_in
from .checkers import axe_violations
from .comment_helpers import post_comment, posted
from .factories import make_article, make_section

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


# What Headline adds to Wagtail's pages (Wagtail's own markup is not ours to fix here).
OURS = [".comment-moderation", ".comment-moderation-panel", ".comment-decision", "main dl"]


def held(article, email, body):
    comment = posted(post_comment(Client(), article, email=email, body=body))
    assert comment.status == Comment.Status.PENDING
    return comment


def status_of(comment):
    comment.refresh_from_db()
    return comment.status


def test_a_moderator_follows_the_email_then_works_the_queue_by_click_and_key(
    live_server, mailoutbox
):
    article = make_article(make_section("International"), "A state visit")
    moderator = User.objects.create_user("moderator", "moderator@newsroom.test", "pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    good = held(article, "ada@example.org", "Is the visit confirmed for Tuesday?")
    (mail,) = [m for m in mailoutbox if good.body in m.body]
    link = re.search(r"Review it here: (\S+)", mail.body).group(1)
    # Held as first comments from their addresses; the moderator knows these two for spam.
    spam = held(article, "pat@example.net", "Nice one. Everyone should read my blog today.")
    keyed = held(article, "lou@example.net", "Interesting. My page has more on this topic.")

    # The browser talks to 127.0.0.1 itself, so any other host name is another host.
    base = live_server.url.replace("localhost", "127.0.0.1")
    requested = []
    with chromium_page() as page:
        page.on("request", lambda request: requested.append(request.url))
        sign_in(page, base, "moderator")

        # 1. The email's link: the comment's edit page, its status and one button to approve.
        page.goto(base + urlsplit(link).path)
        panel = page.locator(".comment-moderation-panel")
        assert panel.locator("[data-comment-status]").inner_text() == "Awaiting moderation"
        assert "a approve" in page.locator("[data-comment-shortcuts]").inner_text()
        save_artifact(page, "moderation-1-email-link-edit-page.png")
        url_before = page.url
        panel.get_by_role("button", name="Approve").click()
        status = panel.locator("[data-comment-status]")
        status.filter(has_text="Approved").wait_for()
        assert page.url == url_before  # decided in place
        assert status_of(good) == Comment.Status.APPROVED
        assert panel.get_by_role("button", name="Approve").is_disabled()
        message = page.locator("[data-undo-message]").inner_text()
        assert message == f"Approved: “Ada Reader: {good.body}”"
        assert page.get_by_role("button", name="Undo").is_visible()
        save_artifact(page, "moderation-2-approved-in-one-click.png")

        # 2. At once on the article, fetched afresh by a reader (a browser of their own).
        reader = page.context.browser.new_page()
        reader.on("request", lambda request: requested.append(request.url))
        reader.goto(base + article.url)
        assert good.body in reader.locator(f"#comment-{good.pk}").inner_text()
        reader.close()

        # 3. The queue: one click marks spam; the row shows it and keeps its place.
        page.goto(base + reverse("comments_moderation:list") + "?status=pending")
        rows = page.locator("table.listing tbody tr")
        assert rows.count() == 2
        spam_row = rows.filter(has_text=spam.body[:30])
        keyed_row = rows.filter(has_text=keyed.body[:30])
        save_artifact(page, "moderation-3-queue.png")
        spam_row.get_by_role("button", name="Spam").click()
        spam_row.locator("[data-comment-status]").filter(has_text="Spam").wait_for()
        assert status_of(spam) == Comment.Status.SPAM
        assert rows.count() == 2  # still there, showing its new state

        # 4. The keyboard: the newest comment is above the one just marked; up, down, up, "s";
        # "u" undoes it, "s" again.
        assert keyed.body in rows.first.inner_text()
        for key in "kj":
            page.keyboard.press(key)
        spam_row.get_by_role("checkbox").check()  # keys still work from a bulk checkbox
        page.keyboard.press("k")
        assert "comment-current-row" in (keyed_row.get_attribute("class") or "")
        page.keyboard.press("s")
        keyed_row.locator("[data-comment-status]").filter(has_text="Spam").wait_for()
        assert status_of(keyed) == Comment.Status.SPAM
        save_artifact(page, "moderation-4-spam-by-keyboard.png")
        page.keyboard.press("u")
        keyed_row.locator("[data-comment-status]").filter(has_text="Awaiting").wait_for()
        assert status_of(keyed) == Comment.Status.PENDING
        assert "Undone" in page.locator("[data-undo-message]").inner_text()
        page.keyboard.press("s")
        keyed_row.locator("[data-comment-status]").filter(has_text="Spam").wait_for()
        assert status_of(keyed) == Comment.Status.SPAM
        assert axe_violations(page, OURS) == []

        # 5. Inspect: what a moderator weighs, no IP address.
        page.goto(base + reverse("comments_moderation:inspect", args=[keyed.pk]))
        details = page.locator("main dl").inner_text()
        assert "Earlier comments from this email address" in details and "%" in details
        assert keyed.ip_address not in page.content()

        # 6. A phone: the queue's buttons fit 360 px and the pages pass axe.
        page.set_viewport_size({"width": 360, "height": 740})
        page.goto(base + reverse("comments_moderation:list"))
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        for button in page.locator("table.listing button[name=status]").all():
            box = button.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        assert axe_violations(page, OURS) == []
        save_artifact(page, "moderation-5-queue-phone.png")
        page.goto(base + urlsplit(link).path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert axe_violations(page, OURS) == []
        save_artifact(page, "moderation-6-edit-page-phone.png")

    network = [url for url in requested if urlsplit(url).scheme in ("http", "https", "ws", "wss")]
    assert [url for url in network if urlsplit(url).hostname != "127.0.0.1"] == []


def test_without_javascript_each_button_is_a_plain_form_that_comes_back(live_server):
    article = make_article(make_section("International"), "A state visit")
    moderator = User.objects.create_user("moderator", "moderator@newsroom.test", "pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    comment = held(article, "ada@example.org", "Is the visit confirmed for Tuesday?")
    base = live_server.url.replace("localhost", "127.0.0.1")
    queue = base + reverse("comments_moderation:list") + "?status=pending"
    with chromium_page(java_script_enabled=False) as page:
        sign_in(page, base, "moderator")
        page.goto(queue)
        assert page.locator("[data-comment-shortcuts]").is_hidden()  # no keys without script
        page.locator("table.listing").get_by_role("button", name="Approve").click()
        page.wait_for_url(queue)
        assert status_of(comment) == Comment.Status.APPROVED
        assert "Approved: “Ada Reader" in page.locator(".messages").inner_text()
        page.get_by_role("button", name="Undo").click()
        page.wait_for_url(queue)
        assert status_of(comment) == Comment.Status.PENDING
        assert "awaiting moderation again" in page.locator(".messages").inner_text()
        save_artifact(page, "moderation-7-without-javascript.png")
