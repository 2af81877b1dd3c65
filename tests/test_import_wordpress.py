"""What the WordPress importer makes of an export, on exports written for each case: statuses,
dates, placement, media, comments, re-imports and edits made in Headline."""

import logging
import re
from datetime import UTC, datetime
from html import escape

import pytest
from django.contrib.auth.models import User
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page

from headline.comments.models import Comment
from headline.core.text import has_visible_content
from headline.importers.wordpress import articles, values
from headline.importers.wordpress.content.plain import comment_text
from headline.importers.wordpress.report import Report
from headline.news.models import ArticlePage, StandardPage
from headline.related.models import RelatedArticle

from .html import parse, texts
from .wxr_export import comment, export, item, run_import

pytestmark = pytest.mark.django_db


def test_statuses_dates_and_placement(tmp_path, client):
    run_import(
        tmp_path,
        export(
            item(1, "Live story", sticky=1, excerpt="The short version."),
            item(2, "Unfinished", status="draft", date_gmt="0000-00-00 00:00:00"),
            item(3, "In review", status="pending"),
            item(4, "Tomorrow", status="future", date_gmt="2099-05-01 06:00:00"),
            item(5, "Binned", status="trash"),
            item(6, "Locked", extra="<wp:post_password>open sesame</wp:post_password>"),
            item(7, "Zürich bleibt", slug="z%c3%bcrich-bleibt"),
        ),
    )
    live = ArticlePage.objects.get(title="Live story")
    assert live.live and live.top_story and live.standfirst == "The short version."
    assert live.published_at == datetime(2024, 3, 1, 9, 30, tzinfo=UTC)  # from post_date_gmt
    assert [a.name for a in live.authors] == ["Jane Doe"]
    assert live.section.title == "World"
    assert not ArticlePage.objects.get(title="Unfinished").live
    assert not ArticlePage.objects.get(title="In review").live
    tomorrow = ArticlePage.objects.get(title="Tomorrow")
    assert not tomorrow.live and tomorrow.scheduled_revision.approved_go_live_at.year == 2099
    assert not ArticlePage.objects.filter(title="Binned").exists()
    assert (
        "open sesame"
        not in client.get(ArticlePage.objects.get(title="Locked").url).content.decode()
    )
    locked = client.get(ArticlePage.objects.get(title="Locked").url)
    assert locked.status_code == 200  # asks the password, in the site's own layout
    tree = parse(locked)
    assert tree.xpath("//h1/text()") == ["Password required"]
    assert tree.xpath("//header//nav") and tree.xpath("//main//form//input[@type='password']")
    # The right password opens it.
    form = tree.xpath("//main//form")[0]
    fields = {i.get("name"): i.get("value") for i in form.xpath(".//input") if i.get("name")}
    opened = client.post(form.get("action"), {**fields, "password": "open sesame"}, follow=True)
    assert "Locked" in texts(parse(opened), "//h1")
    assert ArticlePage.objects.get(slug="zürich-bleibt").live
    response = client.get("/2024/03/01/z%c3%bcrich-bleibt/")
    assert response.status_code == 301 and response["Location"] == "/world/z%C3%BCrich-bleibt/"


def test_comments_are_threaded_with_their_status_and_pings_are_counted(tmp_path, client):
    out = run_import(
        tmp_path,
        export(
            item(
                1,
                "Discussed",
                comments=[
                    comment(12, parent=11, email="second@reader.example"),  # reply before parent
                    comment(11, email="first@reader.example"),
                    comment(13, approved="0"),
                    comment(14, approved="spam"),
                    comment(15, approved="trash"),
                    comment(16, kind="pingback"),
                    comment(17, kind="trackback"),
                ],
            )
        ),
    )
    article = ArticlePage.objects.get()
    first = Comment.objects.get(body="Comment number 11.")
    reply = Comment.objects.get(body="Comment number 12.")
    assert reply.parent == first and reply.depth == 2
    assert reply.email == "second@reader.example" and str(reply.ip_address) == "192.0.2.7"
    assert reply.created_at == datetime(2024, 3, 2, 10, tzinfo=UTC)
    assert sorted(Comment.objects.values_list("status", flat=True)) == sorted(
        ["approved", "approved", "pending", "spam", "trash"]
    )
    assert re.search(r"^pingback +0 +0 +0 +2$", out, re.M)
    assert "Comments created: 2 published, 1 held for moderation, 1 spam, 1 in the trash" in out
    assert re.search(r"^  pingback × 2: notices that another site linked to a post", out, re.M)
    page = client.get(article.url).content.decode()
    assert "Comment number 11." in page and "first@reader.example" not in page
    assert "Comment number 13." not in page  # held


