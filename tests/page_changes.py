"""A small newsroom and every kind of change a page cache must show at once, on every page.

Each change returns what readers must then find (and no longer find) on which addresses. The same
cases run in one process through the test client (`test_page_cache.py`) and, on PostgreSQL +
Redis, against two app processes sharing the database and the cache (`test_page_cache_processes.py`).
"""

from dataclasses import dataclass, field

from taggit.models import Tag

from headline.comments.models import Comment
from headline.news.models import ArticlePage, Author, SectionPage

from .comment_helpers import make_comment
from .factories import make_article, make_author, make_section, paragraph

WORD = "zeppelin"  # in every article body: the search page lists them all


@dataclass
class Newsroom:
    alpha: ArticlePage
    beta: ArticlePage
    author: Author
    comment: Comment = None
    urls: dict = field(default_factory=dict)


def build_newsroom():
    international = make_section("International")
    make_section("Business")
    ada = make_author("Ada Lovelace", slug="ada")
    text = f"The {WORD} election count went on through the night in the capital city."
    alpha = make_article(
        international,
        "Alpha vote",
        slug="alpha-vote",
        authors=[ada],
        tags=["Elections"],
        body=[paragraph(text)],
        standfirst="The count went on.",
    )
    beta = make_article(
        international,
        "Beta count",
        slug="beta-count",
        authors=[ada],
        tags=["Elections"],
        body=[paragraph(text + " Observers said so.")],
        standfirst="Observers waited.",
    )
    newsroom = Newsroom(alpha, beta, ada)
    newsroom.comment = make_comment(alpha, body="Words of the first reader.")
    newsroom.urls = {
        "home": "/",
        "section": "/international/",
        "business": "/business/",
        "tag": "/tags/elections/",
        "author": "/authors/ada/",
        "feed": "/feed/",
        "section feed": "/international/feed/",
        "tag feed": "/tags/elections/feed/",
        "author feed": "/authors/ada/feed/",
        "sitemap": "/sitemap-articles.xml",
        "news sitemap": "/news-sitemap.xml",
        "search": f"/search/?q={WORD}",
        "alpha": "/international/alpha-vote/",
        "beta": "/international/beta-count/",
        "comment feed": "/international/alpha-vote/comments/feed/",
    }
    return newsroom


LISTINGS = ["home", "section", "tag", "author", "feed", "section feed", "tag feed", "author feed"]
HTML = ["home", "section", "business", "tag", "author", "search", "alpha", "beta"]


def expect(where, present=(), absent=()):
    return {name: (list(present), list(absent)) for name in where}


def update(room):
    revision = room.alpha.get_latest_revision_as_object()
    revision.title = "Alpha recount"
    revision.save_revision().publish()
    seen = [*LISTINGS, "news sitemap", "search", "alpha", "beta", "comment feed"]
    return expect(seen, ["Alpha recount"], ["Alpha vote"])


def publish(room):
    make_article(
        SectionPage.objects.get(slug="international"),
        "Gamma ballot",
        slug="gamma-ballot",
        authors=[room.author],
        tags=["Elections"],
        body=[paragraph(f"A {WORD} ballot was held in the capital city through the night.")],
    )
    return {
        **expect([*LISTINGS, "news sitemap", "search"], ["Gamma ballot"]),
        **expect(["sitemap"], ["gamma-ballot"]),
    }


def unpublish(room):
    room.alpha.unpublish()
    return {
        **expect([*LISTINGS, "news sitemap", "search", "beta"], absent=["Alpha vote"]),
        **expect(["sitemap"], absent=["alpha-vote"]),
        **expect(["alpha", "comment feed"], ["404"]),
    }


def move(room):
    room.alpha.move(SectionPage.objects.get(slug="business"), pos="last-child")
    return {
        **expect(["section", "section feed"], absent=["Alpha vote"]),
        **expect(["business", "home", "beta"], ["Alpha vote"]),
        **expect(
            ["sitemap", "beta", "feed"], ["/business/alpha-vote/"], ["/international/alpha-vote/"]
        ),
        **expect(["alpha"], ["301"]),
    }


def delete(room):
    ArticlePage.objects.get(pk=room.alpha.pk).delete()
    return {
        **expect([*LISTINGS, "news sitemap", "search", "beta"], absent=["Alpha vote"]),
        **expect(["sitemap"], absent=["alpha-vote"]),
        **expect(["alpha"], ["404"]),
    }


def approve_comment(room):
    held = make_comment(room.alpha, body="A second reader waits.", status=Comment.Status.PENDING)
    held.status = Comment.Status.APPROVED
    held.save()
    return {
        **expect(["alpha", "comment feed"], ["A second reader waits."]),
        **expect(["home", "section"], ["2 comments"], ["1 comment<"]),
    }


def edit_comment(room):
    room.comment.body = "Words the moderator corrected."
    room.comment.save()
    return expect(
        ["alpha", "comment feed"],
        ["Words the moderator corrected."],
        ["Words of the first reader."],
    )


def remove_comment(room):
    room.comment.status = Comment.Status.TRASH
    room.comment.save()
    return {
        **expect(["alpha", "comment feed"], absent=["Words of the first reader."]),
        **expect(["home", "section"], absent=["1 comment"]),
    }


def rename_author(room):
    room.author.name = "Ada King"
    room.author.save()
    return expect(
        ["home", "section", "tag", "author", "alpha", "feed", "author feed"],
        ["Ada King"],
        ["Ada Lovelace"],
    )


def rename_tag(room):
    tag = Tag.objects.get(slug="elections")
    tag.name = "Polls and ballots"
    tag.save()
    return expect(["tag", "alpha", "feed", "tag feed"], ["Polls and ballots"], ["Elections"])


def rename_section(room):
    section = SectionPage.objects.get(slug="international").get_latest_revision_as_object()
    section.title = "World desk"
    section.save_revision().publish()
    return expect([*HTML, "section feed"], ["World desk"], [">International<"])


CHANGES = [
    update,
    publish,
    unpublish,
    move,
    delete,
    approve_comment,
    edit_comment,
    remove_comment,
    rename_author,
    rename_tag,
    rename_section,
]


def check(expected, fetch):
    """Fetch every address of `expected` with `fetch(name) -> (status, text)`; the differences."""
    problems = []
    for name, (present, absent) in expected.items():
        status, text = fetch(name)
        text = f"{status} {text}"
        problems += [f"{name}: {word!r} missing" for word in present if word not in text]
        problems += [f"{name}: {word!r} still shown" for word in absent if word in text]
    return problems
