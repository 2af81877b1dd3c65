"""No comment can make a page run script or load anything from elsewhere; CSRF is enforced."""

import time
from html.parser import HTMLParser

import pytest
import time_machine
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from headline.comments.forms import read_timestamp
from headline.comments.markup import avatar_svg, render_body
from headline.comments.models import Comment

from .comment_helpers import form_data, post_comment, posted, set_rules
from .factories import make_article, make_section

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    '<a href="javascript:alert(1)">click</a>',
    'https://example.com/"onmouseover="alert(1)',
    "https://example.com/<script>alert(1)</script>",
    "http://x.test/'><iframe src=//evil.test>",
    "<style>body{background:url(//evil.test/x)}</style>",
    "<link rel=stylesheet href=//evil.test/x.css>",
    "</textarea><script>alert(1)</script>",
    "{{ request.META }} {% debug %}",
    "<!-- --><script>alert(1)</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "<object data=//evil.test/x.swf></object><embed src=//evil.test/x>",
    "<base href=//evil.test/>",
    "<meta http-equiv=refresh content='0;url=//evil.test'>",
    'https://ok.example/path?q=<b>&x="y"',
    "\u202e<script>alert(1)</script>\u2028<ScRiPt >alert(2)</sCrIpT >",
]


class Elements(HTMLParser):
    """Every start tag with its attributes, the way a browser's tokenizer sees them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(html):
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser.tags


def assert_only_safe_markup(html):
    for tag, attrs in elements(html):
        assert tag in {"p", "br", "a"}, tag
        if tag == "a":
            assert set(attrs) == {"href", "rel"}
            assert attrs["href"].startswith(("http://", "https://"))
            assert attrs["rel"] == "nofollow ugc noopener"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_renders_to_paragraphs_breaks_and_safe_links(text):
    html = render_body(text)
    assert_only_safe_markup(html)
    visible = "".join(html_text(html).split())
    assert visible == "".join(text.replace("\r", "").split())


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(HOSTILE + ["https://a.example/x", "\n\n", " ", "www.b.example"])).map(
        "".join
    )
)
def test_hostile_fragments_in_any_combination_stay_inert(text):
    assert_only_safe_markup(render_body(text))


@given(st.text(max_size=120))
def test_avatars_are_inline_svg_with_no_external_reference(name):
    tags = elements(avatar_svg(name, "a1b2c3d4"))
    assert [tag for tag, _ in tags] == ["svg", "circle", "text"]
    for _, attrs in tags:
        assert not any(
            key.startswith("on") or key in {"href", "xlink:href", "src"} for key in attrs
        )


def html_text(html):
    parser = HTMLParser(convert_charrefs=True)
    chunks = []
    parser.handle_data = chunks.append
    parser.feed(html)
    parser.close()
    return "".join(chunks)


@pytest.mark.django_db
def test_hostile_comments_posted_through_the_form_cannot_run_or_load_anything(client):
    set_rules(moderate_first_time=False, max_links=100, flood_seconds=0, spam_threshold=1.0)
    article = make_article(make_section("International"))
    clean = Client().get(article.url).content.decode()
    for n, hostile in enumerate(HOSTILE):
        comment = posted(
            post_comment(
                client, article, name=hostile[:100], email=f"h{n}@example.org", body=hostile
            )
        )
        assert comment.status == "approved"
    posted(
        post_comment(
            client, article, name="Site", url='https://ok.example/"onclick=x', email="u@example.org"
        )
    )
    html = Client().get(article.url).content.decode()
    assert resources(html) == resources(clean)
    for tag, attrs in elements(html):
        assert not [key for key in attrs if key.startswith("on")], (tag, attrs)
        for key in ("href", "src", "action", "formaction", "data"):
            assert (
                not (attrs.get(key) or "").strip().lower().startswith(("javascript:", "data:"))
            ), attrs
        assert tag not in {"iframe", "object", "embed", "base", "style"}


def resources(html):
    """What a page loads or runs: scripts, stylesheets, images, frames."""
    loaded = []
    for tag, attrs in elements(html):
        if tag == "script":
            loaded.append(("script", attrs.get("src"), attrs.get("type")))
        elif tag in {"img", "iframe", "source", "video", "audio", "embed", "object"}:
            loaded.append((tag, attrs.get("src") or attrs.get("data")))
        elif tag == "link" and "stylesheet" in (attrs.get("rel") or ""):
            loaded.append(("link", attrs.get("href")))
    return sorted(loaded, key=str)


@pytest.mark.django_db
def test_posting_requires_the_csrf_token_the_page_script_fetches():
    article = make_article(make_section("International"))
    browser = Client(enforce_csrf_checks=True)
    data = form_data()
    url = f"/comments/post/{article.pk}/"
    assert browser.post(url, data, REMOTE_ADDR="203.0.113.5").status_code == 403
    assert not Comment.objects.exists()
    # The shared article page has no token; comments.js fetches one, uncached.
    page = browser.get(article.url).content.decode()
    assert 'name="csrfmiddlewaretoken" value=""' in page
    fetched = browser.get("/comments/form-token/")
    assert "no-store" in fetched["Cache-Control"] and "Content-Encoding" not in fetched
    values = fetched.json()
    shown, _nonce = read_timestamp(values["timestamp"])
    assert abs(time.time() - shown) < 5
    token = values["csrfmiddlewaretoken"]
    response = browser.post(url, {**data, "csrfmiddlewaretoken": token}, REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 302
    assert Comment.objects.get().status == Comment.Status.PENDING  # held as a first comment


@pytest.mark.django_db
def test_without_javascript_a_comment_comes_back_with_a_token_and_nothing_is_lost():
    article = make_article(make_section("International"))
    browser = Client(enforce_csrf_checks=True)
    url = f"/comments/post/{article.pk}/"
    data = form_data(body="Typed without <JavaScript>, every word.", timestamp="")
    response = browser.post(url, data, REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 403 and not Comment.objects.exists()
    page = response.content.decode()
    assert "Post your comment" in page and "has not been sent yet" in page
    assert "Typed without &lt;JavaScript&gt;, every word." in page
    assert 'value="Ada Reader"' in page and 'value="ada@example.org"' in page
    token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    timestamp = page.split('name="timestamp" value="', 1)[1].split('"', 1)[0]
    assert token and timestamp
    again = {**data, "csrfmiddlewaretoken": token, "timestamp": timestamp}
    with time_machine.travel(time.time() + 10):  # the reader reads the page, then presses
        response = browser.post(url, again, REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.body == data["body"] and comment.status == Comment.Status.PENDING
    assert comment.rule == Comment.Rule.FIRST_TIME
