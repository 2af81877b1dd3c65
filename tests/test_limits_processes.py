"""Every limit holds across app processes: reached through one, it is enforced by the other.

Two gunicorn servers share the test database and the test's Redis database, as two app
processes (or machines) behind a load balancer do. For each limit (the admin's sign-in lockout,
comment flood control, emails, search, the comment form's single use), the requests that use it
up go to the first process and the one that must be refused goes to the second. PostgreSQL +
Redis lane only, like tests/test_page_cache_processes.py.
"""

import http.client
import json
import re
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User

from headline.comments.models import Comment

from .comment_helpers import form_data, set_rules
from .factories import make_article, make_section
from .test_page_cache_processes import HOST, SERVICES_LANE, two_servers

pytestmark = SERVICES_LANE

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker):
    """Two app processes, with small limits so a test reaches them."""
    yield from two_servers(
        django_db_blocker, RATE_LIMIT_SEARCH="3/60", RATE_LIMIT_EMAILS_ADDRESS="2/86400"
    )


class Browser:
    """One visitor's cookies, sent to whichever process answers."""

    def __init__(self):
        self.cookies = {}

    def send(self, server, method, path, fields=None):
        headers = {"Host": HOST}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode()
        finally:
            conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        return response.status, response, text

    def csrf_token(self, server, path):
        return CSRF_FIELD.search(self.send(server, "GET", path)[2]).group(1)

    def post_comment(self, server, article, **fields):
        token = self.send(server, "GET", "/comments/form-token/")[2]
        values = form_data(**fields, csrfmiddlewaretoken=json.loads(token)["csrfmiddlewaretoken"])
        return self.send(server, "POST", f"/comments/post/{article.pk}/", values)


def test_a_sign_in_lockout_reached_through_one_process_holds_in_the_other(servers):
    one, other = servers
    User.objects.create_superuser("editor", "editor@newsroom.example", "right-horse-42")
    browser = Browser()
    for _ in range(5):
        token = browser.csrf_token(one, "/admin/login/")
        fields = {"username": "editor", "password": "guess", "csrfmiddlewaretoken": token}
        status = browser.send(one, "POST", "/admin/login/", fields)[0]
    assert status == 429
    token = browser.csrf_token(other, "/admin/login/")
    fields = {"username": "editor", "password": "right-horse-42", "csrfmiddlewaretoken": token}
    status, response, _ = browser.send(other, "POST", "/admin/login/", fields)
    assert status == 429 and int(response.getheader("Retry-After")) > 0


def test_comment_flood_control_holds_across_processes(servers):
    one, other = servers
    article = make_article(make_section("International"))
    browser = Browser()
    assert browser.post_comment(one, article, body="First.")[0] == 302
    status, response, page = browser.post_comment(
        other, article, email="second@example.org", body="Second."
    )
    assert status == 429 and int(response.getheader("Retry-After")) <= 15
    assert "Please wait 15 seconds between comments." in page
    assert Comment.objects.count() == 1


def test_a_comment_form_used_through_one_process_is_refused_by_the_other(servers):
    one, other = servers
    set_rules(flood_seconds=0)
    article = make_article(make_section("International"))
    browser = Browser()
    used = form_data()["timestamp"]
    assert browser.post_comment(one, article, timestamp=used, body="Once.")[0] == 302
    status, _, page = browser.post_comment(
        other, article, timestamp=used, email="bot@example.org", body="Twice."
    )
    assert status == 400 and "This form has already been used" in page
    assert Comment.objects.count() == 1


def test_email_limits_hold_across_processes(servers):
    one, other = servers
    browser = Browser()
    for server in (one, one, other):
        token = browser.csrf_token(server, "/comments/privacy/")
        fields = {"email": "stranger@example.org", "csrfmiddlewaretoken": token}
        status, response, _ = browser.send(server, "POST", "/comments/privacy/", fields)
    assert status == 429 and int(response.getheader("Retry-After")) > 0


def test_the_search_limit_holds_across_processes(servers):
    one, other = servers
    browser = Browser()
    for word in ("rail", "strike", "talks"):
        assert browser.send(one, "GET", f"/search/?q={word}")[0] == 200
    status, response, _ = browser.send(other, "GET", "/search/?q=harbour")
    assert status == 429 and int(response.getheader("Retry-After")) > 0
