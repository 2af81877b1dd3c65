"""Every public page type and the admin's main screens run under their Content-Security-Policy
with nothing blocked: no `securitypolicyviolation` event and no CSP message in the console, in
the page or any frame (issue 11); the Permissions-Policy names only features the browser knows
(Chromium logged an error on every page for two it does not). The pages: home, section, tag, author, search, corrections,
404, the article with every body block (its embed clicked), "Post your comment", the Mastodon step
(sent), the comment confirmation and privacy pages.
"""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from headline.comments.models import Comment
from headline.comments.tokens import make_link_token

from .body_blocks import embed_block, fact_box, gallery, list_block, stored_embed, table_block
from .browser import chromium_page, sign_in
from .comment_helpers import make_comment
from .embed_provider import VIDEO_URL
from .factories import make_article, make_author, make_image, make_section, paragraph

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Runs in every document and frame before its own scripts: reports each violation to the console.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", function (event) {
  console.error("CSP violation: " + event.violatedDirective + " blocked " + event.blockedURI);
});
"""


def every_block(player):
    picture = make_image("Harbour cranes", size=(640, 360))
    stored_embed(VIDEO_URL, make_image("Frame", size=(640, 360)), player=player)
    return [
        paragraph(
            'The harbour <b>reopened</b> today, <a href="https://example.org/">says</a> the port.'
        ),
        {"type": "subheading", "value": "What changes"},
        {"type": "quote", "value": {"text": "We are open.", "attribution": "The harbour master"}},
        {
            "type": "image",
            "value": {
                "image": {"image": picture.pk, "decorative": False, "alt_text": "Cranes"},
                "caption": "Cranes",
                "credit": "Ana Lens",
            },
        },
        list_block(["Ferries", "Freight"], ordered=True),
        embed_block(VIDEO_URL),
        table_block([["Port", "Ships"], ["Rotterdam", "120"]], caption="Ships this week"),
        fact_box("Key facts", "<ul><li>Built in 1890</li></ul>"),
        gallery([("The quay at dawn", "Ana Lens"), ("Cranes", "")], caption="The reopening"),
    ]


@pytest.fixture
def violations():
    return []


def watch(page, violations):
    page.add_init_script(REPORT_VIOLATIONS)

    def seen(message):
        text = message.text
        if any(
            sign in text
            for sign in ("CSP violation", "Content Security Policy", "Permissions-Policy")
        ):
            violations.append(f"{page.url}: {text}")

    page.on("console", seen)


def visit(page, url, violations, status=200):
    response = page.goto(url, wait_until="networkidle")
    assert response.status == status, (url, response.status)
    return response


def test_public_pages_run_under_the_strict_policy_with_nothing_blocked(
    live_server, embed_provider, violations
):
    section = make_section("International")
    author = make_author("Mia Holm", slug="mia-holm")
    player = f"http://localhost:{embed_provider.port}/player/42"
    article = make_article(
        section,
        "Harbour reopens",
        authors=[author],
        tags=["Harbour"],
        body=every_block(player),
        lead_image=make_image("Harbour at dawn"),
    )
    comment = make_comment(article, status=Comment.Status.APPROVED, body="Good news for us.")
    base = live_server.url.replace("localhost", "127.0.0.1")
    with chromium_page() as page:
        watch(page, violations)
        page.route(
            "https://mastodon.example/**",
            lambda route: route.fulfill(status=200, content_type="text/html", body="<p>Shared"),
        )
        for path in (
            "/",
            section.url,
            "/tags/harbour/",
            "/authors/mia-holm/",
            "/search/?q=harbour",
            "/corrections/",
        ):
            visit(page, base + path, violations)
        visit(page, base + "/no-such-page/", violations, status=404)

        visit(page, base + article.url, violations)
        page.get_by_role("button", name="Show it here (loads from Fakeview)").click()
        player_frame = page.frame_locator("iframe.embed-frame").frame_locator("iframe")
        player_frame.locator(".player").wait_for()

        # A comment sent without its token comes back on the "Post your comment" page.
        page.locator(".comment-form input[name=csrfmiddlewaretoken]").evaluate(
            "input => input.remove()"
        )
        page.locator(".comment-form [name=name]").fill("Ada Reader")
        page.locator(".comment-form [name=email]").fill("ada@example.org")
        page.locator(".comment-form [name=body]").fill("Glad to see the ferries back.")
        page.get_by_role("button", name="Post Comment").click()
        page.get_by_text("has not been sent yet").wait_for()
        page.wait_for_load_state("networkidle")

        visit(page, base + "/share/mastodon/?text=Harbour+reopens", violations)
        page.get_by_label("Your Mastodon server").fill("mastodon.example")
        page.get_by_role("button", name="Continue to Mastodon").click()
        page.wait_for_url("https://mastodon.example/share?text=Harbour%20reopens")

        visit(
            page,
            base + reverse("comments:confirm", args=[make_link_token("confirm", comment.pk)]),
            violations,
        )
        page.get_by_role("button", name="Confirm").click()
        page.wait_for_load_state("networkidle")
        visit(page, base + "/comments/privacy/", violations)
        manage = reverse(
            "comments:privacy_manage", args=[make_link_token("privacy", comment.email)]
        )
        visit(page, base + manage, violations)
    assert violations == []


def test_the_admins_main_screens_run_under_the_admin_policy_with_nothing_blocked(
    live_server, violations
):
    section = make_section("International")
    article = make_article(section, "A state visit")
    make_image("Delegations at the palace")
    make_comment(article, status=Comment.Status.PENDING, body="Is this confirmed?")
    User.objects.create_superuser("admin", "admin@newsroom.test", "pw")
    base = live_server.url.replace("localhost", "127.0.0.1")
    with chromium_page() as page:
        watch(page, violations)
        sign_in(page, base, "admin")
        screens = [
            "/admin/",
            reverse("wagtailadmin_explore", args=[section.pk]),
            reverse("comments_moderation:list"),
            reverse("wagtailsettings:edit", args=["core", "siteidentity"]),
            reverse("wagtailsettings:edit", args=["comments", "commentsettings"]),
            reverse("wagtailimages:index"),
            reverse("wagtailadmin_pages:edit", args=[article.pk]),
        ]
        for path in screens:
            visit(page, base + path, violations)
        # The image chooser, opened from the article's lead image.
        page.locator("[data-chooser-action-choose]:visible").first.click()
        page.locator(".modal-content").get_by_text("Choose an image").first.wait_for()
        page.wait_for_load_state("networkidle")
    assert violations == []
