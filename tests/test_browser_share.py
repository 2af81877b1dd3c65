"""The article's share controls as readers' browsers show them: a button only where it works.

"Copy link" needs the Clipboard API and "More options…" the Web Share API (`navigator.share`,
missing from most desktop browsers); without them, or without JavaScript, the reader must not
see a control that does nothing.
"""

import pytest

from .browser import chromium_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WITHOUT_SHARE = "delete Navigator.prototype.share; delete Navigator.prototype.canShare;"
WITHOUT_CLIPBOARD = "delete Navigator.prototype.clipboard;"
WITH_SHARE = "Navigator.prototype.share = function () { return Promise.resolve(); };"


def visible_controls(page):
    """The share list's visible items, as their text; an empty visible item is reported as ''."""
    return page.eval_on_selector_all(
        ".share-links > li",
        "items => items.filter(li => li.getClientRects().length).map(li => li.innerText.trim())",
    )


def test_share_controls_are_shown_only_when_the_browser_can_use_them(live_server, article):
    url = live_server.url + article.url
    cases = [
        ("no JavaScript", {"java_script_enabled": False}, "", False, False),
        ("no Web Share", {}, WITHOUT_SHARE, True, False),
        ("Web Share, no clipboard", {}, WITH_SHARE + WITHOUT_CLIPBOARD, False, True),
    ]
    for name, options, script, copy_shown, native_shown in cases:
        with chromium_page(**options) as page:
            if script:
                page.add_init_script(script)
            page.goto(url, wait_until="load")
            controls = visible_controls(page)
            assert "" not in controls, f"{name}: an empty share item is shown"
            assert ("Copy link" in controls) == copy_shown, (name, controls)
            assert ("More options…" in controls) == native_shown, (name, controls)
