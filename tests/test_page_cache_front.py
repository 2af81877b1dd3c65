"""The page cache's front door: `headline.wsgi` answers hits before Django builds a request.

Requests go through the WSGI application gunicorn serves, as a WSGI server calls it; what it
answers from the cache must be what Django would answer (status, bytes, every header), cost no
query, stay fresh after every kind of change and never be given to a reader with a session.
"""

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from headline.wsgi import application

from .page_changes import CHANGES, build_newsroom, check

pytestmark = pytest.mark.django_db
# What the server or the moment adds, not the page.
OWN_HEADERS = {"X-Page-Cache", "Date"}


class Answer:
    def __init__(self, status, headers, body):
        self.status_code = int(status.split()[0])
        self.headers = dict(headers)
        self.content = body


def call(path, method="GET", cookies="", **headers):
    """`application`'s answer to one request, and the queries it made. The test database's
    connection stays open, as Django's test client keeps it (`ClientHandler`)."""
    request = getattr(RequestFactory(), method.lower())(path, headers=headers)
    environ = dict(request.environ, HTTP_COOKIE=cookies)
    started = []
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with CaptureQueriesContext(connection) as captured:
            chunks = application(environ, lambda status, headers: started.append((status, headers)))
            body = b"".join(chunks)
            getattr(chunks, "close", lambda: None)()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return Answer(*started[0], body), len(captured)


def settle(clock, urls):
    for url in urls:
        call(url)
    clock.skip()
    return {url: call(url)[0] for url in urls}


def test_hits_are_what_django_answers_with_no_query(clock):
    room = build_newsroom()
    stored = settle(clock, room.urls.values())
    for name, url in room.urls.items():
        hit, count = call(url)
        assert (hit.status_code, count, hit.headers.get("X-Page-Cache")) == (200, 0, "hit"), name
        assert hit.content == stored[url].content, name
        own = {key: value for key, value in hit.headers.items() if key not in OWN_HEADERS}
        django = {k: v for k, v in stored[url].headers.items() if k not in OWN_HEADERS}
        assert own == django, name
        assert "Content-Security-Policy" in own and "s-maxage" in own["Cache-Control"], name


def test_compressed_hits_and_validators(clock):
    room = build_newsroom()
    url = room.urls["alpha"]
    for _ in range(2):
        call(url, accept_encoding="br")
        clock.skip()
    hit, count = call(url, accept_encoding="br")
    assert (hit.headers["X-Page-Cache"], hit.headers["Content-Encoding"], count) == ("hit", "br", 0)
    plain, _ = call(url)
    assert plain.headers.get("Content-Encoding") is None  # another key: stored on its own
    again, count = call(url, accept_encoding="br", if_none_match=hit.headers["ETag"])
    assert (again.status_code, again.content, count) == (304, b"", 0)
    head, count = call(url, method="HEAD", accept_encoding="br")
    assert (head.status_code, head.content, count) == (200, b"", 0)
    assert head.headers["Content-Length"] == hit.headers["Content-Length"]


def test_a_reader_with_a_session_or_a_post_passes_to_django(clock):
    room = build_newsroom()
    settle(clock, [room.urls["alpha"]])
    mine, count = call(room.urls["alpha"], cookies="sessionid=anything")
    assert "X-Page-Cache" not in mine.headers and count > 0
    assert "private" in mine.headers["Cache-Control"]
    posted, _ = call(room.urls["alpha"], method="POST")
    assert posted.status_code == 403 and "X-Page-Cache" not in posted.headers


def test_static_files_never_touch_the_page_cache(clock, settings):
    settle(clock, [settings.STATIC_URL + "css/headline.css"])
    answer, _ = call(settings.STATIC_URL + "css/headline.css")
    assert "X-Page-Cache" not in answer.headers


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_every_change_is_served_fresh_by_the_front_at_once(clock, change):
    room = build_newsroom()
    settle(clock, room.urls.values())
    assert all(call(url)[0].headers.get("X-Page-Cache") == "hit" for url in room.urls.values())
    expected = change(room)

    def fetch(name):
        answer, _ = call(room.urls[name])
        return answer.status_code, answer.content.decode()

    assert check(expected, fetch) == []


def test_a_redirect_added_for_an_old_wordpress_address_is_followed_at_once(clock):
    """`/?p=12` is the home page until a redirect names it (the importer's or an editor's)."""
    room = build_newsroom()
    settle(clock, ["/?p=12"])
    assert call("/?p=12")[0].headers.get("X-Page-Cache") == "hit"
    Redirect.objects.create(
        old_path=Redirect.normalise_path("/?p=12"),
        site=Site.objects.get(is_default_site=True),
        redirect_page=room.alpha,
    )
    answer, _ = call("/?p=12")
    assert (answer.status_code, answer.headers["Location"]) == (301, room.alpha.url)
