"""A WordPress post's content becomes an article body: classic HTML, Gutenberg blocks, shortcodes.

Each test converts a short fragment of the kind WordPress exports hold (see
../shared/corpus/wxr/README.md), checks the blocks a reader would get, and that the article
page shows them. `checked_body` and the safety and text helpers serve the corpus and fuzz tests.
"""

import re
from collections import Counter
from unittest import mock

import lxml.html
import pytest
from django.urls import reverse
from wagtail.blocks.stream_block import StreamBlockValidationError

from headline.core.text import clean_text
from headline.importers.wordpress.content import MediaRef, Uploads, convert
from headline.importers.wordpress.content.autop import autop
from headline.importers.wordpress.content.embeds import embeddable
from headline.importers.wordpress.content.shortcodes import attributes
from headline.news.blocks import ArticleBodyBlock

from .factories import make_article, make_image

pytestmark = pytest.mark.django_db

SITE = "https://news.example"
YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
# Any attribute through which a page runs script or loads something by URL.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href")


def no_media(url):
    return None


def checked_body(body):
    """`body` as the article body's block accepts it: to_python, then clean (an embed's address
    must be one a provider serves; the provider itself is not asked). An empty body (a post with
    no content) is left to the importer: the block would call it required."""
    if not body:
        return body

    def fetch(url):
        assert embeddable(url), url

    stream_block = ArticleBodyBlock()
    with mock.patch("headline.news.embeds.fetch", fetch):
        try:
            return stream_block.clean(stream_block.to_python(body))
        except StreamBlockValidationError as error:
            failing = {index: body[index] for index in error.block_errors}
            raise AssertionError(f"{error.as_json_data()} in {failing}") from None


def unsafe(tree):
    """What in a parsed page could run script or load a dangerous URL: script elements, event
    handler attributes, javascript:/data:/vbscript: URLs (however spaced or cased)."""
    found = [f"<{node.tag}>" for node in tree.iter("script", "object", "embed", "base", "meta")]
    for node in tree.iter():
        if not isinstance(node.tag, str):
            continue
        for name, value in node.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"{node.tag} {name}")
            scheme = re.sub(r"[\x00-\x20]", "", value).lower()
            if name.lower() in URL_ATTRIBUTES and scheme.startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                found.append(f"{node.tag} {name}={value!r}")
            if name.lower() == "style":
                found.append(f"{node.tag} style")
    return found


def words(text):
    return " ".join(text.split())


def source_texts(html):
    """The visible text of a post's content, node by node (split at blank lines, which end
    classic paragraphs), whitespace-normalised: what a browser shows of it (no script, style or
    comment), shortcode tags themselves left out; after Headline's cleaning of stored text
    (control characters removed, Unicode NFC), which the brief asks for."""
    html = re.sub(
        r"\[/?(?:caption|wp_caption|gallery|embed|audio|video)\b[^\]]*\]", " ", clean_text(html)
    )
    if not html.strip():
        return []
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    hidden = "ancestor::script or ancestor::style or ancestor::noscript or ancestor::template"
    # Each piece is cleaned again on its own, as the stored field holding it was: whether a
    # joiner or zero-width space stays depends on its neighbours (core.text).
    return [
        words(clean_text(part))
        for text in tree.xpath(f"//text()[not({hidden})]")
        for part in re.split(r"\n[ \t]*\n", text)
        if words(clean_text(part))
    ]


def rendered_text(element):
    """An element's text as a reader sees it, with a space where block boundaries and line
    breaks are."""
    return words(" ".join(element.xpath(".//text()")))


def article_body(client, body):
    """The article page's body element for an article with `body` (published, rendered)."""
    from .factories import make_section

    section = make_section("World", slug=f"world-{len(body)}-{id(body)}")
    article = make_article(section, "Imported", body=body)
    response = client.get(article.url)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode()).xpath("//div[@class='article-body']")[0]


def types(converted):
    return [block["type"] for block in converted.body]


# Classic editor ------------------------------------------------------------------------------


def test_blank_lines_make_paragraphs_and_single_line_breaks_stay_breaks():
    converted = convert("First line\nsecond line\n\nNext paragraph", no_media, site_url=SITE)
    assert converted.body == [
        {"type": "paragraph", "value": "<p>First line<br/>second line</p>"},
        {"type": "paragraph", "value": "<p>Next paragraph</p>"},
    ]


