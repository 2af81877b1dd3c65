"""Two app processes sharing PostgreSQL and Redis: what one changes, the other serves at once.

Two gunicorn servers (one worker each) run on the test database and the test's Redis database.
Every page is stored through one of them and then served from the shared cache by the other;
each kind of change, made in this process or through a server, must show at once through both.
This is the PostgreSQL + Redis lane's test (`make test-services`); the embedded lane has one
process and a local-memory cache, so it skips it.
"""

import http.client
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.db import connection

from headline.comments.models import Comment

from .comment_helpers import form_data, set_rules
from .page_changes import CHANGES, build_newsroom, check
from .test_production import free_port

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# The store rule waits for a page's versions to be this many seconds old (see PageCacheMiddleware).
SETTLE = 2.2
HOST = "news.example"

# For every test with app processes (here and in test_limits_processes.py).
SERVICES_LANE = [
    pytest.mark.services,
    # Committed, so the servers see it; the migrations' rows (site, home page) are put back after.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres")
        or not os.environ.get("REDIS_URL"),
        reason="two app processes need PostgreSQL and Redis: run in the services lane "
        "(DATABASE_URL and REDIS_URL set, as CI's `make test-services`)",
    ),
]
pytestmark = SERVICES_LANE


class Server:
    def __init__(self, env):
        self.port = free_port()
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "headline.wsgi", "--bind", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def get(self, path, headers=None):
        """(status, headers, text) of one anonymous request; redirects are not followed. Both
        processes are asked for one host name, as behind a load balancer."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request("GET", path, headers={"Host": HOST, **(headers or {})})
            response = conn.getresponse()
            return response.status, response, response.read().decode()
        finally:
            conn.close()

    def wait(self):
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(self.process.stderr.read().decode()[-3000:])
            try:
                return self.get("/robots.txt")
            except OSError:
                time.sleep(0.3)
        raise AssertionError("the app process did not answer within 90 s")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


def two_servers(django_db_blocker, **settings):
    """Two app processes on the test database (its name is known once it is set up), with
    `settings` as extra environment variables; stopped when the generator closes."""
    with django_db_blocker.unblock():
        name = connection.settings_dict["NAME"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "headline.settings.test",
        "DATABASE_URL": os.environ["DATABASE_URL"].split("?")[0].rsplit("/", 1)[0] + "/" + name,
        **settings,
    }
    pair = [Server(env), Server(env)]
    try:
        for server in pair:
            server.wait()
        yield pair
    finally:
        for server in pair:
            server.stop()


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker):
    yield from two_servers(django_db_blocker)


def settle(room, writer, reader):
    """Store every page through `writer`; `reader` must then serve each from the shared cache."""
    for url in room.urls.values():
        writer.get(url)
    time.sleep(SETTLE)
    for url in room.urls.values():
        writer.get(url)
    for name, url in room.urls.items():
        status, response, _ = reader.get(url)
        assert (status, response.getheader("X-Page-Cache")) == (200, "hit"), name


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_a_change_is_served_fresh_at_once_by_both_processes(servers, change):
    one, other = servers
    room = build_newsroom()
    settle(room, one, other)
    expected = change(room)
    for server in (other, one):
        problems = check(expected, lambda name, s=server: s.get(room.urls[name])[::2])
        assert problems == [], f"port {server.port}"


def test_a_comment_posted_through_one_process_is_served_by_the_other(servers):
    one, other = servers
    room = build_newsroom()
    set_rules(moderate_first_time=False, flood_seconds=0)
    settle(room, one, other)
    status, response, body = one.get("/comments/form-token/")
    token = json.loads(body)["csrfmiddlewaretoken"]
    cookie = response.getheader("Set-Cookie").split(";")[0]
    conn = http.client.HTTPConnection("127.0.0.1", one.port, timeout=60)
    fields = form_data(body="Posted through the first process.", csrfmiddlewaretoken=token)
    conn.request(
        "POST",
        f"/comments/post/{room.alpha.pk}/",
        body=urlencode(fields),
        headers={
            "Host": HOST,
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
        },
    )
    assert conn.getresponse().status == 302
    conn.close()
    assert Comment.objects.get(body="Posted through the first process.").status == "approved"
    status, _, page = other.get(room.urls["alpha"])
    assert status == 200 and "Posted through the first process." in page
    assert "2 comments" in other.get(room.urls["home"])[2]
