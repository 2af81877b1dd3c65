"""Security headers on every response, cached or not, and the admin's own policy (issue 11)."""

import time

import pytest
import time_machine
from django.test import Client

from .body_blocks import stored_embed
from .factories import make_article, make_section

pytestmark = pytest.mark.django_db

PUBLIC_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "frame-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def policy(response):
    """{directive: sources} from the response's Content-Security-Policy header."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, _, sources = part.strip().partition(" ")
        directives[name] = sources
    return directives


def assert_hardened(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    features = dict(item.split("=") for item in response["Permissions-Policy"].split(", "))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert features[feature] == "()"
    assert "fullscreen" not in features  # the embed frame's players may go full screen


def test_public_pages_carry_the_strict_policy_when_rendered_and_when_served_from_cache():
    section = make_section("International")
    article = make_article(section, "Talks resume")
    client = Client()
    urls = ("/", section.url, article.url, "/search/?q=talks", "/feed/", "/no-such-page/")
    with time_machine.travel(time.time(), tick=True) as clock:
        rendered = [client.get(url) for url in urls]
        clock.shift(3)  # past the page cache's store rule: these answers are stored...
        [client.get(url) for url in urls]
        cached = [client.get(url) for url in urls]  # ...and these served from it
    assert cached[urls.index(article.url)]["X-Page-Cache"] == "hit"
    for url, response in zip(urls * 2, rendered + cached, strict=True):
        assert_hardened(response)
        directives = policy(response)
        for name, sources in PUBLIC_POLICY.items():
            assert directives[name] == sources, (url, name)
        assert "unsafe" not in response["Content-Security-Policy"]
        assert "nonce" not in response["Content-Security-Policy"]


def test_the_admin_has_its_own_policy_allowing_wagtails_inline_initialisers(client):
    response = client.get("/admin/login/")
    assert_hardened(response)
    directives = policy(response)
    assert directives["script-src"] == "'self' 'unsafe-inline'"
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'self'"


def test_a_preview_keeps_the_public_policy_and_the_admin_may_frame_it():
    """Wagtail renders the preview panel's page with a dummy request for the page's own address;
    the admin frames it, so `frame-ancestors 'none'` would leave the panel blank."""
    article = make_article(make_section("International"), "Talks resume")
    directives = policy(article.make_preview_request())
    assert directives["frame-ancestors"] == "'self'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"


def test_only_the_embed_frame_may_load_its_provider(client):
    embed = stored_embed("https://video.example/watch/1", player="https://player.example/v/1")
    article = make_article(make_section("Culture"), "Festival opens")
    frame = client.get(f"/embeds/{embed.hash}/")
    assert frame.status_code == 200
    directives = policy(frame)
    assert directives["frame-src"] == "'self' https://player.example"
    assert directives["script-src"] == "'self' https://player.example"
    assert directives["frame-ancestors"] == "'self'"
    assert "player.example" not in client.get(article.url)["Content-Security-Policy"]
    # A second request is the same, whichever cache answered it.
    assert (
        client.get(f"/embeds/{embed.hash}/")["Content-Security-Policy"]
        == (frame["Content-Security-Policy"])
    )