def test_autop_opens_no_paragraph_around_block_level_html_and_keeps_pre_as_written():
    text = "Intro\n<ul>\n<li>One</li>\n</ul>\nAfter\n<pre>a\n\nb</pre>"
    assert autop(text) == (
        "<p>Intro</p>\n<ul>\n<li>One</li>\n</ul>\n<p>After</p>\n<pre>a\n\nb</pre>"
    )


def test_inline_markup_is_kept_within_the_paragraph_features_and_other_tags_give_their_text():
    converted = convert(
        '<strong>Bold</strong> <em>it</em> <a href="https://x.example/a?b=1&amp;c=2">link</a> '
        "H<sub>2</sub>O x<sup>2</sup> <del>old</del> <span style='color:red'>red</span> "
        "<abbr title='t'>NATO</abbr> <q>quoted</q>",
        no_media,
        site_url=SITE,
    )
    assert converted.body == [
        {
            "type": "paragraph",
            "value": '<p><b>Bold</b> <i>it</i> <a href="https://x.example/a?b=1&amp;c=2">link</a> '
            "H<sub>2</sub>O x<sup>2</sup> <s>old</s> red NATO “quoted”</p>",
        }
    ]


def test_headings_become_subheadings_and_an_overlong_heading_a_bold_paragraph():
    long = "word " * 50
    converted = convert(f"<h2>Results</h2>\n<h3>{long}</h3>", no_media, site_url=SITE)
    assert converted.body[0] == {"type": "subheading", "value": "Results"}
    assert converted.body[1] == {"type": "paragraph", "value": f"<p><b>{long.strip()}</b></p>"}
    checked_body(converted.body)


def test_an_h1_in_a_post_is_a_subheading_like_the_h2s():
    html = "<h1>One</h1><h2>Two</h2><h3>Three</h3>"
    converted = convert(html, no_media, site_url=SITE)
    assert [b["type"] for b in converted.body] == ["subheading", "subheading", "minor_subheading"]


@pytest.mark.parametrize("top", [2, 3, 4])
def test_the_outline_keeps_two_levels_from_the_post_s_highest_heading(top):
    html = "".join(
        f"<h{level}>Level {level}</h{level}><p>Text.</p>" for level in (top, top + 1, top + 2, top)
    )
    converted = convert(html, no_media, site_url=SITE)
    headings = [(b["type"], b["value"]) for b in converted.body if b["type"] != "paragraph"]
    assert headings == [
        ("subheading", f"Level {top}"),
        ("minor_subheading", f"Level {top + 1}"),
        ("minor_subheading", f"Level {top + 2}"),
        ("subheading", f"Level {top}"),
    ]
    checked_body(converted.body)


def test_a_blockquote_becomes_a_quote_with_its_cite_as_attribution():
    converted = convert(
        "<blockquote><p>We will rebuild.</p><p>All of it.</p><cite>The mayor</cite></blockquote>",
        no_media,
        site_url=SITE,
    )
    assert converted.body == [
        {
            "type": "quote",
            "value": {
                "text": "<p>We will rebuild.</p><p>All of it.</p>",
                "attribution": "The mayor",
            },
        }
    ]


def test_a_quote_holding_a_link_or_emphasis_stays_a_quote_with_them():
    converted = convert(
        '<blockquote><p>Read <a href="https://x.example/">the report</a>, <em>all</em> of it.'
        "</p><cite>The minister</cite></blockquote>",
        no_media,
        site_url=SITE,
    )
    assert converted.body == [
        {
            "type": "quote",
            "value": {
                "text": '<p>Read <a href="https://x.example/">the report</a>, <i>all</i> of it.</p>',
                "attribution": "The minister",
            },
        }
    ]
    assert not converted.as_paragraphs
    checked_body(converted.body)


def test_a_cite_inside_a_quote_that_is_not_its_attribution_keeps_its_words():
    converted = convert(
        '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>To be or not to be.</p>'
        "<cite>Hamlet</cite>, act three.</blockquote>\n<!-- /wp:quote -->",
        no_media,
        site_url=SITE,
    )
    (quote,) = converted.body
    assert quote["value"]["text"] == "<p>To be or not to be.</p><p>Hamlet, act three.</p>"


