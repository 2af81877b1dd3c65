"""Real WordPress exports (../shared/corpus/wxr, counts in its README) import with exactly their
counts, and a sample checked item by item: titles, dates with zones, statuses, threading,
old addresses, and commenters' emails on no public page."""

import io
import re
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction

from headline.comments.models import Comment
from headline.importers.models import WordPressImport
from headline.news.models import ArticlePage, Author, SectionPage, StandardPage

from .html import parse, texts

pytestmark = pytest.mark.django_db


def run(path, **options):
    out = io.StringIO()
    call_command("import_wordpress", str(path), stdout=out, **options)
    return out.getvalue(), WordPressImport.objects.latest("pk").report["counts"]


def total(counts, kind):
    return sum(counts.get(kind, {}).values())


def test_small_export(shared_corpus, client):
    _, counts = run(shared_corpus / "wxr" / "small-export.xml")
    # README: 3 authors, 30 categories (1 with a parent), 3 tags, 6 posts, 5 pages, 1 comment.
    assert counts["author"]["created"] == 3 and Author.objects.count() == 3
    assert counts["category"]["created"] == 30
    assert SectionPage.objects.count() == 29  # the sub-category is a tag
    assert counts["tag"]["created"] == 3
    assert counts["post"]["created"] == 6 and ArticlePage.objects.count() == 6
    assert counts["page"]["created"] == 5 and StandardPage.objects.count() == 5
    assert counts["comment"]["created"] == 1

    hello = ArticlePage.objects.get(title="Hello world!")
    assert hello.live and hello.published_at == datetime(2011, 1, 18, 7, 40, 14, tzinfo=UTC)
    assert [a.name for a in hello.authors] == ["author"]
    assert hello.section.slug == "uncategorized"
    (comment,) = Comment.objects.filter(article=hello)
    assert (comment.name, comment.status, comment.url) == (
        "Mr WordPress",
        "approved",
        "http://wordpress.org/",
    )

    # Status: private → live for signed-in staff only; a draft page stays a draft.
    private = ArticlePage.objects.get(title="Private Post")
    assert private.live
    assert PageViewRestriction.objects.get(page=private).restriction_type == "login"
    assert sorted(private.tags.names()) == ["Tag1", "Tag2", "Tag3"]
    assert client.get(private.url).status_code == 302  # to the login page
    assert not StandardPage.objects.get(title="Draft Page").live

    # A post in a sub-category is filed in its top-level category's section, with the tag.
    child = ArticlePage.objects.get(title="Foo-child")
    assert child.section.slug == "bar" and list(child.tags.names()) == ["Foo"]
    many = ArticlePage.objects.get(title="Many Categories")
    assert many.section.slug == "alpha" and many.extra_sections.count() == 26

    # Pages keep their parents.
    assert client.get("/parent-page/child-page/").status_code == 200

    # Old addresses answer 301 to the new page.
    for old, new in [
        ("/?p=1", hello.url),
        ("/?page_id=4", "/parent-page/child-page/"),
        ("/?page_id=2", "/sample-page/"),
        ("/category/foo/", "/foo/"),
        ("/?cat=8", "/alpha/"),
        ("/category/bar/foo-bar/", "/tags/foo/"),
        ("/tag/tag1/", "/tags/tag1/"),
        ("/author/editor/", Author.objects.get(name="editor").get_absolute_url()),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old


def test_theme_unit_test_data(shared_corpus, client):
    out, counts = run(shared_corpus / "wxr" / "themeunittestdata.wordpress.xml")
    # README: 2 authors (items also use 2 malformed logins), 67 categories (10 with a parent),
    # 110 tags, 6 other terms, 51 posts, 21 pages, 38 attachments, 70 menu items, 32 comments.
    assert counts["author"]["created"] == 2 and Author.objects.count() == 2
    assert counts["category"]["created"] == 67
    assert total(counts, "tag") == 110
    assert counts["term"]["skipped"] == 6
    assert counts["post"]["created"] == 51
    assert counts["page"]["created"] == 21
    assert counts["attachment"]["skipped"] == 38  # no media folder given: all reported missing
    assert counts["nav_menu_item"]["skipped"] == 70
    assert "other" not in counts
    # Its menus link 3 categories (terms 4675, 44090582, 54090): only those 3 of the 57
    # sections are in the section menu; the others answer at their address.
    nav = texts(parse(client.get("/")), "//nav[@aria-label='Sections']//a")
    assert nav == ["Markup", "Post Formats", "Unpublished"]
    assert SectionPage.objects.count() == 57
    assert client.get(SectionPage.objects.get(title="Uncategorized").url).status_code == 200
    assert "Sections not in the menu: " in out and "Sections added to the menu: " in out
    # 32 comments: 4 are pingbacks and trackbacks (skipped, counted); the other 28 are all
    # imported, the 5 on two pages ("Page with comments", "a Blog page") as those on posts.
    assert total(counts, "comment") + total(counts, "pingback") == 32
    assert counts["pingback"]["skipped"] == 4
    assert counts["comment"] == {"created": 28, "updated": 0, "unchanged": 0, "skipped": 0}
    assert "comments on articles only" not in out

    imported = Comment.objects.all()
    assert imported.count() == 28
    # 10 replies: 9 on posts, threaded 10 deep, and 1 on a page; 3 held, 2 of them on pages.
    assert imported.filter(parent__isnull=False).count() == 10
    assert imported.filter(status="pending").count() == 3
    assert max(comment.depth for comment in imported) == 10
    on_pages = imported.filter(article__in=StandardPage.objects.all())
    assert sorted(on_pages.values_list("article__title", "status")) == [
        ("Page with comments", "approved"),
        ("Page with comments", "approved"),
        ("Page with comments", "approved"),
        ("Page with comments", "pending"),
        ("a Blog page", "pending"),
    ]
    reply = on_pages.get(parent__isnull=False)
    assert reply.depth == 2 and reply.parent.article_id == reply.article_id

    scheduled = ArticlePage.objects.get(title="Scheduled")
    assert not scheduled.live and scheduled.scheduled_revision is not None
    assert scheduled.go_live_at == datetime(2030, 1, 1, 19, 0, 18, tzinfo=UTC)

    # Every article and page with comments, as a reader sees it, an article's comment feed too:
    # the approved comments shown, no email.
    emails = set(Comment.objects.exclude(email="").values_list("email", flat=True))
    assert emails
    shown = 0
    for model, feed in ((ArticlePage, "comments/feed/"), (StandardPage, None)):
        for page in model.objects.filter(comments__isnull=False).distinct():
            if not page.live:
                continue
            html = client.get(page.url).content.decode()
            for url in (page.url, page.url + feed) if feed else (page.url,):
                body = client.get(url).content.decode()
                assert not any(email in body for email in emails), url
            approved = page.comments.filter(status="approved").values_list("pk", flat=True)
            shown += sum(f'id="comment-{pk}"' in html for pk in approved)
    # 25 approved: all shown but the one on "Template: Password Protected", behind its password.
    assert Comment.objects.filter(status="approved").count() == 25
    assert shown == Comment.objects.approved().count() == 24
    assert re.search(r"https://wpthemetestdata\.files\.wordpress\.com/\S+", out)


def test_utf8_challenges(shared_corpus, client):
    out, counts = run(shared_corpus / "wxr" / "wxr-utf-8-challenges.xml")
    assert counts["post"]["created"] == 1 and counts["author"]["created"] == 1
    assert "None" not in out  # a category without a term ID is named without one
    article = ArticlePage.objects.get()
    assert article.title.startswith('"The Road') and "🌲" in article.title
    assert article.published_at == datetime(2024, 6, 5, 16, 4, 48, tzinfo=UTC)
    assert client.get(article.url).status_code == 200
    assert Author.objects.get().name.startswith("A")  # the zero-width login's declared author


def test_a_second_import_updates_nothing_and_creates_nothing(shared_corpus):
    path = shared_corpus / "wxr" / "small-export.xml"
    run(path)
    before = (Page.objects.count(), Author.objects.count(), Comment.objects.count())
    _, counts = run(path)
    assert (Page.objects.count(), Author.objects.count(), Comment.objects.count()) == before
    for kind in ("author", "post", "page", "comment", "redirect"):
        assert counts[kind]["created"] == counts[kind]["updated"] == 0, kind
    assert counts["post"]["unchanged"] == 6
