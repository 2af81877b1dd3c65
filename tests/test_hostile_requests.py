"""No reader-reachable URL answers 5xx, whatever is in its path, its query or its form body
(issue 8, case 7 and "No 500 from any reader-reachable URL").

Every public URL pattern is found by walking the URL resolver (the admin and documents apart), plus
the page tree's home, section and article URLs. Each is requested with hostile values in its path
segments, in every query parameter a public view reads (and a few none reads) and as a form body:
huge and negative numbers, dates at the calendar's edges, non-ASCII digits, invalid UTF-8 escapes,
NUL, 10,000-character values and repeated parameters. Every answer must be one a reader's browser
can act on: 200, 301/302, 400, 404, 405 or 410. Hypothesis then generates more values.
"""

import re
import traceback
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from headline.comments.tokens import make_link_token
from headline.news.models import ArticleCorrection

from .body_blocks import stored_embed
from .comment_helpers import make_comment
from .factories import make_article, make_author, make_section, site_root_url
from .html import parse

pytestmark = pytest.mark.django_db

ACCEPTED = {200, 301, 302, 400, 404, 405, 410}
SKIPPED_PREFIXES = ("admin/", "documents/")
CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")
# Raw, already percent-encoded URL fragments, so invalid UTF-8 and NUL reach the server as sent.
HOSTILE = [
    "9" * 30,  # beyond any database integer
    "-1",
    "-" + "9" * 25,
    "0",
    "1e309",
    "NaN",
    "0001-01-01",
    "9999-12-31",
    "0000-00-00",
    "10000-01-01",
    "-0001-01-01",
    quote("٣"),  # Arabic-Indic three
    quote("²"),  # superscript two: str.isdigit() says yes, int() says no
    quote("１２"),  # fullwidth digits
    quote("٢٠٢٦-٠١-٠١"),
    "%ff%fe",  # invalid UTF-8
    "%00",
    "a%00b",
    "x" * 10_000,
    "9" * 10_000,
    quote("\u202e<script>'\"&"),
    "..%2F..%2F",
]
# Every query parameter a public view reads (search, listings, comment replies, sitemaps, the
# Mastodon share step, Wagtail's login and page-password forms), and some that none reads.
READ_PARAMETERS = [
    *["q", "section", "from_date", "to_date", "page", "p", "replyto", "instance", "text"],
    *["next", "return_url"],
]
UNREAD_PARAMETERS = ["utm_source", "format", "id"]
# Where parameters meet (a form validated as a whole, a step that depends on another parameter),
# each one is also tried alone beside what the URL needs to reach the code that reads it; the other
# views read each parameter on its own, so every parameter set at once reaches all their code.
BASE_QUERY = {"/search/": {"q": "rail"}, "/share/mastodon/": {"text": "Read this"}}


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    """Every hostile input comes from one address: with the rate limits off, each one reaches the
    view it is aimed at instead of a 429 (tests/test_rate_limits.py tests the limits)."""
    settings.RATE_LIMITS = {name: "0/60" for name in settings.RATE_LIMITS}
    settings.AXES_ENABLED = False  # the sign-in lockout (tests/test_admin_security.py tests it)


@pytest.fixture
def newsroom():
    world = make_section("World")
    author = make_author("Rosa Lind", slug="rosa-lind")
    article = make_article(
        world, "Rail strike ends", slug="rail-strike", authors=[author], tags=["Rail"]
    )
    ArticleCorrection.objects.create(page=article, text="An earlier version misnamed the union.")
    comment = make_comment(article, email="reader@example.org")
    embed = stored_embed("https://video.example/rail-strike")
    return {
        "world": world,
        "author": author,
        "article": article,
        "comment": comment,
        "embed": embed,
    }