def test_a_quote_holding_a_list_is_kept_as_paragraphs_and_counted():
    converted = convert(
        "<blockquote><p>We promise:</p><ul><li>roads</li><li>schools</li></ul></blockquote>",
        no_media,
        site_url=SITE,
    )
    assert "quote" not in types(converted)
    assert converted.as_paragraphs == {"quote": 1}


def test_nested_lists_stay_nested_inside_their_parent_item():
    converted = convert(
        "<ol><li>One<ul><li>One A</li><li>One B</li></ul></li><li>Two</li></ol>",
        no_media,
        site_url=SITE,
    )
    assert converted.body == [
        {
            "type": "list",
            "value": "<ol><li>One<ul><li>One A</li><li>One B</li></ul></li><li>Two</li></ol>",
        }
    ]
    checked_body(converted.body)


def test_a_list_item_opening_with_a_heading_leaves_no_paragraph_of_a_lone_bullet():
    converted = convert(
        "<ul><li><h3>Roads</h3>Resurfaced.</li><li>Schools</li></ul>", no_media, site_url=SITE
    )
    assert [(block["type"], block["value"]) for block in converted.body] == [
        ("subheading", "Roads"),
        ("paragraph", "<p>Resurfaced.</p>"),
        ("paragraph", "<p>• Schools</p>"),
    ]


@pytest.mark.parametrize(
    ("markup", "numbers"),
    [
        ('<ol start="4"><li>a</li><li>b</li></ol>', ["4", "5"]),
        ("<ol reversed><li>a</li><li>b</li><li>c</li></ol>", ["3", "2", "1"]),
        ('<ol reversed start="10"><li>a</li><li>b</li></ol>', ["10", "9"]),
        ('<ul><li>a<ol start="0"><li>b</li></ol></li></ul>', ["0"]),
    ],
    ids=["start", "reversed", "reversed from start", "nested start"],
)
def test_a_list_numbered_otherwise_than_from_one_keeps_its_numbers(markup, numbers):
    converted = convert(markup, no_media, site_url=SITE)
    shown = " ".join(block["value"] for block in converted.body)
    assert re.findall(r"(-?\d+)\. ", shown) == numbers
    assert "list" not in types(converted) and converted.as_paragraphs == {"list": 1}


def test_a_list_numbered_from_one_stays_a_list():
    converted = convert('<ol start="1"><li>a</li><li>b</li></ol>', no_media, site_url=SITE)
    assert converted.body == [{"type": "list", "value": "<ol><li>a</li><li>b</li></ol>"}]


def test_text_after_a_nested_list_stays_after_it():
    converted = convert(
        "<ul><li>Before<ul><li>Inside</li></ul> after <b>it</b></li><li><p>Next</p></li></ul>",
        no_media,
        site_url=SITE,
    )
    assert converted.body == [
        {
            "type": "list",
            "value": "<ul><li>Before<ul><li>Inside</li></ul>after <b>it</b></li><li>Next</li></ul>",
        }
    ]
    checked_body(converted.body)


def test_a_list_keeps_its_links_and_emphasis_and_item_paragraphs_become_line_breaks():
    converted = convert(
        '<ul><li><a href="https://a.example/">A</a> <em>now</em></li><li><p>B</p><p>C</p></li>'
        "<li> </li></ul>",
        no_media,
        site_url=SITE,
    )
    assert converted.body == [
        {
            "type": "list",
            "value": '<ul><li><a href="https://a.example/">A</a> <i>now</i></li>'
            "<li>B<br/>C</li></ul>",
        }
    ]
    assert converted.as_paragraphs == {}
    checked_body(converted.body)


def test_a_list_holding_a_table_is_written_as_marked_paragraphs_and_counted():
    converted = convert(
        '<ul><li><a href="https://a.example/">A</a><table><tr><td>1</td></tr></table></li>'
        "<li>B</li></ul>",
        no_media,
        site_url=SITE,
    )
    assert types(converted) == ["paragraph", "table", "paragraph"]
    assert converted.body[0]["value"] == '<p>• <a href="https://a.example/">A</a></p>'
    assert converted.body[2]["value"] == "<p>• B</p>"
    assert converted.as_paragraphs == {"list": 1}


