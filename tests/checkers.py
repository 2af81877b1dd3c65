"""The Nu HTML Checker and axe-core, installed from npm into node_modules/ by `make test`.

Both run locally: vnu.jar reads the pages from files (it refuses to fetch 127.0.0.1 URLs), and
axe is injected into pages that Debian's Chromium loads from the live test server.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"


def require(path, what):
    """Fail in CI, skip with the reason elsewhere, when a checker is not installed."""
    if path is not None and Path(path).exists():
        return
    message = f"{what} is missing: run `make test` (or `npm ci`) to install the page checkers."
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def nu_errors(pages, workdir):
    """Check `pages` ({name: html}) in one run of the Nu checker; return {name: [errors]}."""
    require(VNU_JAR, "node_modules/vnu-jar")
    require(shutil.which("java"), "java")
    paths = []
    for name, html in pages.items():
        path = Path(workdir) / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(str(path))
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", *paths],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = {}
    for message in json.loads(result.stdout)["messages"]:
        if message["type"] != "info":  # "info" carries warnings; errors fail the page
            name = Path(message.get("url", "unknown")).stem
            errors.setdefault(name, []).append(
                f"line {message.get('lastLine', '?')}: {message['message']}"
                f" [{message.get('extract', '').strip()}]"
            )
    return errors


def axe_violations(page, include=None):
    """axe-core's violations on the page loaded in the Playwright `page`, as readable lines.

    `include` (CSS selectors) limits the check to those elements, e.g. the parts of a Wagtail
    admin page that Headline adds.
    """
    require(AXE_JS, "node_modules/axe-core")
    # Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
    # govern; a <script> tag added to the page would be refused by it, as it should be.
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    violations = page.evaluate(
        "async (include) => (await axe.run(include ? {include} : document)).violations",
        [[selector] for selector in include] if include else None,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in violations
    ]
