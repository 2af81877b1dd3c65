"""Headless Chromium for browser tests: Debian's build, driven by Playwright, never a downloaded browser."""

import os
import shutil
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
# The live server runs in this process; Playwright's sync API needs Django to allow that.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def require_chromium():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium (see README)."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@contextmanager
def chromium_page(viewport=(1280, 900), **options):
    """A fresh page in a fresh headless Chromium, closed afterwards.

    `options` go to Playwright's `new_page` (e.g. `java_script_enabled=False`).
    """
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(
                viewport={"width": viewport[0], "height": viewport[1]}, **options
            )
            yield page
        finally:
            browser.close()


def save_artifact(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    # Scroll to the end first so lazy images below the fold load before the full-page shot.
    page.mouse.wheel(0, 100_000)
    page.wait_for_load_state("networkidle")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(path), full_page=True)
    return path


def publish_screenshot(path, target):
    """Copy a screenshot into the docs when asked (make screenshot), so the README shows the real page."""
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        shutil.copyfile(path, target)


def sign_in(page, base, username, password="pw"):
    """Log `username` in to the Wagtail admin at `base` and wait for the dashboard."""
    page.goto(base + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base + "/admin/")


def wait_for_controllers(page, selector):
    """Wait until every Stimulus controller Wagtail declares on `selector`'s element (its
    data-controller) is connected. On a loaded machine the admin's scripts can run after the
    first keys are typed, and those keys never reach the controller (the slug stayed empty)."""
    page.wait_for_function(
        """element => element.dataset.controller.split(/\\s+/).filter(Boolean).every(
            name => window.wagtail?.app?.getControllerForElementAndIdentifier(element, name))""",
        arg=page.locator(selector).element_handle(),
    )


def set_go_live(page, minutes=1):
    """On an open page editor, set the go-live time at least `minutes` ahead (Status › Set
    schedule) and save the schedule; returns that time (aware, in the site's zone).

    The field takes whole minutes, so the time is rounded up to one: cut down instead, a
    minute ahead at hh:mm:55 would be five seconds ahead, gone by the time a loaded machine
    has clicked Approve."""
    go_live = (timezone.localtime() + timedelta(minutes=minutes + 1)).replace(
        second=0, microsecond=0
    )
    page.get_by_role("button", name="Status").click()
    page.get_by_role("button", name="Set schedule").click()
    page.get_by_label("Go live date/time").fill(go_live.strftime("%Y-%m-%d %H:%M"))
    # The date picker, open below the input, covers the button: a keyboard user's way to it.
    page.get_by_role("button", name="Save schedule").focus()
    page.keyboard.press("Enter")
    return go_live
