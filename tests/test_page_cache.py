"""The app's page cache: public pages come from the shared cache, fresh after every change.

Pages are stored only when none of their content versions changed in the last seconds (a
version never written counts as changed when first read; see `PageCacheMiddleware`), so tests
read every page once, step the clock past that, and read them again to store them.
"""

import gzip

import brotli
import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from hypothesis import given
from hypothesis import strategies as st

from headline.comments.models import Comment
from headline.core.middleware import accepted_encoding

from .comment_helpers import form_data, set_rules
from .page_changes import CHANGES, build_newsroom, check

pytestmark = pytest.mark.django_db


def queries(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    return response, len(captured)


def test_a_hit_costs_no_query_on_every_kind_of_public_page(client, clock):
    room = build_newsroom()
    clock.settle(client, room.urls.values())
    for name, url in room.urls.items():
        first, _ = queries(client, url)
        assert first.status_code == 200, name
        again, count = queries(client, url)
        assert count == 0, f"{name}: {count} queries on a hit"
        assert again.content == first.content, name
        assert "Set-Cookie" not in again and not again.cookies, name


def test_one_query_count_is_zero_on_a_hit(client, django_assert_num_queries, clock):
    room = build_newsroom()
    clock.settle(client, [room.urls["alpha"]])
    with django_assert_num_queries(0):
        assert client.get(room.urls["alpha"]).status_code == 200


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_every_change_is_served_fresh_at_once_on_every_page_that_shows_it(client, clock, change):
    room = build_newsroom()
    clock.settle(client, room.urls.values())
    for url in room.urls.values():  # served from the cache before the change
        assert queries(client, url)[1] == 0, url
    expected = change(room)

    def fetch(name):
        response = client.get(room.urls[name])
        return response.status_code, response.content.decode()

    assert check(expected, fetch) == []


def test_page_cache_off_renders_every_request(client, settings, clock):
    settings.PAGE_CACHE = False
    room = build_newsroom()
    clock.settle(client, [room.urls["alpha"]])
    assert queries(client, room.urls["alpha"])[1] > 0


def test_a_reader_with_a_session_is_answered_alone_and_sees_their_held_comment(client, clock):
    room = build_newsroom()
    clock.settle(client, [room.urls["alpha"]])  # stored for everyone
    token = client.get("/comments/form-token/").json()["csrfmiddlewaretoken"]
    posted = client.post(
        f"/comments/post/{room.alpha.pk}/",
        form_data(body="Held for my eyes only.", csrfmiddlewaretoken=token),
        REMOTE_ADDR="198.51.100.7",
    )
    assert posted.status_code == 302
    assert Comment.objects.get(body="Held for my eyes only.").status == Comment.Status.PENDING
    mine, count = queries(client, room.urls["alpha"])
    assert "Held for my eyes only." in mine.content.decode() and count > 0
    clock.skip()
    for _ in range(2):  # another reader, before and after the page is stored again
        assert "Held for my eyes only." not in Client().get(room.urls["alpha"]).content.decode()


def test_a_csrf_cookie_is_not_personal_and_no_cached_page_sets_or_carries_a_token(clock):
    room = build_newsroom()
    clock.settle(Client(), [room.urls["alpha"]])
    browser = Client()
    browser.get("/comments/form-token/")  # the reader's browser now has a csrftoken cookie
    secret = browser.cookies["csrftoken"].value
    first = browser.get(room.urls["alpha"])
    response, count = queries(browser, room.urls["alpha"])
    assert count == 0 and "Set-Cookie" not in response
    page = response.content.decode()
    assert secret not in page and 'name="csrfmiddlewaretoken" value=""' in page
    assert 'name="timestamp"' in page and 'name="timestamp" value="' not in page
    assert first.content == response.content


@pytest.mark.parametrize(
    ("accept", "coding", "decode"),
    [("gzip, deflate, br, zstd", "br", brotli.decompress), ("gzip", "gzip", gzip.decompress)],
)
def test_public_pages_are_compressed_and_hold_no_token(client, clock, accept, coding, decode):
    room = build_newsroom()
    plain = Client().get(room.urls["alpha"]).content
    urls = (room.urls["alpha"], room.urls["feed"], room.urls["home"])
    clock.settle(client, urls)
    for url in urls:
        response = client.get(url, headers={"accept-encoding": accept})
        assert response["Content-Encoding"] == coding, url
        assert "Accept-Encoding" in response["Vary"]
        body = decode(response.content)
        assert b'csrfmiddlewaretoken" value=""' in body or url != room.urls["alpha"]
        assert b"csrftoken" not in body
        stored, count = queries(client, url, accept_encoding=accept)
        assert count == 0 and stored.content == response.content
    assert decode(client.get(room.urls["alpha"], headers={"accept-encoding": accept}).content) == (
        plain
    )


def test_responses_with_a_secret_are_never_compressed(client, clock):
    room = build_newsroom()
    headers = {"accept-encoding": "br, gzip"}
    token = client.get("/comments/form-token/", headers=headers)
    assert "Content-Encoding" not in token
    refused = Client(enforce_csrf_checks=True).post(
        f"/comments/post/{room.alpha.pk}/", form_data(), headers=headers
    )
    assert refused.status_code == 403 and b"csrfmiddlewaretoken" in refused.content
    assert "Content-Encoding" not in refused
    signed_in = Client()
    signed_in.cookies["sessionid"] = "anything"
    assert "Content-Encoding" not in signed_in.get(room.urls["alpha"], headers=headers)


def test_comments_closing_by_the_clock_end_the_stored_page(client, clock):
    room = build_newsroom()
    set_rules(close_after_days=2)
    clock.settle(client, [room.urls["alpha"]])
    assert "Leave a Reply" in client.get(room.urls["alpha"]).content.decode()
    assert queries(client, room.urls["alpha"])[1] == 0
    clock.skip(2 * 24 * 3600)
    assert "Comments are closed." in client.get(room.urls["alpha"]).content.decode()


def test_a_comment_rules_change_is_shown_at_once(client, clock):
    room = build_newsroom()
    clock.settle(client, [room.urls["alpha"]])
    assert "comment-reply-link" in client.get(room.urls["alpha"]).content.decode()
    set_rules(max_depth=1)  # the first reader's comment can no longer be answered
    assert "comment-reply-link" not in client.get(room.urls["alpha"]).content.decode()


@pytest.mark.parametrize("open_to_comments", [False, True])
def test_a_comment_on_a_stored_standard_page_is_shown_at_once(client, clock, open_to_comments):
    """Closed and without comments, the page shows no comments section: it still follows its
    comments' version, so the first one (say, brought by an import) shows at once."""
    from .comment_helpers import make_comment
    from .factories import make_standard_page

    page = make_standard_page("About us", slug="about", comments_enabled=open_to_comments)
    clock.settle(client, [page.url])
    assert queries(client, page.url)[1] == 0  # stored
    make_comment(page, body="First words on this page.")
    assert "First words on this page." in client.get(page.url).content.decode()


def test_conditional_requests_on_a_stored_feed_get_304(client, clock):
    room = build_newsroom()
    clock.settle(client, [room.urls["feed"]])
    first = client.get(room.urls["feed"])
    stored, count = queries(client, room.urls["feed"], if_none_match=first["ETag"])
    assert (stored.status_code, count) == (304, 0)


@given(st.text(max_size=80))
def test_any_accept_encoding_header_picks_one_of_ours(header):
    request = RequestFactory().get("/", headers={"accept-encoding": header})
    assert accepted_encoding(request.META) in ("br", "gzip", "")


@pytest.mark.parametrize(
    ("header", "coding"),
    [
        ("", ""),
        ("identity", ""),
        ("gzip", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("BR;Q=0.5, gzip;q=0.9", "gzip"),
        ("br, gzip", "br"),
        ("*", "br"),
        ("*;q=0, gzip", "gzip"),
        ("gzip;q=2", ""),
        ("gzip;q=nan", ""),
    ],
)
def test_accept_encoding_weights(header, coding):
    request = RequestFactory().get("/", headers={"accept-encoding": header})
    assert accepted_encoding(request.META) == coding