def test_a_reusable_block_shows_its_content_where_a_post_uses_it(tmp_path, client):
    uses = '<!-- wp:paragraph --><p>Story.</p><!-- /wp:paragraph -->\n<!-- wp:block {"ref":50} /-->'
    shared = (
        "<!-- wp:paragraph --><p>Support our journalism\x85.</p><!-- /wp:paragraph -->"
        '\n<!-- wp:block {"ref":50} /-->'  # includes itself: shown once
    )
    out = run_import(
        tmp_path,
        export(
            item(1, "Uses it", content=uses),
            item(50, "Donate box", post_type="wp_block", content=shared, categories=()),
            item(51, "Menu", post_type="nav_menu_item", categories=()),
        ),
    )
    body = parse(client.get(ArticlePage.objects.get().url)).xpath(
        "//*[contains(@class, 'article-body')]"
    )[0]
    text = body.text_content()
    assert "Story." in text and text.count("Support our journalism.") == 1
    assert "core/block" not in out and "other" not in out
    assert re.search(r"^wp_block +0 +0 +0 +1$", out, re.M)
    assert re.search(r"^  nav_menu_item × 1: menu entries", out, re.M)


def test_comment_markup_shows_as_what_it_meant_never_as_tags(tmp_path, client):
    written = (
        'No <a href="https://gravatar.com/" rel="nofollow">Gravatar</a> here. '
        "<strong>Bold</strong>, <q>quoted</q>, H<sub>2</sub>O &amp; more\n\n"
        '<blockquote>A quotation.</blockquote><img src="https://pics.example/a.jpg?w=1&amp;h=2" '
        'alt="Wind farm" /> <a href="javascript:alert(1)">trap</a><script>alert(2)</script>'
    )
    run_import(tmp_path, export(item(1, "Discussed", comments=[comment(11, text=written)])))
    response = client.get(ArticlePage.objects.get().url)
    html = response.content.decode()
    thread = parse(response).xpath("//li[contains(@class, 'comment')]")[0]
    paragraphs = [" ".join(p.text_content().split()) for p in thread.xpath(".//p")]
    assert "No Gravatar (https://gravatar.com/) here. Bold, “quoted”, H2O & more" in paragraphs
    assert "A quotation." in paragraphs
    assert "Wind farm (https://pics.example/a.jpg?w=1&h=2) trap" in paragraphs
    assert thread.xpath(".//a[@href='https://gravatar.com/']")  # the address, linked
    assert not re.search(r"&lt;/?(a|strong|q|sub|blockquote|img|script)\b", html)
    assert "javascript:" not in html and "alert(2)" not in html


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=200))
def test_plain_comment_text_comes_through_as_written(text):
    """Text with no markup is kept as it is stored (`values.text`), whatever it says; escaped
    here, as its angle brackets and ampersands come from WordPress."""
    kept = values.text(comment_text(escape(text)))
    assert " ".join(kept.split()) == " ".join(values.text(text).split())


@given(st.text(alphabet=st.characters(blacklist_characters="<&", blacklist_categories=["Cs"])))
def test_a_comment_without_markup_reads_as_the_same_comment_with_it(text):
    """Most comments have no tag or entity and skip the HTML parser: the same text either way."""
    parsed = comment_text("<span></span>" + text)  # an unknown tag: parsed, then unwrapped
    assert values.text(comment_text(text)) == values.text(parsed)


