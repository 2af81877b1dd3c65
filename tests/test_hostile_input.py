"""Hostile input wherever a reader reaches: nothing breaks, runs, leaks or is lost (issue 11).

A list of our own payloads, by attack class, is sent to the comment form (every field), search,
URL paths and query strings, feeds and sitemaps, the privacy-request form and the Mastodon share
step. Each answer must be under 500; an HTML answer must never contain a payload's markup as
sent (it is escaped or dropped); stored comments hold no control characters and, once approved,
render with no script, event handler or `javascript:` link; the comment and article stored before
the attack are unchanged. hypothesis then mixes payload pieces with arbitrary text.
"""

from urllib.parse import quote, urlencode, urlsplit

import pytest
from django.core import mail
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from headline.comments.models import Comment

from .comment_helpers import form_data, make_comment, post_comment
from .factories import make_article, make_author, make_section
from .html import parse

pytestmark = pytest.mark.django_db

# Text payloads by attack class (sent UTF-8 encoded, as a browser would).
PAYLOADS = {
    "script injection": [
        "<script>alert(1)</script>",
        '"><script>alert(1)</script>',
        "'><img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "<iframe src=javascript:alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "</textarea><script>alert(1)</script>",
        "</title><script>alert(1)</script>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        '<math><mtext><table><mglyph><style><img src=x onerror="alert(1)">',
        "<body onload=alert(1)>",
        '" autofocus onfocus="alert(1)',
        "javascript:alert(document.cookie)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "&lt;script&gt;alert(1)&lt;/script&gt;",  # already escaped: must not be unescaped
        "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
        "＜script＞alert(1)＜/script＞",  # fullwidth brackets
        "<ScRiPt >alert(1)</sCrIpT>",
        "<<script>>alert(1)//<</script>",
        '<img src="x` `<script>alert(1)</script>"` `>',
        "]]><script>alert(1)</script><![CDATA[",
        "--><script>alert(1)</script><!--",
    ],
    "SQL syntax": [
        "' OR '1'='1",
        "' OR 1=1--",
        '" OR ""="',
        "1; DROP TABLE wagtailcore_page;--",
        "' UNION SELECT password FROM auth_user--",
        "%' AND 1=1 AND '%'='",
        "\\'; SELECT pg_sleep(5);--",
        "1' AND (SELECT COUNT(*) FROM comments_comment) > 0 --",
        "admin'/*",
    ],
    "full-text query syntax": [
        '"unterminated phrase',
        "a & | ! b",
        "rail:*",
        "(((harbour",
        "harbour <-> rail",
        "!!!",
        "-",
        "OR AND NOT",
        "*",
        "'''",
        "harbour:A & rail:B",
        "to_tsquery('x')",
        "\\",
    ],
    "template syntax": [
        "{{ settings.SECRET_KEY }}",
        "{% debug %}",
        "{{7*7}}",
        "${7*7}",
        "#{7*7}",
        "<%= 7*7 %>",
        "{{ request.META }}",
        "{% load static %}{% static 'x' %}",
        "[[${7*7}]]",
    ],
    "path traversal": [
        "../../../../etc/passwd",
        "..%2f..%2f..%2fetc%2fpasswd",
        "%2e%2e/%2e%2e/etc/passwd",
        "....//....//etc/passwd",
        "..\\..\\windows\\win.ini",
        "/etc/passwd%00.jpg",
        "file:///etc/passwd",
        "../settings.py",
    ],
    "over-long": [
        "a" * 10_000,
        "word " * 20_000,
        "é" * 50_000,
        "<b>" * 5_000,
        "😀" * 5_000,
    ],
    "control characters": [
        "\x00",
        "before\x00after",
        "\x1b[31mred\x1b[0m",
        "line\r\nSet-Cookie: injected=1",
        "\r\nLocation: https://evil.example/",
        "\u202egnp.exe",
        "\ufeffBOM",
        "\u200b\u200c\u200d",
        "\x07\x08\x0b\x0c\x7f",
        "tab\tand\nnewline",
        "\ufffe\uffff",
    ],
}
# Raw percent-encoded bytes that are not UTF-8 (overlong, lone surrogate, stray continuation).
INVALID_UTF8 = ["%ff%fe", "%c0%af", "%ed%a0%80", "%80", "%f8%88%80%80%80", "a%e9b", "%00%ff"]
TEXTS = [payload for payloads in PAYLOADS.values() for payload in payloads]
# Characters that make a payload markup or break out of an attribute if sent back unescaped.
MARKUP = set("<>\"'")
SECRET = "test-only-key"
PASSWD = "root:x:0:0"