def public_routes():
    """(route, URL name) for every URL pattern a reader can reach, from the resolver."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route)
            else:
                yield route, pattern.name

    return [
        (route, name)
        for route, name in walk(get_resolver().url_patterns)
        if not route.startswith(SKIPPED_PREFIXES)
    ]


def sample_value(route, name, position, data):
    """A value for one path segment that leads to real content, so query parameters are read."""
    article, comment = data["article"], data["comment"]
    if name in ("article_id", "page_id"):
        return str(article.pk)
    if name == "embed_hash":
        return data["embed"].hash
    if name == "page_view_restriction_id":
        return "1"
    if name == "token":
        purpose = route.split("/")[1]
        return make_link_token(purpose, comment.email if purpose == "privacy" else comment.pk)
    if route.startswith("authors/"):
        return data["author"].slug
    if route.startswith("tags/"):
        return "rail"
    if route.startswith("sitemap-"):
        return "articles"
    if route.startswith("<"):  # a path in the page tree: the section, then the article
        return [data["world"].slug, article.slug][position]
    raise AssertionError(f"No sample for <{name}> in {route!r}: add one to this test.")


def filled(route, values):
    return "/" + CONVERTER.sub(lambda match: values[match[1]], route)


def urls_with_path_values(data):
    """[(URL with real segments, [URLs with one segment made hostile])] for every public route."""
    urls = []
    for route, url_name in public_routes():
        if url_name == "wagtail_serve":  # the page tree's catch-all
            for path in ["/", "/world/", "/world/rail-strike/"]:
                urls.append((path, [f"{path}{value}/" for value in HOSTILE]))
        elif route == "^media/(?P<path>.+)$":  # uploads, when the app serves them (SERVE_MEDIA)
            urls.append(("/media/images/missing.jpg", [f"/media/{value}" for value in HOSTILE]))
        elif route.startswith("^"):
            raise AssertionError(f"No sample for the regular expression route {route!r}.")
        else:
            names = CONVERTER.findall(route)
            real = {name: sample_value(route, name, n, data) for n, name in enumerate(names)}
            hostile = [filled(route, {**real, name: value}) for name in names for value in HOSTILE]
            urls.append((filled(route, real), hostile))
    return urls


def encoded(pairs):
    return "&".join(f"{key}={value}" for key, value in pairs)


def queries_for(path):
    """Raw query strings: each hostile value in every parameter at once, every parameter repeated
    with two hostile values and, where parameters meet, each one alone (see BASE_QUERY)."""
    every = READ_PARAMETERS + UNREAD_PARAMETERS
    queries = [encoded((key, value) for key in every) for value in HOSTILE]
    if path in BASE_QUERY:
        base = BASE_QUERY[path]
        queries += [
            encoded([*((k, v) for k, v in base.items() if k != key), (key, value)])
            for key in READ_PARAMETERS
            for value in HOSTILE
        ]
    queries.append(encoded((key, value) for key in every for value in (HOSTILE[0], HOSTILE[7])))
    return queries


def outcome(response):
    if response.status_code in ACCEPTED:
        return None
    error = ""
    if response.exc_info:
        error = "".join(traceback.format_exception_only(response.exc_info[1])).strip()
    return f"{response.status_code} {error}"


def failures_of(requests):
    """Run (method, path, query) requests; list the ones that got an answer not in ACCEPTED."""
    client = Client(raise_request_exception=False)
    failures = []
    for method, path, query in requests:
        if method == "GET":
            response = client.get(f"{path}?{query}" if query else path)
        else:
            body = query.encode("latin-1")
            response = client.generic(
                "POST", path, body, content_type="application/x-www-form-urlencoded"
            )
        failed = outcome(response)
        if failed:
            failures.append(f"{method} {path[:80]}?{query[:120]} -> {failed[:300]}")
    return failures


def report(failures):
    return f"{len(failures)} hostile requests failed:\n" + "\n".join(failures[:25])


def test_hostile_path_segments_never_answer_5xx(newsroom):
    requests = [
        ("GET", url, "")
        for real, hostile in urls_with_path_values(newsroom)
        for url in [real, *hostile]
    ]
    assert (failures := failures_of(requests)) == [], report(failures)


def test_hostile_query_parameters_never_answer_5xx(newsroom):
    requests = [
        ("GET", real, query)
        for real, _ in urls_with_path_values(newsroom)
        for query in ["", *queries_for(real)]
    ]
    assert (failures := failures_of(requests)) == [], report(failures)


def test_hostile_form_bodies_never_answer_5xx(newsroom):
    fields = [
        *["name", "email", "url", "body", "parent", "timestamp", "address", "action"],
        *["username", "password", "return_url", "next"],
    ]
    requests = [
        ("POST", real, encoded((key, value) for key in fields))
        for real, _ in urls_with_path_values(newsroom)
        for value in HOSTILE
    ]
    assert (failures := failures_of(requests)) == [], report(failures)


def test_search_dates_at_the_calendar_edges_answer_200(client, newsroom):
    for query in [
        {"q": "rail", "to_date": "9999-12-31"},
        {"q": "rail", "from_date": "0001-01-01"},
        {"q": "rail", "from_date": "0001-01-01", "to_date": "9999-12-31"},
    ]:
        response = Client(raise_request_exception=False).get("/search/", query)
        assert response.status_code == 200, (query, outcome(response))
        links = parse(response).xpath("//ol[contains(@class, 'search-hits')]//h2/a/@href")
        assert links == ["/world/rail-strike/"], query


def test_reply_links_with_unusual_digits_show_the_article(newsroom):
    client = Client(raise_request_exception=False)
    for replyto in ["²", "٣", "9" * 5000, str(newsroom["comment"].pk)]:
        response = client.get("/world/rail-strike/", {"replyto": replyto})
        assert response.status_code == 200, (replyto[:20], outcome(response))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    index=st.integers(min_value=0),
    key=st.sampled_from(READ_PARAMETERS + UNREAD_PARAMETERS),
    value=st.one_of(
        st.text(max_size=300),
        st.integers().map(str),
        st.dates().map(str),
        st.binary(max_size=40).map(lambda raw: quote(raw, safe="")),
    ),
    method=st.sampled_from(["GET", "POST"]),
)
def test_generated_parameter_values_never_answer_5xx(newsroom, index, key, value, method):
    urls = [real for real, _ in urls_with_path_values(newsroom)]
    path = urls[index % len(urls)]
    base = BASE_QUERY.get(path, {})
    query = encoded([*((k, quote(v)) for k, v in base.items()), (key, quote(value, safe="%"))])
    assert (failures := failures_of([(method, path, query)])) == [], report(failures)


def test_listing_canonical_names_the_page_shown_not_the_query(client, newsroom):
    root = site_root_url()
    for query in ["page=-1", f"page={quote('²')}", f"page={quote('٣')}", "page=1"]:
        response = client.get(f"/world/?{query}")
        assert response.status_code == 200
        canonical = parse(response).xpath("//head/link[@rel='canonical']/@href")
        assert canonical == [f"{root}/world/"], query


@pytest.mark.parametrize("number", ["2", "99", "100001", "9" * 5000])
def test_a_page_past_the_oldest_article_is_a_404_that_links_the_first_page(
    client, newsroom, number
):
    for listing, first in [
        ("/world/?page=", "/world/"),
        ("/tags/rail/?page=", "/tags/rail/"),
        ("/corrections/?page=", "/corrections/"),
        ("/search/?q=rail&section=&page=", "/search/?q=rail&section="),
        ("/search/?q=nothing-matches&page=", "/search/?q=nothing-matches"),
    ]:
        response = client.get(listing + number)
        assert response.status_code == 404, listing
        assert parse(response).xpath("//main//a[.='Go to its first page']/@href") == [first]
    # Any other 404 does not offer one.
    response = client.get("/no-such-section/?page=2")
    assert response.status_code == 404
    assert not parse(response).xpath("//a[.='Go to its first page']")