def test_comments_on_pages_are_imported_as_on_posts(tmp_path, client):
    """A WordPress page's comments land on its standard page, threaded, with their statuses;
    readers see the approved ones (never an address); a page closed to comments in WordPress
    shows them without a form; importing again changes nothing."""
    open_page = item(
        20,
        "About us",
        post_type="page",
        slug="about",
        comments=[
            comment(32, parent=31, email="replier@reader.example"),  # reply before parent
            comment(31, email="first@reader.example"),
            comment(33, approved="0", email="held@reader.example"),
            comment(34, kind="pingback"),
        ],
    )
    closed_page = item(
        21,
        "Contact",
        post_type="page",
        slug="contact",
        comment_status="closed",
        comments=[comment(41, email="closed@reader.example")],
    )
    content = export(open_page, closed_page, item(22, "Quiet", post_type="page", slug="quiet"))
    out = run_import(tmp_path, content)
    about = StandardPage.objects.get(slug="about")
    first = Comment.objects.get(body="Comment number 31.")
    reply = Comment.objects.get(body="Comment number 32.")
    assert first.article_id == about.pk and reply.parent == first and reply.depth == 2
    assert Comment.objects.get(body="Comment number 33.").status == "pending"
    assert re.search(r"^comment +4 +0 +0 +0$", out, re.M)  # created, updated, unchanged, skipped
    assert re.search(r"^pingback +0 +0 +0 +1$", out, re.M)

    page = client.get(about.url).content.decode()
    assert "Comment number 31." in page and "Comment number 32." in page
    assert "Comment number 33." not in page  # held
    assert "@reader.example" not in page
    assert "Leave a Reply" in page  # open in WordPress, open here

    contact = client.get(StandardPage.objects.get(slug="contact").url).content.decode()
    assert "Comment number 41." in contact and "closed@reader.example" not in contact
    assert "Comments are closed." in contact and "Leave a Reply" not in contact

    again = run_import(tmp_path, content)
    assert Comment.objects.count() == 4
    assert re.search(r"^comment +0 +0 +4 +0$", again, re.M)


def test_attachments_come_from_the_media_folder(tmp_path):
    uploads = tmp_path / "uploads" / "2024" / "03"
    uploads.mkdir(parents=True)
    PILImage.new("RGB", (40, 30), (200, 0, 0)).save(uploads / "harbour.jpg")
    attachment = item(
        9,
        "Harbour at dawn",
        post_type="attachment",
        status="inherit",
        extra="<wp:attachment_url>https://news.example.org/wp-content/uploads/2024/03/harbour.jpg</wp:attachment_url>",
        meta=[("_wp_attached_file", "2024/03/harbour.jpg")],
    )
    missing = item(
        10,
        "Lost",
        post_type="attachment",
        status="inherit",
        extra="<wp:attachment_url>https://news.example.org/wp-content/uploads/2024/03/lost.jpg</wp:attachment_url>",
    )
    # The body shows the missing file by a size variant and by ID, and a file not in the export.
    content = (
        '<p><img src="/wp-content/uploads/2024/03/harbour-150x150.jpg" alt="Harbour"></p>\n\n'
        '<p><img src="https://news.example.org/wp-content/uploads/2024/03/lost-300x200.jpg"></p>'
        '\n\n[gallery ids="9,10"]\n\n<p><img src="/wp-content/uploads/2020/01/elsewhere.png"></p>'
    )
    # The post comes before its featured image in the file.
    out = run_import(
        tmp_path,
        export(
            item(1, "Illustrated", content=content, meta=[("_thumbnail_id", "9")]),
            attachment,
            missing,
        ),
        media_dir=str(tmp_path / "uploads"),
    )
    image = Image.objects.get()
    assert image.title == "Harbour at dawn" and image.width == 40
    assert ArticlePage.objects.get().lead_image == image
    # Each file not found is listed once, by its own address: no variant, no attachment ID.
    assert "attachment × 1: files not found in the media folder, listed below" in out
    assert out.count("/2024/03/lost.jpg") == 1
    listed = out.split("Media files not found", 1)[1].splitlines()[1:]
    listed = [line.strip() for line in listed if line.startswith("  ")]
    assert listed == [
        "https://news.example.org/wp-content/uploads/2024/03/lost.jpg",
        "https://news.example.org/wp-content/uploads/2020/01/elsewhere.png",
    ]