@pytest.fixture
def newsroom():
    section = make_section("International")
    author = make_author("Mia Holm", slug="mia-holm")
    article = make_article(section, "Harbour reopens", authors=[author], tags=["Harbour"])
    kept = make_comment(article, body="Welcome news for the port.", name="Grace")
    return {"section": section, "article": article, "kept": kept}


def problems(response, sent):
    """What is wrong with the answer to a request that carried `sent`: a 5xx, or markup echoed."""
    found = []
    if response.status_code >= 500:
        found.append(f"answered {response.status_code}")
    content_type = response.get("Content-Type", "")
    if response.status_code < 300 and "html" in content_type:
        body = response.content.decode("utf-8", "replace")
        if MARKUP & set(sent) and sent in body:
            found.append("echoed unescaped")
        if SECRET in body or PASSWD in body:
            found.append("leaked a secret or a system file")
    return found


def run(requests):
    """Send (method, url, data) requests; return 'method url: problem' for each that failed."""
    client = Client(raise_request_exception=False)
    failures = []
    for method, url, data, sent in requests:
        if method == "GET":
            response = client.get(url)
        else:
            response = client.post(url, data)
        failures += [f"{method} {url[:100]} [{sent[:40]!r}]: {p}" for p in problems(response, sent)]
    return failures


def query(**params):
    return urlencode(params)


def test_search_feeds_sitemaps_and_listings_take_every_payload_in_their_query(newsroom):
    section = newsroom["section"]
    lists = ["/", section.url, "/tags/harbour/", "/authors/mia-holm/", "/corrections/"]
    syndication = ["/feed/", "/feed/atom/", "/feed.json", "/sitemap.xml", "/news-sitemap.xml"]
    requests = []
    for text in TEXTS:
        requests.append(("GET", "/search/?" + query(q=text), None, text))
        requests.append(
            ("GET", "/search/?" + query(q="harbour", section=text, page=text), None, text)
        )
        for url in lists + syndication + [section.url + "feed/"]:
            requests.append(
                ("GET", url + "?" + query(page=text, p=text, utm_source=text), None, text)
            )
    assert run(requests) == []


def test_every_payload_in_a_url_path_is_a_clean_404(newsroom):
    section = newsroom["section"]
    requests = []
    for text in TEXTS:
        segment = quote(text[:2000], safe="")
        for prefix in ("/", section.url, "/tags/", "/authors/", "/embeds/", "/comments/confirm/"):
            requests.append(("GET", f"{prefix}{segment}/", None, text))
    client = Client(raise_request_exception=False)
    statuses = {client.get(url).status_code for _, url, _, _ in requests[:30]}
    assert statuses <= {404, 400, 301}, statuses
    assert run(requests) == []


def test_invalid_utf8_in_paths_queries_and_form_bodies_is_refused_or_ignored(newsroom):
    article = newsroom["article"]
    client = Client(raise_request_exception=False)
    targets = [
        "/search/?q=",
        "/feed/?page=",
        "/sitemap.xml?p=",
        "/share/mastodon/?text=",
        "/?page=",
    ]
    forms = [f"/comments/post/{article.pk}/", "/comments/privacy/", "/share/mastodon/"]
    statuses = []
    for raw in INVALID_UTF8:
        statuses += [client.get(target + raw).status_code for target in targets]
        statuses += [
            client.get(f"/{raw}/").status_code,
            client.get(f"{article.url}{raw}/").status_code,
        ]
        for url in forms:
            body = f"name={raw}&email={raw}%40example.org&body={raw}&instance={raw}&text={raw}"
            response = client.generic(
                "POST", url, body.encode(), "application/x-www-form-urlencoded"
            )
            statuses.append(response.status_code)
    assert max(statuses) < 500, sorted(set(statuses))
    assert Comment.objects.count() == 1