def test_a_table_keeps_its_header_row_caption_and_spanned_cells():
    converted = convert(
        "<table><caption>Turnout</caption><thead><tr><th>Town</th><th>Share</th></tr></thead>"
        '<tbody><tr><td>Ely</td><td>61%</td></tr><tr><td colspan="2">'
        '<a href="https://e.example/">Source</a></td></tr></tbody></table>',
        no_media,
        site_url=SITE,
    )
    [table] = converted.body
    assert table["type"] == "table"
    assert table["value"]["data"] == [
        ["Town", "Share"],
        ["Ely", "61%"],
        ["Source (https://e.example/)", ""],
    ]
    assert table["value"]["table_caption"] == "Turnout"
    assert table["value"]["table_header_choice"] == "row"
    checked_body(converted.body)


def test_pre_keeps_its_line_breaks():
    converted = convert("<pre>line one\n  line two</pre>", no_media, site_url=SITE)
    assert converted.body == [{"type": "paragraph", "value": "<p>line one<br/>line two</p>"}]


# Shortcodes ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_caption_shortcode_becomes_an_image_with_its_caption():
    image = make_image()
    found = []

    def media(url):
        found.append(url)
        return MediaRef(image_id=image.pk)

    converted = convert(
        '[caption id="attachment_9" align="alignleft" width="300"]<a href="/a.jpg">'
        '<img src="/wp-content/uploads/2024/05/a-300x200.jpg" alt="The quay" /></a> '
        "Ships at dawn[/caption]",
        media,
        site_url=SITE,
    )
    assert converted.body == [
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": "The quay", "decorative": False},
                "caption": "Ships at dawn",
                "credit": "",
            },
        }
    ]
    assert found == [f"{SITE}/wp-content/uploads/2024/05/a-300x200.jpg"]
    checked_body(converted.body)


def test_the_caption_attribute_is_used_when_the_caption_is_not_after_the_image():
    converted = convert(
        '[caption caption="Harbour &amp; town"]<img src="https://cdn.example/b.jpg">[/caption]',
        no_media,
        site_url=SITE,
    )
    # The image is missing: a link to it stands where it was, its caption follows.
    assert converted.body == [
        {"type": "paragraph", "value": '<p><a href="https://cdn.example/b.jpg">b.jpg</a></p>'},
        {"type": "paragraph", "value": "<p>Harbour &amp; town</p>"},
    ]
    assert converted.missing_media == ["https://cdn.example/b.jpg"]


@pytest.mark.django_db
def test_a_gallery_shortcode_shows_the_attachments_it_names_or_those_of_the_post():
    images = {n: make_image(f"Photo {n}") for n in (11, 12, 13)}

    def media(url):
        number = int(url.rsplit("=", 1)[1])
        return MediaRef(
            image_id=images[number].pk, caption=f"Caption {number}", alt=f"Alt {number}"
        )

    named = convert('[gallery ids="12,11" columns="2"]', media, site_url=SITE)
    assert named.body[0]["type"] == "gallery"
    assert [item["caption"] for item in named.body[0]["value"]["images"]] == [
        "Caption 12",
        "Caption 11",
    ]
    attached = convert("[gallery exclude='12']", media, site_url=SITE, attachments=[11, 12, 13])
    assert [item["image"]["image"] for item in attached.body[0]["value"]["images"]] == [
        images[11].pk,
        images[13].pk,
    ]
    checked_body(named.body + attached.body)


def test_unknown_shortcodes_stay_visible_as_text_and_are_counted():
    converted = convert(
        '[contact-form to="x"] and [button url="/a"]Go[/button] [simple boat] [[caption]]',
        no_media,
        site_url=SITE,
    )
    assert converted.body == [
        {
            "type": "paragraph",
            "value": '<p>[contact-form to="x"] and [button url="/a"]Go[/button] [simple boat] '
            "[caption]</p>",
        }
    ]
    assert converted.unknown_shortcodes == Counter({"contact-form": 1, "button": 1, "simple": 1})