def test_reimport_updates_what_changed_in_wordpress_and_keeps_edits_made_here(tmp_path):
    run_import(tmp_path, export(item(1, "First title"), item(2, "Other")))
    edited = ArticlePage.objects.get(title="Other")
    edited.title = "Rewritten by the desk"
    edited.save_revision().publish()
    out = run_import(
        tmp_path, export(item(1, "Second title"), item(2, "Other, changed in WordPress"))
    )
    assert ArticlePage.objects.filter(title="Second title").exists()
    assert ArticlePage.objects.get(pk=edited.pk).title == "Rewritten by the desk"
    assert "edited in Headline since the last import" in out
    assert ArticlePage.objects.count() == 2
    run_import(
        tmp_path,
        export(item(1, "Second title"), item(2, "Other, changed in WordPress")),
        overwrite=True,
    )
    assert ArticlePage.objects.get(pk=edited.pk).title == "Other, changed in WordPress"


def test_posts_written_in_batches_make_a_sound_tree_search_finds_with_related_lists(
    tmp_path, client, monkeypatch
):
    """New live posts are written a batch at a time, between drafts written one by one in the
    same sections: the page tree stays consistent, every post has its address, search finds
    the live ones once the import's follow-up task ran, related lists are built, the editor
    opens them, and importing again changes nothing."""
    monkeypatch.setattr(articles, "BATCH", 3)
    desks = (("category", "world", "World"),), (("category", "local", "Local"),)
    posts = [
        item(
            n,
            f"Ferry strike, day {n}",
            status="draft" if n % 4 == 0 else "publish",
            categories=desks[n % 2] + (("post_tag", "ferries", "Ferries"),),
            content=f"<p>The harbour ferry strike goes on, day {n}; the zeppelin stays grounded.</p>",
            comments=[comment(100 + n)],
        )
        for n in range(1, 12)
    ]
    content = export(
        *posts,
        categories="".join(
            f"<wp:category><wp:term_id>{n}</wp:term_id><wp:category_nicename>{slug}"
            f"</wp:category_nicename><wp:category_parent></wp:category_parent>"
            f"<wp:cat_name>{name}</wp:cat_name></wp:category>"
            for n, ((_, slug, name),) in enumerate(desks, start=1)
        ),
    )
    run_import(tmp_path, content)
    assert not any(Page.find_problems())
    live = ArticlePage.objects.live().order_by("pk")
    assert [a.title for a in live] == [f"Ferry strike, day {n}" for n in range(1, 12) if n % 4]
    assert ArticlePage.objects.filter(live=False).count() == 2
    for article in live:
        assert client.get(article.url).status_code == 200
        assert [t.name for t in article.tags.all()] == ["Ferries"]
        assert Comment.objects.filter(article=article).count() == 1
        assert RelatedArticle.objects.filter(article=article).exists()
    response = client.get("/2024/03/01/post-5/")
    assert response["Location"] == ArticlePage.objects.get(title="Ferry strike, day 5").url
    hits = client.get("/search/?q=zeppelin").content.decode()
    assert all(f"Ferry strike, day {n}<" in hits for n in (1, 2, 3, 5, 11))
    assert "Ferry strike, day 4<" not in hits  # a draft
    User.objects.create_superuser("chief", "chief@newsroom.test", "pw")
    client.login(username="chief", password="pw")
    assert client.get(f"/admin/pages/{live[0].pk}/edit/").status_code == 200
    out = run_import(tmp_path, content)
    assert re.search(r"^post +0 +0 +11 +0$", out, re.M)
    assert ArticlePage.objects.count() == 11 and not any(Page.find_problems())


