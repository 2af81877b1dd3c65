"""Which provider is asked about each platform's addresses (WAGTAILEMBEDS_FINDERS), offline.

The per-address test replaces the HTTP call of Wagtail's finders with a recorder, so it sees which
endpoint would be asked, with which token, and never reaches the internet; the Instagram journey
goes through the page editor to the local fake provider (tests/embed_provider.py).
"""

import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.finders import facebook, get_finders, instagram, oembed
from wagtail.embeds.finders.instagram import INSTAGRAM_PROVIDER
from wagtail.embeds.models import Embed
from wagtail.test.utils.form_data import streamfield

from headline.news.embed_finders import finders
from headline.news.models import EmbedPreview

from .factories import make_author, make_section
from .test_body_blocks import editor  # noqa: F401 (fixture)
from .test_newsroom import article_form

pytestmark = pytest.mark.django_db

ANSWER = {"type": "rich", "title": "A post", "html": "<blockquote>A post</blockquote>"}


class Recorder:
    """Stands in for the network: keeps (endpoint, url asked about, Authorization) of each call."""

    def __init__(self):
        self.calls = []

    def requests_get(self, endpoint, params=None, headers=None, timeout=None):
        self.calls.append((endpoint, params["url"], None))
        return FakeResponse()

    def urlopen(self, request):
        parts = urlsplit(request.full_url)
        url = parse_qs(parts.query)["url"][0]
        endpoint = f"{parts.scheme}://{parts.netloc}{parts.path}"
        self.calls.append((endpoint, url, request.get_header("Authorization")))
        return io.BytesIO(json.dumps(ANSWER).encode())


class FakeResponse:
    def raise_for_status(self):
        pass

    def json(self):
        return ANSWER


@pytest.fixture
def recorder(monkeypatch, settings):
    settings.WAGTAILEMBEDS_FINDERS = finders(
        mastodon_servers=["mastodon.social", "Social.Example.org"],
        facebook_app_id="app42",
        facebook_app_secret="s3cret",
    )
    recorder = Recorder()
    monkeypatch.setattr(oembed.requests, "get", recorder.requests_get)
    monkeypatch.setattr(instagram.urllib_request, "urlopen", recorder.urlopen)
    monkeypatch.setattr(facebook.urllib_request, "urlopen", recorder.urlopen)
    get_finders.cache_clear()
    yield recorder
    get_finders.cache_clear()


TOKEN = "Bearer app42|s3cret"
ADDRESSES = [
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/oembed", None),
    ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube.com/oembed", None),
    ("https://vimeo.com/76979871", "https://www.vimeo.com/api/oembed.json", None),
    ("https://x.com/nasa/status/1800000000000000000", "https://publish.twitter.com/oembed", None),
    ("https://twitter.com/nasa/status/18000000000", "https://publish.twitter.com/oembed", None),
    (
        "https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l",
        "https://embed.bsky.app/oembed",
        None,
    ),
    (
        "https://www.tiktok.com/@scout2015/video/6718335390845095173",
        "https://www.tiktok.com/oembed",
        None,
    ),
    (
        "https://mastodon.social/@Gargron/109349432223034452",
        "https://mastodon.social/api/oembed",
        None,
    ),
    (
        "https://social.example.org/@reporter@mastodon.social/11223344",
        "https://social.example.org/api/oembed",
        None,
    ),
    ("https://www.instagram.com/p/C0ffee42/", INSTAGRAM_PROVIDER["endpoint"], TOKEN),
    ("https://www.instagram.com/reel/C0ffee42/", INSTAGRAM_PROVIDER["endpoint"], TOKEN),
    (
        "https://www.facebook.com/newsroom/videos/1234567890/",
        "https://graph.facebook.com/v11.0/oembed_video",
        TOKEN,
    ),
]


@pytest.mark.parametrize("url, endpoint, authorization", ADDRESSES, ids=lambda v: str(v)[:40])
def test_each_platforms_address_is_asked_of_its_own_provider(
    recorder, url, endpoint, authorization
):
    embed = get_embed(url)
    assert recorder.calls == [(endpoint, url, authorization)]
    assert embed.title == "A post"


@pytest.mark.parametrize(
    "url",
    [
        "https://mastodon.social/explore",  # a page of the server, not a post
        "https://other.example/@reporter/11223344",  # a server that is not listed
    ],
)
def test_mastodon_addresses_that_are_not_posts_of_a_listed_server_are_not_asked(recorder, url):
    assert not any(finder.accept(url) for finder in get_finders())


def test_without_a_facebook_token_instagram_is_not_set_up_and_mastodon_social_is():
    configured = django_settings.WAGTAILEMBEDS_FINDERS
    assert [finder["class"] for finder in configured] == ["wagtail.embeds.finders.oembed"]
    endpoints = [provider["endpoint"] for provider in configured[0]["providers"]]
    assert "https://mastodon.social/api/oembed" in endpoints
    assert INSTAGRAM_PROVIDER["endpoint"] not in endpoints


def test_an_instagram_post_is_embedded_with_the_newsrooms_facebook_token(
    client,
    editor,  # noqa: F811
    embed_provider,
    monkeypatch,
    settings,
):
    """Through the page editor: the token goes with the question, the preview is stored."""
    monkeypatch.setitem(
        INSTAGRAM_PROVIDER, "endpoint", f"http://127.0.0.1:{embed_provider.port}/oembed"
    )
    settings.WAGTAILEMBEDS_FINDERS = finders(facebook_app_id="app42", facebook_app_secret="s3cret")
    get_finders.cache_clear()
    url = "https://www.instagram.com/p/C0ffee42"
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["news", "articlepage", make_section().pk]),
        {
            **article_form(make_author(), body=streamfield([("embed", url)])),
            "action-publish": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert embed_provider.authorizations[0] == TOKEN
    assert Embed.objects.get().title == "Harbour reopens: video C0ffee42"
    assert EmbedPreview.objects.get().image is not None