def test_shortcodes_nested_in_a_caption_are_expanded_or_counted_there():
    converted = convert(
        '[caption]<img src="https://cdn.example/c.jpg" alt="Crowd"> Rally [tweet id=1] '
        "in town[/caption]",
        no_media,
        site_url=SITE,
    )
    assert converted.body[1] == {"type": "paragraph", "value": "<p>Rally [tweet id=1] in town</p>"}
    assert converted.unknown_shortcodes == Counter({"tweet": 1})


def test_shortcode_attributes_are_parsed_as_wordpress_does():
    assert attributes(' ids="1,2" Size=\'large\' link=file "quoted" bare /') == {
        "ids": "1,2",
        "size": "large",
        "link": "file",
        0: "quoted",
        1: "bare",
        2: "/",
    }


def test_embed_shortcodes_and_bare_urls_on_their_own_line_become_embeds():
    converted = convert(
        f"[embed width='400']{YOUTUBE}[/embed]\n\nWatch:\n{YOUTUBE}\n\nhttps://plain.example/page",
        no_media,
        site_url=SITE,
    )
    assert converted.body == [
        {"type": "embed", "value": YOUTUBE},
        {"type": "paragraph", "value": "<p>Watch:</p>"},
        {"type": "embed", "value": YOUTUBE},
        {
            "type": "paragraph",
            "value": '<p><a href="https://plain.example/page">https://plain.example/page</a></p>',
        },
    ]
    checked_body(converted.body)


def test_a_pasted_player_frame_becomes_an_embed_of_its_video_or_a_link_to_it():
    converted = convert(
        '<iframe width="560" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0">'
        '</iframe><iframe src="https://maps.example/embed?pb=1"></iframe>',
        no_media,
        site_url=SITE,
    )
    assert converted.body == [
        {"type": "embed", "value": YOUTUBE},
        {
            "type": "paragraph",
            "value": '<p><a href="https://maps.example/embed?pb=1">embed</a></p>',
        },
    ]
    assert converted.missing_media == []


def test_audio_and_video_shortcodes_become_links_to_the_file():
    converted = convert(
        "[audio https://news.example/wp-content/uploads/2020/01/talk.mp3]", no_media, site_url=SITE
    )
    assert converted.body == [
        {
            "type": "paragraph",
            "value": '<p><a href="https://news.example/wp-content/uploads/2020/01/talk.mp3">'
            "talk.mp3</a></p>",
        }
    ]


def test_links_to_uploaded_files_go_where_the_importer_put_them_and_a_video_is_linked_once():
    moved = {f"{SITE}/wp-content/uploads/2020/01/report.pdf": MediaRef(url="/documents/7/")}
    converted = convert(
        '<a href="/wp-content/uploads/2020/01/report.pdf">Report</a> and '
        '<a href="https://news.example/wp-content/uploads/old.pdf">old</a>\n\n'
        '<video controls><source src="/wp-content/uploads/v.mp4" type="video/mp4"></video>',
        moved.get,
        site_url=SITE,
    )
    assert [block["value"] for block in converted.body] == [
        '<p><a href="/documents/7/">Report</a> and '
        f'<a href="{SITE}/wp-content/uploads/old.pdf">old</a></p>',
        f'<p><a href="{SITE}/wp-content/uploads/v.mp4">v.mp4</a></p>',
    ]
    assert converted.missing_media == [
        f"{SITE}/wp-content/uploads/old.pdf",
        f"{SITE}/wp-content/uploads/v.mp4",
    ]


def test_links_into_the_old_site_become_root_relative_for_the_redirects_to_answer():
    converted = convert(
        '<a href="https://www.news.example/2020/05/harbour/#map">Harbour</a> '
        '<a href="http://news.example/?p=12">by ID</a> <a href="/tag/ports/">tag</a> '
        '<a href="#notes">notes</a> <a href="https://other.example/x">elsewhere</a>',
        no_media,
        site_url=SITE,
    )
    assert converted.body[0]["value"] == (
        '<p><a href="/2020/05/harbour/#map">Harbour</a> <a href="/?p=12">by ID</a> '
        '<a href="/tag/ports/">tag</a> <a href="#notes">notes</a> '
        '<a href="https://other.example/x">elsewhere</a></p>'
    )