def test_an_item_given_twice_in_one_export_is_imported_once(tmp_path):
    """Exports joined by hand repeat items: the second copy of a post (and of its comments)
    updates the first, whether or not the first is written yet."""
    first = item(1, "Told twice", comments=[comment(7)])
    again = item(1, "Told twice, revised", comments=[comment(7, text="Revised comment.")])
    run_import(tmp_path, export(first, item(2, "Between"), again))
    assert ArticlePage.objects.get(slug="post-1").title == "Told twice, revised"
    assert ArticlePage.objects.count() == 2
    assert list(Comment.objects.values_list("body", flat=True)) == ["Revised comment."]


def test_the_command_prints_the_report_without_a_log_line_per_page(tmp_path, caplog):
    caplog.set_level(logging.INFO)
    out = run_import(tmp_path, export(item(1, "One"), item(2, "Two")))
    assert out.startswith("WordPress export")
    assert [r.getMessage() for r in caplog.records if r.levelno < logging.WARNING] == []
    caplog.clear()
    run_import(tmp_path, export(item(3, "Three")), verbosity=2)
    assert any(record.levelno == logging.INFO for record in caplog.records)


def test_a_dry_run_reports_and_saves_nothing(tmp_path):
    pages = Page.objects.count()
    out = run_import(tmp_path, export(item(1, "Only a trial", comments=[comment(3)])), dry_run=True)
    assert "dry run: nothing was saved" in out
    assert re.search(r"^post +1 +0 +0 +0$", out, re.M)
    assert Page.objects.count() == pages and not Comment.objects.exists()


def test_a_made_standfirst_is_the_opening_prose_not_headings_lists_or_quotes(tmp_path):
    content = (
        "<h2>Header one</h2><ul><li>first item</li><li>second item</li></ul>"
        "<blockquote>Quoted words.<cite>Someone</cite></blockquote>"
        "<p>The council met on Monday.<br>It voted.</p><p>Then it adjourned.</p>"
    )
    run_import(tmp_path, export(item(1, "Made", content=content)))
    standfirst = ArticlePage.objects.get().standfirst
    assert standfirst == "The council met on Monday. It voted. Then it adjourned."


@pytest.mark.parametrize(
    ("content", "made"),
    [
        (
            "<p>The budget covers:</p><ul><li>roads</li></ul><p>A vote is due next week.</p>",
            "A vote is due next week.",
        ),
        (
            "<p>Councils agreed.</p><p>It funds:</p><ul><li>roads</li></ul><p>More later.</p>",
            "Councils agreed.",
        ),
        (
            "<p>Rain fell.</p>\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n<p>Roads shut.</p>"
            "<blockquote><p>We wait.</p></blockquote><p>Schools opened late.</p>",
            "Rain fell. Roads shut.",
        ),
    ],
    ids=["an introduction to a list", "a run before it", "past a picture, up to a quote"],
)
def test_a_made_standfirst_is_the_opening_prose_read_in_one_go(tmp_path, content, made):
    """Prose on either side of a list or quote is not run together ("The budget covers: A vote
    is due…"), and a paragraph introducing a list is not a standfirst on its own."""
    run_import(tmp_path, export(item(1, "Made", content=content)))
    assert ArticlePage.objects.get().standfirst == made


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=3000), st.text(max_size=3000))
def test_a_standfirst_always_fits_and_says_something(excerpt, content):
    """Whatever WordPress holds, the standfirst fits its field and is never blank."""
    body = [{"type": "paragraph", "value": content}, {"type": "subheading", "value": content}]
    standfirst = values.standfirst(excerpt, body, "The headline")
    assert 0 < len(standfirst) <= ArticlePage._meta.get_field("standfirst").max_length
    assert has_visible_content(standfirst)


