"""Whatever a WordPress post holds — text, tag and shortcode soup, broken block comments, hostile
attributes — converts without an error into valid blocks that render with nothing unsafe, and
plain paragraphs of text lose no word."""

import html

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from headline.importers.wordpress.content import MediaRef, convert
from headline.importers.wordpress.content.shortcodes import attributes
from headline.news.blocks import ArticleBodyBlock

from .factories import make_image
from .test_import_content import checked_body, rendered_text, source_texts, unsafe

pytestmark = pytest.mark.django_db

SITE = "https://news.example"
TAGS = [
    "p", "b", "strong", "em", "i", "a", "img", "h2", "h6", "blockquote", "cite", "ul", "ol",
    "li", "table", "tr", "td", "th", "caption", "figure", "figcaption", "div", "span", "pre",
    "br", "hr", "iframe", "video", "source", "script", "style", "svg", "math", "textarea",
    "q", "sup", "del", "dl", "dt", "dd", "object", "noscript", "select", "option",
]  # fmt: skip
URLS = st.sampled_from(
    [
        "https://news.example/wp-content/uploads/2020/01/a-300x200.jpg",
        "/wp-content/uploads/b.png",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "javascript:alert(1)",
        "JaVa&#x09;Script:alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        " vbscript:x",
        "https://x.example/?a=1&amp;b=2",
        "mailto:desk@news.example",
        "",
    ]
)
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
ATTRIBUTE = st.one_of(
    st.builds(lambda name, url: f'{name}="{url}"', st.sampled_from(["href", "src", "cite"]), URLS),
    st.builds(
        lambda name, code: f"{name}='{code}'",
        st.sampled_from(["onclick", "onerror", "OnLoad", "style", "class", "colspan", "alt"]),
        st.sampled_from(["alert(1)", "2", "x:expression(alert(1))", "wp-block-gallery"]),
    ),
)
TAG = st.builds(
    lambda close, name, attrs, slash: f"<{'/' if close else ''}{name} {' '.join(attrs)}{slash}>",
    st.booleans(),
    st.sampled_from(TAGS),
    st.lists(ATTRIBUTE, max_size=3),
    st.sampled_from(["", "/"]),
)
SHORTCODE = st.builds(
    lambda name, attrs, body, form: form.format(name=name, attrs=" ".join(attrs), body=body),
    st.sampled_from(["caption", "gallery", "embed", "audio", "video", "contact-form", "x"]),
    st.lists(
        st.sampled_from(['ids="1,2"', "caption='A cap'", "width=300", '"bare"', "src=/a.mp3"]),
        max_size=3,
    ),
    st.sampled_from(["", '<img src="/c.jpg" alt="c"> Caption', "https://www.youtube.com/watch?v=a"]),
    st.sampled_from(["[{name} {attrs}]", "[{name} {attrs}/]", "[{name} {attrs}]{body}[/{name}]",
                     "[[{name}]]", "[{name}"]),
)  # fmt: skip
BLOCK = st.builds(
    lambda close, name, attrs, void: f"<!-- {'/' if close else ''}wp:{name} {attrs}{void}-->",
    st.booleans(),
    st.sampled_from(["paragraph", "gallery", "embed", "core-embed/youtube", "html", "acme/box",
                     "columns", "latest-posts", "list", "table", "image"]),
    st.sampled_from(["", '{"url":"https://www.youtube.com/watch?v=b"} ', "{broken ", '{"ids":[1]} ']),
    st.sampled_from(["", "/"]),
)  # fmt: skip
SOUP = st.lists(
    st.one_of(
        TEXT,
        TAG,
        SHORTCODE,
        BLOCK,
        st.sampled_from(
            ["\n", "\n\n", "&amp;", "&#0;", "&bogus;", "<!--", "-->", "<![CDATA[x]]>", "\x00",
             "https://www.youtube.com/watch?v=c\n", "\x1b[31m", "\u202e", "a" * 300]
        ),
    ),
    max_size=40,
).map("".join)  # fmt: skip


@pytest.fixture
def media():
    image = make_image()
    return lambda url: MediaRef(image_id=image.pk) if url.endswith((".jpg", "=1")) else None


def render(body):
    stream = ArticleBodyBlock().to_python(body)
    markup = "".join(child.render() for child in stream)
    return lxml.html.fragment_fromstring(markup or "<p></p>", create_parent="div")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(soup=SOUP)
def test_any_content_converts_into_valid_blocks_that_render_safely(media, soup):
    converted = convert(soup, media, site_url=SITE)
    checked_body(converted.body)
    assert unsafe(render(converted.body)) == []


# Words as written in HTML: any letters, digits, punctuation and spaces, `<` and `&` escaped.
WORDS = st.text(
    alphabet=st.characters(categories=["L", "N", "P", "Zs"]), min_size=1, max_size=30
).map(lambda text: html.escape(text, quote=False))
INLINE = st.sampled_from(["b", "em", "i", "strong", "span", "sup", "del", "code", "q"])
PARAGRAPH = st.lists(
    st.one_of(WORDS, st.builds(lambda tag, text: f"<{tag}>{text}</{tag}>", INLINE, WORDS)),
    min_size=1,
    max_size=6,
).map("".join)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    paragraphs=st.lists(PARAGRAPH, min_size=1, max_size=5),
    separator=st.sampled_from(["\n\n", "\n"]),
)
def test_classic_paragraphs_lose_no_text(media, paragraphs, separator):
    source = separator.join(paragraphs)
    converted = convert(source, media, site_url=SITE)
    shown = rendered_text(render(converted.body))
    for text in source_texts(source):
        assert text in shown


KEY = st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True)
VALUE = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zs"]).filter(
        lambda char: char not in "\"'[]\u200b"
    ),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(named=st.dictionaries(KEY, VALUE, max_size=4), quote=st.sampled_from(["'", '"']))
def test_shortcode_attributes_read_back_as_written(named, quote):
    written = " ".join(f"{key}={quote}{value}{quote}" for key, value in named.items())
    assert attributes(f" {written} positional") == {**named, 0: "positional"}