def test_comment_fields_store_nothing_that_should_not_be_and_lose_nothing(newsroom, client):
    article, kept = newsroom["article"], newsroom["kept"]
    failures = []
    for n, text in enumerate(TEXTS):
        for field in ("name", "email", "url", "body"):
            # Each from its own address, so flood control does not hide what is stored.
            value = {"email": f"reader{n}.{field}@example.org", field: text}
            if field == "email":
                value["email"] = f"{text}@example.org"[:254]
            response = post_comment(client, article, **value)
            failures += [f"{field} [{text[:40]!r}]: {p}" for p in problems(response, text)]
    assert failures == []
    stored = Comment.objects.exclude(pk=kept.pk)
    print(f"{stored.count()} of {len(TEXTS) * 4} hostile comments stored (held for moderation)")
    for comment in stored:
        for value in (comment.name, comment.body, comment.url, comment.email):
            assert not any(ord(c) < 32 and c not in "\t\n\r" for c in value), repr(value[:80])
            assert "\x7f" not in value
        assert comment.url == "" or urlsplit(comment.url).scheme in ("http", "https")
    # Approved, every stored payload renders inert on the article page.
    shown_before = len(parse(client.get(article.url)).xpath("//script"))
    Comment.objects.update(status=Comment.Status.APPROVED)
    page = client.get(article.url)
    assert page.status_code == 200
    tree = parse(page)
    assert len(tree.xpath("//script")) == shown_before
    assert tree.xpath("//@*[starts-with(name(), 'on')]") == []
    links = tree.xpath("//a/@href")
    assert not [href for href in links if href.strip().lower().startswith(("javascript:", "data:"))]
    assert tree.xpath("//iframe | //object | //embed | //svg//script | //style[not(@nonce)]") == []
    # What was there before is there still.
    kept.refresh_from_db()
    assert (kept.body, kept.name, kept.status) == (
        "Welcome news for the port.",
        "Grace",
        "approved",
    )
    assert Comment.objects.count() >= 1


def test_privacy_request_and_share_step_take_every_payload(newsroom):
    requests = []
    for text in TEXTS:
        requests.append(("POST", "/comments/privacy/", {"email": text}, text))
        requests.append(("POST", "/comments/privacy/", {"email": f"{text}@example.org"}, text))
        requests.append(("GET", "/share/mastodon/?" + query(text=text, instance=text), None, text))
        requests.append(("POST", "/share/mastodon/", {"text": text, "instance": text}, text))
        requests.append(
            ("POST", "/share/mastodon/", {"text": text, "instance": "mastodon.social"}, text)
        )
    assert run(requests) == []
    # Only real addresses are mailed, and never one with a header or a second address in it.
    for message in mail.outbox:
        assert len(message.to) == 1 and "\n" not in message.to[0] and "<" not in message.to[0]


def test_the_share_step_sends_every_payload_only_as_the_text_of_a_share_page():
    client = Client()
    for text in TEXTS:
        response = client.post("/share/mastodon/", {"text": text, "instance": "mastodon.social"})
        location = urlsplit(response["Location"])
        assert (location.scheme, location.netloc, location.path) == (
            "https",
            "mastodon.social",
            "/share",
        )
        assert "\n" not in response["Location"] and "\r" not in response["Location"]


PIECES = st.lists(st.one_of(st.sampled_from(TEXTS), st.text(max_size=30)), max_size=4).map("".join)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=PIECES)
def test_generated_input_to_search_comments_and_share_never_breaks_or_echoes(newsroom, text):
    client = Client(raise_request_exception=False)
    article = newsroom["article"]
    answers = [
        client.get("/search/?" + query(q=text)),
        client.post(f"/comments/post/{article.pk}/", form_data(body=text, name=text[:100] or "x")),
        client.post("/share/mastodon/", {"text": text, "instance": text}),
        client.post("/comments/privacy/", {"email": text}),
    ]
    for response in answers:
        assert problems(response, text) == [], (response.status_code, text[:80])
