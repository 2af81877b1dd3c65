"""Which public addresses show an article, section, author or tag: what to purge when it changes.

Varnish or a CDN in front of the site keeps public pages for `EDGE_S_MAXAGE` seconds (see
`core.middleware.EdgeCacheMiddleware`). When something a reader sees changes, the receivers in
`news.signals` (and the comments and related apps) purge every address whose page shows it
(`core.frontend_cache` sends the purges after the commit, from a background task).

Paths are listed without their query: a purge of a path also drops its query-string variants
(pagination, search terms, sitemap pages), as `deploy/varnish/default.vcl` does; `EVERYTHING`
drops every address (a section's name is in every page's navigation).

Apps built on news add the addresses they show of an article to `article_dependents`: functions
taking the article (an ArticlePage) and returning paths (comments: its comment feed; related: the
articles whose box lists it). News names them without importing those apps.
"""

from django.db import transaction
from django.urls import reverse
from taggit.models import Tag

from headline.core.frontend_cache import EVERYTHING

from .models import ArticlePage, Author, HomePage, SectionPage

article_dependents = []

# Every feed a subject (section, tag, author) has below its own address.
FEED_SUFFIXES = ("feed/", "feed/atom/")
SITE_FEEDS = ("syndication:site-rss", "syndication:site-atom", "syndication:site-json")
CORRECTIONS = ("news:corrections", "syndication:corrections-rss")
SITEMAPS = ("articles", "pages", "authors", "tags")


def with_feeds(path):
    return [path, *(path + suffix for suffix in FEED_SUFFIXES)]


def sections_of(article):
    return [article.section, *article.extra_sections.all()] if article.section else []


def subject_paths(article):
    """The pages of its sections, tags and authors, each of which lists it and has feeds."""
    paths = [page_path(section) for section in sections_of(article)]
    paths += [reverse("news:tag", args=[tag.slug]) for tag in article.tags.all()]
    paths += [reverse("news:author", args=[author.slug]) for author in article.authors]
    return [path for path in paths if path]


def listing_paths(article):
    """The pages that show the article's card (headline, authors, date, comment count): home, its
    sections', tags' and authors' pages, and search results."""
    return ["/", reverse("search:results"), *subject_paths(article)]


def article_paths(article):
    """Every page and feed that shows something of the article (its text, title, image, authors,
    tags, dates or corrections): its own page, `listing_paths` and their feeds, the site's feeds,
    the sitemaps, the corrections page and feed, and what `article_dependents` add."""
    own = page_path(article)
    paths = ["/", reverse("search:results"), *([own] if own else [])]
    for subject in subject_paths(article):
        paths += with_feeds(subject)
    paths += [reverse(name) for name in SITE_FEEDS + CORRECTIONS]
    paths += [reverse("syndication:sitemap-index"), reverse("syndication:news-sitemap")]
    paths += [reverse("syndication:sitemap", args=[name]) for name in SITEMAPS]
    for dependents in article_dependents:
        paths += dependents(article)
    return paths


def page_path(page):
    """The page's path on its site (percent-encoded, as readers request it), or None."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def author_address(author):
    return with_feeds(reverse("news:author", args=[author.slug]))


def tag_address(tag):
    return with_feeds(reverse("news:tag", args=[tag.slug]))


def author_paths(author):
    """An author's page and feeds, and everything that shows one of their articles."""
    paths = author_address(author)
    for article in ArticlePage.objects.published().filter(article_authors__author=author):
        paths += article_paths(article)
    return paths


def tag_paths(tag):
    """A tag's page and feeds, and everything that shows one of its articles (they name it)."""
    paths = tag_address(tag)
    for article in ArticlePage.objects.published().filter(tags=tag):
        paths += article_paths(article)
    return paths


def published_article_paths(article):
    """`article_paths` while the article is published; nothing of it shows otherwise."""
    shown = ArticlePage.objects.published().filter(pk=article.pk).exists()
    return article_paths(article) if shown else []


# What a change to one object of each kind shows on: model → paths for the object.
SHOWN_ON = {
    ArticlePage: published_article_paths,
    SectionPage: lambda section: [EVERYTHING],  # its name is in every page's navigation
    HomePage: lambda home: [EVERYTHING],
    Author: author_paths,
    Tag: tag_paths,
}
# What showed the object before a change and may not after it: an article's old sections, tags
# and authors, an author's or tag's old address.
SHOWN_BEFORE = {ArticlePage: published_article_paths, Author: author_address, Tag: tag_address}


def purge_shown(instance, paths=()):
    """Purge, once the transaction commits, `paths` and every address that shows `instance` (a
    SHOWN_ON model) as it is then; the addresses are found in a background task, since an author
    or a tag may be on thousands of articles."""
    from .tasks import purge_shown_on

    label = instance._meta.label_lower
    paths = list(paths)
    transaction.on_commit(lambda: purge_shown_on.enqueue(label, instance.pk, paths))