# Gutenberg blocks ---------------------------------------------------------------------------


def test_gutenberg_core_blocks_map_onto_the_body_blocks():
    converted = convert(
        "<!-- wp:paragraph -->\n<p>Opening.</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:heading {"level":3} -->\n<h3>Why</h3>\n<!-- /wp:heading -->\n\n'
        '<!-- wp:pullquote -->\n<figure class="wp-block-pullquote"><blockquote><p>Never again.'
        "</p><cite>A survivor</cite></blockquote></figure>\n<!-- /wp:pullquote -->\n\n"
        '<!-- wp:separator -->\n<hr class="wp-block-separator"/>\n<!-- /wp:separator -->\n\n'
        '<!-- wp:list {"ordered":true} -->\n<ol><!-- wp:list-item --><li>First</li>'
        "<!-- /wp:list-item --></ol>\n<!-- /wp:list -->\n\n"
        '<!-- wp:table -->\n<figure class="wp-block-table"><table><tbody><tr><td>a</td>'
        "<td>b</td></tr></tbody></table><figcaption>Cells</figcaption></figure>\n"
        "<!-- /wp:table -->\n\n"
        f'<!-- wp:embed {{"url":"{YOUTUBE}","type":"video"}} -->\n<figure class="wp-block-embed">'
        f'<div class="wp-block-embed__wrapper">\n{YOUTUBE}\n</div><figcaption>The clip</figcaption>'
        "</figure>\n<!-- /wp:embed -->",
        no_media,
        site_url=SITE,
    )
    assert types(converted) == [
        "paragraph", "subheading", "quote", "list", "table", "embed", "paragraph",
    ]  # fmt: skip
    assert converted.body[2]["value"] == {
        "text": "<p>Never again.</p>",
        "attribution": "A survivor",
    }
    assert converted.body[4]["value"]["table_caption"] == "Cells"
    assert converted.body[6]["value"] == "<p>The clip</p>"
    checked_body(converted.body)


def test_an_embed_block_saved_without_its_address_in_the_html_takes_it_from_its_attributes():
    converted = convert(
        f'<!-- wp:core-embed/youtube {{"url":"{YOUTUBE}"}} /-->', no_media, site_url=SITE
    )
    assert converted.body == [{"type": "embed", "value": YOUTUBE}]


def test_other_blocks_are_kept_as_their_sanitized_content_and_dynamic_ones_counted():
    converted = convert(
        '<!-- wp:columns -->\n<div class="wp-block-columns"><!-- wp:column -->\n<div>'
        "<!-- wp:paragraph --><p>Left</p><!-- /wp:paragraph --></div>\n<!-- /wp:column -->"
        '<!-- wp:column --><div><!-- wp:acme/price-box {"sku":1} --><div class="acme">'
        "<strong>£4</strong> a month</div><!-- /wp:acme/price-box --></div><!-- /wp:column -->"
        "</div>\n<!-- /wp:columns -->\n"
        '<!-- wp:html --><div onclick="steal()">Raw <script>x()</script>HTML</div>'
        '<!-- /wp:html -->\n<!-- wp:latest-posts {"postsToShow":3} /-->'
        "<!-- wp:paragraph --><!-- /wp:paragraph --><!-- wp:spacer /-->",
        no_media,
        site_url=SITE,
    )
    assert [block["value"] for block in converted.body] == [
        "<p>Left</p>",
        "<p><b>£4</b> a month</p>",
        "<p>Raw HTML</p>",
    ]
    assert converted.unrendered_blocks == Counter({"core/latest-posts": 1})