def test_an_untitled_post_is_headlined_with_its_first_words_and_noted(tmp_path, client):
    """WordPress's asides and status updates often have no title; readers saw their text."""
    short = "<p>Mr. Costa landed in Lisbon. The harbour is full of boats tonight.</p>"
    long = "<p>" + " ".join(f"word{n}" for n in range(40)) + "</p>"
    out = run_import(
        tmp_path,
        export(
            item(1, "", slug="1", content=short),
            item(2, "  ", slug="2", content=long),
            item(3, "", slug="3", content="<p> </p>"),
        ),
    )
    titles = dict(ArticlePage.objects.values_list("slug", "title"))
    assert titles["1"] == "Mr. Costa landed in Lisbon."
    assert titles["2"] == " ".join(f"word{n}" for n in range(values.HEADLINE_WORDS)) + "…"
    assert titles["3"] == "(no title)"
    assert out.count("no title in WordPress: headlined with its first words") == 2
    assert "no title and no text in WordPress" in out
    response = client.get(ArticlePage.objects.get(slug="1").url)
    assert texts(parse(response), "//h1") == ["Mr. Costa landed in Lisbon."]


@pytest.mark.parametrize(
    "text, headline",
    [
        # Chinese and Japanese put no spaces between words: a sentence ends at its 。
        (
            "史密斯先生今天抵达里斯本。港口挤满了船只，比以往任何时候都多。",
            "史密斯先生今天抵达里斯本。",
        ),
        ("x" * 300, "x" * (values.HEADLINE_CHARS - 1) + "…"),
    ],
    ids=["Chinese", "one long word"],
)
def test_a_made_headline_reads_in_scripts_without_spaces_and_stays_short(text, headline):
    assert values.headline([{"type": "paragraph", "value": f"<p>{text}</p>"}]) == headline


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_a_made_headline_fits_and_says_something(content):
    made = values.headline([{"type": "paragraph", "value": content}])
    assert 0 < len(made) <= values.HEADLINE_CHARS
    assert has_visible_content(made)


def test_quotes_and_lists_kept_as_paragraphs_are_noted(tmp_path, client):
    """A quote holding a list, or a list holding a table, is written as paragraphs, so nothing
    is lost; the report says which posts to look at."""
    content = (
        "<blockquote><p>Read:</p><ol><li>the ruling</li></ol></blockquote>"
        "<ul><li>A<table><tr><td>1</td></tr></table></li><li>B</li></ul>"
    )
    out = run_import(tmp_path, export(item(1, "Linked", content=content), item(2, "Plain")))
    assert "post 1 “Linked”: a quote and a list held links, layout, numbering or more text" in out
    assert "“Plain”" not in out
    body = ArticlePage.objects.get(slug="post-1").body
    assert "quote" not in {block.block_type for block in body}


def test_the_reports_notes_put_posts_and_pages_first():
    """An editor acts on notes about articles; notes on menus and categories follow them."""
    report = Report()
    report.note("nav_menu_item", 9, "(no title)", "links a page (12)")
    report.note("post", 1, "First", "check it")
    report.note("category", 3, "World", "filed in the existing section")
    report.note("page", 2, "About", "check it too")
    notes = report.as_text().split("Notes:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in notes] == ["post", "page", "nav_menu_item", "category"]
    assert [note[0] for note in report.as_dict()["notes"]] == [
        "post",
        "page",
        "nav_menu_item",
        "category",
    ]


def test_a_second_sites_import_names_the_old_addresses_it_takes_over(tmp_path, client):
    """Two WordPress sites moved into one Headline both answered `/?p=1`; the later import's
    post takes the address, and its report names every address it took from another page."""
    run_import(tmp_path, export(item(1, "First site's post")))
    other = export(item(1, "Second site's post")).replace(
        b"https://news.example.org", b"https://blog.example.net"
    )
    out = run_import(tmp_path, other)
    assert "/?p=1" in out.split("led to other pages", 1)[1]
    second = ArticlePage.objects.get(title="Second site's post")
    assert client.get("/?p=1")["Location"].endswith(second.url)
    again = run_import(tmp_path, other)
    assert "led to other pages" not in again
