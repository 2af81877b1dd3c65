"""`make audit`: Lighthouse 12.2.3 scores for the demo article, served the way production serves it.

A fresh SQLite database in artifacts/audit/ gets the demo newsroom, static files are collected,
gunicorn runs the production settings on 127.0.0.1, and Lighthouse drives Debian's Chromium (no
browser is downloaded). The four category scores are printed, with every audit that kept a
category below 100, and the full report is kept as artifacts/audit/lighthouse.html and .json.

    make audit                                  # the demo's state-visit article
    make audit AUDIT_PATH=/business/some-story/ # any other page of the demo
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "artifacts" / "audit"
BIN = Path(sys.executable).parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
DEFAULT_PATH = "/international/state-visit-strengthens-ties/"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(port):
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "DEBUG")}
    env.update(
        DJANGO_SETTINGS_MODULE="headline.settings.production",
        DATABASE_URL=f"sqlite:///{WORK / 'audit.sqlite3'}",
        MEDIA_ROOT=str(WORK / "media"),
        STATIC_ROOT=str(WORK / "static"),
        SERVE_MEDIA="true",
        SECRET_KEY="audit-only-secret",
        ALLOWED_HOSTS="127.0.0.1",
        HTTPS="0",  # plain HTTP on loopback
        SINGLE_PROCESS="1",  # one gunicorn worker, no Redis
        # Canonical and og:url point at the server Lighthouse loads, as they would in production.
        SITE_URL=f"http://127.0.0.1:{port}",
        CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
    )
    env.pop("REDIS_URL", None)
    return env


def manage(env, *args):
    subprocess.run([BIN / "python", "manage.py", *args], cwd=ROOT, env=env, check=True)


def wait_for(url, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn exited before answering")
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"no answer from {url} within {seconds}s")


def run_lighthouse(url, env):
    subprocess.run(
        [
            LIGHTHOUSE,
            url,
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            "--output=html",
            f"--output-path={WORK / 'lighthouse'}",
        ],
        env=env,
        check=True,
        timeout=300,
    )
    return json.loads((WORK / "lighthouse.report.json").read_text())


def print_scores(report):
    print(f"Lighthouse {report['lighthouseVersion']} — {report['finalDisplayedUrl']}")
    for key in CATEGORIES:
        category = report["categories"][key]
        print(f"  {category['title']:<16} {round(category['score'] * 100):>3}")
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                print(f"      - {audit['title']} ({audit.get('displayValue', audit['score'])})")


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit("node_modules/.bin/lighthouse is missing: run `make checkers`.")
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    port = free_port()
    env = production_env(port)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "-v0")
    server = subprocess.Popen(
        [BIN / "gunicorn", "headline.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(WORK / "gunicorn.log").open("w"),
    )
    try:
        url = f"http://127.0.0.1:{port}{os.environ.get('AUDIT_PATH') or DEFAULT_PATH}"
        status = wait_for(url, server)
        if status != 200:
            raise SystemExit(f"{url} answered {status}")
        print_scores(run_lighthouse(url, env))
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