@pytest.mark.django_db
def test_a_gallery_block_becomes_a_gallery_and_its_missing_images_links():
    images = [make_image(), make_image()]

    def media(url):
        return MediaRef(image_id=images[int(url[-5])].pk) if "gone" not in url else None

    converted = convert(
        '<!-- wp:gallery --><figure class="wp-block-gallery"><ul class="blocks-gallery-grid">'
        '<li><figure><img src="/wp-content/uploads/0.jpg" alt="Zero"/><figcaption>First'
        '</figcaption></figure></li><li><figure><img src="/wp-content/uploads/1.jpg" alt=""/>'
        '</figure></li><li><figure><img src="/wp-content/uploads/gone.jpg" alt="Lost"/></figure>'
        "</li></ul><figcaption>The day</figcaption></figure><!-- /wp:gallery -->",
        media,
        site_url=SITE,
    )
    assert types(converted) == ["gallery", "paragraph"]
    gallery = converted.body[0]["value"]
    assert gallery["caption"] == "The day"
    assert [item["caption"] for item in gallery["images"]] == ["First", ""]
    assert gallery["images"][1]["image"]["decorative"] is True
    assert converted.body[1]["value"] == (
        f'<p>Pictures: <a href="{SITE}/wp-content/uploads/gone.jpg">Lost</a></p>'
    )
    assert converted.missing_media == [f"{SITE}/wp-content/uploads/gone.jpg"]
    checked_body(converted.body)


def test_a_gallery_of_pictures_not_found_is_one_paragraph_of_links_not_one_a_picture():
    names = ["harbour", "bridge", "ferry"]
    figures = "".join(
        f'<li><figure><img src="/wp-content/uploads/{name}.jpg" alt=""/>'
        f"<figcaption>The {name}</figcaption></figure></li>"
        for name in names
    )
    converted = convert(
        f'<figure class="wp-block-gallery"><ul>{figures}</ul></figure>'
        '<p>After.</p>[gallery ids="7,8"]',
        no_media,
        site_url=SITE,
    )
    links = ", ".join(
        f'<a href="{SITE}/wp-content/uploads/{name}.jpg">The {name}</a>' for name in names
    )
    by_id = ", ".join(f'<a href="{SITE}/?attachment_id={n}">picture {n - 6}</a>' for n in (7, 8))
    assert [block["value"] for block in converted.body] == [
        f"<p>Pictures: {links}</p>",
        "<p>After.</p>",
        f"<p>Pictures: {by_id}</p>",
    ]
    checked_body(converted.body)


# Messy content and safety -------------------------------------------------------------------


def test_control_characters_broken_tags_entities_comments_and_cdata_are_handled():
    converted = convert(
        "Tab\there\x00 NUL\x07 bell &eacute;t&eacute; &amp;&nbsp;<!-- note --> <b>open\n\n"
        "<p>Next <i>unclosed <![CDATA[ hidden ]]>end",
        no_media,
        site_url=SITE,
    )
    assert converted.body == [
        {"type": "paragraph", "value": "<p>Tab here NUL bell été &amp;\xa0 <b>open</b></p>"},
        {"type": "paragraph", "value": "<p><b>Next <i>unclosed end</i></b></p>"},
    ]


@pytest.mark.parametrize("tag", ["div", "b", "pre", "blockquote", "li"])
def test_thousands_of_nested_elements_convert_and_keep_their_text(tag):
    converted = convert(f"<{tag}>" * 5000 + "deep" + f"</{tag}>" * 5000, no_media, site_url=SITE)
    checked_body(converted.body)
    assert "deep" in str(converted.body)


@pytest.mark.parametrize(
    "markup",
    [
        '<a href="javascript:alert(1)">x</a>',
        '<a href="jav&#x09;ascript:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        "<a href=' JaVaScRiPt:alert(1)'>x</a>",
        '<img src="data:image/svg+xml;base64,PHN2Zz4=" onerror="alert(1)">',
        "<p onmouseover=alert(1)>x</p><script>alert(1)</script><style>p{}</style>",
        "<svg><script>alert(1)</script></svg><math><mi xlink:href=javascript:alert(1)>x</mi></math>",
        '<iframe src="javascript:alert(1)"></iframe><object data="x.swf"></object>',
        "[caption caption='<img src=x onerror=alert(1)>']<img src=y.jpg>[/caption]",
        "<<script>script>alert(1)<</script>/script>",
    ],
)
@pytest.mark.django_db
def test_no_script_handler_or_script_url_survives(client, markup):
    converted = convert(markup, no_media, site_url=SITE)
    body = article_body(client, converted.body)
    assert unsafe(body) == []


