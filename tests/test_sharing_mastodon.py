"""The Mastodon share step's host check: only a host name ever reaches the redirect (issue 11)."""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from hypothesis import example, given
from hypothesis import strategies as st
from hypothesis.provisional import domains

from headline.sharing.views import mastodon_host


@pytest.mark.parametrize(
    ("typed", "host"),
    [
        ("mastodon.social", "mastodon.social"),
        ("  https://Mastodon.Social/  ", "mastodon.social"),
        ("http://fosstodon.org", "fosstodon.org"),
        ("@reader@mastodon.social", "mastodon.social"),
        ("reader@chaos.social", "chaos.social"),
        ("bücher.example", "xn--bcher-kva.example"),
        ("ＭＡＳＴＯＤＯＮ.ＳＯＣＩＡＬ", "mastodon.social"),  # fullwidth, mapped by UTS 46
    ],
)
def test_what_readers_type_becomes_the_servers_host_name(typed, host):
    assert mastodon_host(typed) == host


@pytest.mark.parametrize(
    "typed",
    [
        "mastodon.social:8443",  # port
        "https://mastodon.social:443/",
        "https://me:pw@mastodon.social/",  # userinfo
        "https://evil.example@mastodon.social",
        "mastodon.social/share?text=x",  # path, query
        "mastodon.social/../evil",
        "mastodon.social#frag",
        "mastodon.social\\@evil.example",
        "//evil.example",
        "javascript:alert(1)",
        "localhost",  # one label
        "127.0.0.1",  # an address
        "[::1]",
        "-bad.example",
        "bad-.example",
        "a" * 64 + ".example",
        ".".join(["a" * 63] * 4) + ".example",  # over 253
        "mastodon .social",
        "mastodon.social\x00.evil",
        "mastodon.social%2Fevil",
        "xn--.example",
        "",
    ],
)
def test_anything_but_a_host_name_is_refused(typed):
    assert mastodon_host(typed) is None


@given(st.text(max_size=300))
@example("https://a@b.example")
@example("a.b\u3002evil.example/x")  # ideographic full stop, then a path
def test_whatever_is_typed_the_redirect_goes_to_a_host_names_share_page(typed):
    host = mastodon_host(typed)
    if host is None:
        return
    url = urlsplit(f"https://{host}/share?text=x")
    assert url.hostname == host and url.port is None
    assert url.username is None and url.password is None
    assert url.path == "/share"
    assert host.isascii() and len(host) <= 253
    assert all(0 < len(label) <= 63 for label in host.split("."))


@given(domains())
def test_every_valid_domain_name_is_accepted_as_it_is(domain):
    assert mastodon_host(domain) == domain.lower()


@pytest.mark.django_db
def test_a_refused_server_name_is_shown_back_escaped_and_nothing_redirects():
    typed = '"><script>alert(1)</script>'
    response = Client().post("/share/mastodon/", {"text": "<b>x</b>", "instance": typed})
    assert response.status_code == 400
    assert b"<script>alert(1)" not in response.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in response.content


@pytest.mark.django_db
def test_only_the_share_page_lets_its_form_lead_to_another_host(client):
    page = client.get("/share/mastodon/", {"text": "Read this"})
    assert "form-action 'self' https:;" in page["Content-Security-Policy"] + ";"
    assert "form-action 'self';" in client.get("/search/")["Content-Security-Policy"] + ";"
