"""Through a real Varnish: pages are cached, and a change is served fresh at once.

Varnish (Debian's `varnishd`, with `deploy/varnish/default.vcl`) runs on a free port in front of a
live app process (gunicorn, production settings) that shares this test's PostgreSQL database and
Redis. The newsroom's change is made here, the way the admin makes it; the purges it sends on
commit must make the very next request through Varnish show the change: freshness, not timing.
Runs on the PostgreSQL + Redis lane; without `varnishd` it is skipped, except under CI=true.
"""

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from headline.comments.models import Comment
from headline.comments.moderation import decide
from headline.news.models import ArticlePage

from .comment_helpers import make_comment
from .factories import make_article, make_section
from .test_production import free_port

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        "sqlite" in settings.DATABASES["default"]["ENGINE"] or not os.environ.get("REDIS_URL"),
        reason="a second app process shares the database and cache: PostgreSQL + Redis lane",
    ),
]


@pytest.fixture
def varnishd():
    path = shutil.which("varnishd")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("varnishd is missing: CI must install Debian's varnish (.ci/run).")
        pytest.skip("varnishd is missing: apt-get install varnish")
    return path


def wait_for(url, process, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{process.args[0]} stopped: {log.read_text()}")
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"no answer from {url}")


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """Static files collected once, as production serves them (hashed names, a manifest)."""
    root = tmp_path_factory.mktemp("static")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "headline.settings.production"}
    env.update(SECRET_KEY="edge-test-secret", STATIC_ROOT=str(root))
    subprocess.run(
        [str(BIN / "python"), "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return root


@pytest.fixture
def edge(varnishd, static_root, tmp_path, settings):
    """The base URL of Varnish in front of a gunicorn serving this test's database."""
    db = connection.settings_dict
    app_port, edge_port = free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "headline.settings.production",
        "SECRET_KEY": "edge-test-secret",
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:"
        f"{db['PORT'] or 5432}/{db['NAME']}",
        "ALLOWED_HOSTS": "*",
        "HTTPS": "0",
        "SERVE_MEDIA": "1",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "STATIC_ROOT": str(static_root),
    }
    vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
    (tmp_path / "default.vcl").write_text(vcl.replace('"8000"', f'"{app_port}"', 1))
    # Output goes to files: a full pipe nobody reads would stall the servers.
    app_log, cache_log = tmp_path / "app.log", tmp_path / "varnish.log"
    app = subprocess.Popen(
        [str(BIN / "gunicorn"), "headline.wsgi", "--bind", f"127.0.0.1:{app_port}", "-w", "2"],
        cwd=ROOT,
        env=env,
        stdout=app_log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    cache = subprocess.Popen(
        [varnishd, "-F", "-j", "none", "-n", str(tmp_path / "varnish"), "-s", "malloc,32m"]
        + ["-a", f"127.0.0.1:{edge_port}", "-f", str(tmp_path / "default.vcl")],
        stdout=cache_log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{edge_port}"
    # The purges this test's changes send go to this Varnish.
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": base,
        }
    }
    try:
        wait_for(f"http://127.0.0.1:{app_port}/", app, app_log)
        wait_for(base + "/", cache, cache_log)
        yield base
    finally:
        for process in (app, cache):
            process.terminate()
            process.wait(timeout=20)


def fetch(url):
    try:
        response = urllib.request.urlopen(url, timeout=30)
    except urllib.error.HTTPError as error:
        response = error
    return response.status, response.headers.get("X-Cache"), response.read().decode()


def cached(url):
    """Fetch until Varnish answers from its cache; the body it holds."""
    fetch(url)
    status, hit, body = fetch(url)
    assert (status, hit) == (200, "HIT"), url
    return body


# One test, since each start of a second app process and a Varnish costs seconds on 2 cores.
def test_changes_are_served_fresh_through_varnish_at_once(edge, tmp_path):
    world = make_section("World")
    story = make_article(world, "Summit opens", slug="summit", tags=["Diplomacy"])
    held = make_comment(story, name="Ada", body="A held thought.", status=Comment.Status.PENDING)
    for path in ["/", "/world/", "/world/?page=1", "/tags/diplomacy/", "/feed/"]:
        assert "Summit opens" in cached(edge + path), path

    # An editor publishes a new headline: every page showing it is fresh on the next request.
    page = ArticlePage.objects.get(pk=story.pk)
    page.title = "Summit ends in agreement"
    page.save_revision().publish()  # commits: the purges go out before this returns
    for path in ["/", "/world/", "/world/?page=1", "/tags/diplomacy/", "/feed/", "/world/summit/"]:
        status, _hit, body = fetch(edge + path)
        assert status == 200 and "Summit ends in agreement" in body, path

    # A new article appears, and goes again when it is unpublished.
    fresh = make_article(world, "Talks resume", slug="talks")
    assert "Talks resume" in fetch(edge + "/world/")[2]
    assert fetch(edge + "/world/talks/")[0] == 200
    ArticlePage.objects.get(pk=fresh.pk).unpublish()
    assert "Talks resume" not in fetch(edge + "/")[2]
    assert fetch(edge + "/world/talks/")[0] == 404

    # A moderator approves a comment: its feed and its article show it at once.
    feed = edge + "/world/summit/comments/feed/"
    assert "A held thought." not in cached(feed)
    fetch(edge + "/world/summit/")
    decide([Comment.objects.get(pk=held.pk)], Comment.Status.APPROVED)
    assert "A held thought." in fetch(feed)[2]
    assert "A held thought." in fetch(edge + "/world/summit/")[2]

    # A reader with a session gets their own page; a purge drops every query-string variant.
    # Its page may carry a secret, so it is not compressed, by the app or by Varnish (BREACH).
    request = urllib.request.Request(
        edge + "/world/", headers={"Cookie": "sessionid=abc", "Accept-Encoding": "gzip"}
    )
    personal = urllib.request.urlopen(request, timeout=30).headers
    assert (personal.get("X-Cache"), personal.get("Content-Encoding")) == ("MISS", None)
    cached(edge + "/world/?page=1")  # a query-string variant (a page past the last is a 404)
    purge = urllib.request.Request(edge + "/world/", method="PURGE")  # loopback may purge
    assert urllib.request.urlopen(purge, timeout=30).status == 200
    assert fetch(edge + "/world/?page=1")[1] == "MISS"

    # Browsers (gzip) and clients taking no compression each get a stored copy of their own, so
    # Varnish never unzips a page per request; an editor's change reaches both at once.
    def zipped(path):
        request = urllib.request.Request(edge + path, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.headers.get("Content-Encoding"), response.headers.get("X-Cache")

    zipped("/world/summit/")
    assert zipped("/world/summit/") == ("gzip", "HIT")
    plain = urllib.request.urlopen(edge + "/world/summit/", timeout=30)
    assert (plain.headers.get("Content-Encoding"), plain.headers.get("X-Cache")) == (None, "HIT")
    assert "Summit ends in agreement" in plain.read().decode()
    unzipped = subprocess.run(
        ["varnishstat", "-1", "-n", str(tmp_path / "varnish"), "-f", "MAIN.n_gunzip"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert unzipped.stdout.split()[1] == "0", unzipped.stdout
    page = ArticlePage.objects.get(pk=story.pk)
    page.title = "Summit closes"
    page.save_revision().publish()
    assert zipped("/world/summit/")[1] == "MISS"
    assert "Summit closes" in fetch(edge + "/world/summit/")[2]
