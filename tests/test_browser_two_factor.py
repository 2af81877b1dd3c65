"""An editor turns on two-factor sign-in in the browser, then signs in with a code and with a
recovery code, as they would with an authenticator app on their phone."""

import time

import pyotp
import pytest
from django.contrib.auth.models import Group, User

from .browser import chromium_page, save_artifact, sign_in
from .checkers import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def sign_in_with_code(page, base, code):
    sign_in_password_only(page, base)
    page.wait_for_url(f"{base}/admin/two-factor/verify/**")
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url(base + "/admin/")


def sign_in_password_only(page, base):
    page.goto(base + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in").click()


def sign_out(page, base):
    page.context.clear_cookies()
    page.goto(base + "/admin/login/")


def test_an_editor_turns_on_two_factor_and_signs_in_with_a_code_or_a_recovery_code(live_server):
    editor = User.objects.create_user("editor", "editor@newsroom.test", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    base = live_server.url.replace("localhost", "127.0.0.1")
    with chromium_page() as page:
        sign_in(page, base, "editor")
        page.goto(base + "/admin/account/")
        page.get_by_role("tab", name="More actions").click()
        page.get_by_role("link", name="Two-factor sign-in").click()
        page.wait_for_url(base + "/admin/two-factor/")
        assert page.locator(".two-factor-qr svg").is_visible()
        save_artifact(page, "admin-two-factor-setup.png")
        # The phone's app: the key typed in from the page.
        totp = pyotp.TOTP(page.locator("[data-two-factor-secret]").inner_text())
        page.get_by_label("Code").fill(totp.now())
        page.get_by_role("button", name="Turn on two-factor sign-in").click()
        page.locator(".recovery-codes code").first.wait_for()
        codes = page.locator(".recovery-codes code").all_inner_texts()
        assert len(codes) == 10
        page.get_by_role("link", name="I have saved them: continue").click()
        page.wait_for_url(base + "/admin/")

        sign_out(page, base)
        # The code used to turn it on is spent: the app's next one signs in.
        sign_in_with_code(page, base, totp.at(time.time() + 30))
        assert "Dashboard" in page.title()

        sign_out(page, base)
        sign_in_with_code(page, base, codes[0])
        assert "Dashboard" in page.title()

        sign_out(page, base)
        sign_in_password_only(page, base)
        page.wait_for_url(f"{base}/admin/two-factor/verify/**")
        page.get_by_label("Code").fill(codes[0])
        page.get_by_role("button", name="Verify").click()
        page.locator(".messages .error", has_text="That code is not right").wait_for()
        save_artifact(page, "admin-two-factor-wrong-code.png")
        page.goto(base + "/admin/pages/")
        assert "/admin/two-factor/verify/" in page.url


def test_a_locked_out_editor_sees_the_admins_own_wait_page_on_a_phone(live_server, settings):
    settings.AXES_FAILURE_LIMIT = 1
    User.objects.create_user("editor", "editor@newsroom.test", "pw")
    base = live_server.url.replace("localhost", "127.0.0.1")
    with chromium_page(viewport=(360, 740)) as page:
        page.goto(base + "/admin/login/")
        page.get_by_label("Username").fill("editor")
        page.get_by_label("Password").fill("guess")
        with page.expect_response(lambda response: response.status == 429) as locked:
            page.get_by_role("button", name="Sign in").click()
        assert locked.value.headers["retry-after"] == "900"
        page.get_by_role("heading", name="Please wait").wait_for()
        assert "You can try again in 15 minutes." in page.locator("main").inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert axe_violations(page) == []
        save_artifact(page, "admin-sign-in-locked-out-phone.png")
        page.set_viewport_size({"width": 1280, "height": 900})
        save_artifact(page, "admin-sign-in-locked-out.png")
        page.get_by_role("link", name="Back to sign-in").click()
        page.wait_for_url(base + "/admin/login/")