def test_every_size_variant_finds_its_original_and_an_original_named_like_a_variant_is_its_own():
    uploads = Uploads()
    uploads.add("1", "https://news.example/wp-content/uploads/2013/09/photo.jpg", "photo")
    # WordPress's theme test data: an original whose own name ends in a size.
    uploads.add("2", "https://news.example/wp-content/uploads/2013/03/align-580x300.jpg", "580")
    uploads.add("3", "https://news.example/wp-content/uploads/2013/03/align-150x150.jpg", "150")
    uploads.add("4", "https://news.example/wp-content/uploads/2013/09/caf%C3%A9.png", "café")
    for url in [
        "https://news.example/wp-content/uploads/2013/09/photo.jpg",
        "http://news.example/wp-content/uploads/2013/09/photo-300x200.jpg",
        "/wp-content/uploads/2013/09/photo-scaled.jpg?w=640",
        "https://news.example/wp-content/uploads/sites/3/2013/09/photo-e1588888888888.jpg",
        "https://news.example/files/2013/09/photo-scaled-1024x768.jpg",
        "https://site.files.wordpress.com/2013/09/photo-150x150.jpg",
        "https://news.example/?attachment_id=1",
    ]:
        assert uploads.get(url) == "photo", url
    assert uploads.get("/wp-content/uploads/2013/03/align-580x300.jpg") == "580"
    assert uploads.get("/wp-content/uploads/2013/03/align-580x300-150x150.jpg") == "580"
    assert uploads.get("/wp-content/uploads/2013/03/align-150x150.jpg") == "150"
    assert uploads.get("/wp-content/uploads/2013/03/align.jpg") is None
    assert uploads.get("https://x.example/wp-content/uploads/2013/09/café-300x300.png") == "café"
    assert uploads.get("https://news.example/?attachment_id=9") is None
    # An address Python cannot split (a broken IPv6 host) still gives its path.
    assert uploads.get("http://[bad/wp-content/uploads/2013/09/photo-300x200.jpg") == "photo"


@pytest.mark.django_db
def test_a_converted_post_renders_on_the_article_page_with_all_its_text(client):
    image = make_image()
    source = (
        "Lead paragraph with <em>emphasis</em>.\n\n"
        '[caption id="attachment_3" width="300"]<img src="/wp-content/uploads/2024/01/p.jpg" '
        'alt="Harbour"> The harbour at night[/caption]\n\n'
        "<h2>What next</h2>\n<ul><li>Repairs</li><li>Reopening</li></ul>\n"
        "<blockquote>It will take a year.<cite>Engineer</cite></blockquote>\n"
        f"{YOUTUBE}\n\n<table><tr><th>Day</th></tr><tr><td>Monday</td></tr></table>"
    )
    converted = convert(source, lambda url: MediaRef(image_id=image.pk), site_url=SITE)
    checked_body(converted.body)
    body = article_body(client, converted.body)
    shown = rendered_text(body)
    for text in source_texts(source):
        assert text in shown
    assert body.xpath(".//figure[@class='body-image']//figcaption")[0].text.strip() == (
        "The harbour at night"
    )
    assert body.xpath(".//figure[@class='embed']//a/@href") == [YOUTUBE]


def test_an_editor_can_open_an_imported_article_in_the_page_editor(client, admin_user):
    converted = convert(
        "<p><strong>Bold</strong>, <em>italic</em>, <del>struck</del>, x<sup>2</sup>, "
        'H<sub>2</sub>O, <a href="https://x.example/">a link</a>,<br>a break.</p>'
        "<h2>Heading</h2><ul><li>Item</li></ul><blockquote>Quoted<cite>Someone</cite></blockquote>"
        "<table><tr><th>Head</th></tr><tr><td>Cell</td></tr></table>",
        no_media,
        site_url=SITE,
    )
    from .factories import make_section

    article = make_article(make_section("World"), "Imported", body=converted.body)
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    for text in ["Bold", "italic", "struck", "a link", "Heading", "Item", "Someone", "Cell"]:
        assert text in page
    # The paragraph's markup reaches the rich text editor as its styles and entities.
    for style in ["BOLD", "ITALIC", "STRIKETHROUGH", "SUPERSCRIPT", "SUBSCRIPT", "LINK"]:
        assert style in page
