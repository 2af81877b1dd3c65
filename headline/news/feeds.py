"""The news app's feeds: RSS 2.0, Atom and JSON Feed 1.1 for the site, each section, tag and author,
and an RSS feed of corrections. Each article's comment feed lives in the comments app, on the base
classes here.

Every feed is a `django.contrib.syndication` Feed over `ArticlePage.objects.published()`. The
formats differ only in their generator class (see `feed_formats`), so one item definition serves
all three. Each request works on its own copy of the feed, bound to that request, so item methods
can build absolute URLs. Conditional GETs are answered from the content versions of what a feed
shows (`headline.core.freshness`), with 304 before any item is loaded.
"""

import mimetypes
import re
from collections import defaultdict
from copy import copy
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.feedgenerator import Enclosure
from taggit.models import Tag
from wagtail.blocks import StreamValue

from headline.core.freshness import cached, serve_conditionally
from headline.core.models import SiteIdentity
from headline.core.signals import SITE

from .feed_formats import JsonFeed, MediaAtomFeed, MediaRssFeed, RssFeed
from .models import ARTICLES, SECTIONS, ArticleCorrection, ArticlePage, Author, SectionPage

ROOT_RELATIVE_URL = re.compile(r'\b(src|href)="/(?!/)')


def absolutize(html, root):
    """Feed readers show content away from the site, so root-relative links must carry the host."""
    return ROOT_RELATIVE_URL.sub(lambda match: f'{match[1]}="{root}/', html)


def prefetch_bodies(articles):
    """Convert every article body with one query per kind of block, and load its images' renditions.

    Wagtail converts blocks one StreamField value at a time, so rendering N bodies would cost N
    queries for each kind that reads the database (images, galleries, embeds). Here the raw blocks
    of all bodies are converted together, kind by kind, and handed back to each StreamValue, the
    only place they are still unconverted; then every image they show gets its renditions at once.
    """
    stream_block = ArticlePage.body.field.stream_block
    pending = defaultdict(list)
    for article in articles:
        stream = article.body
        for index, raw in enumerate(stream._raw_data):
            if (
                raw
                and raw["type"] in stream_block.child_blocks
                and stream._bound_blocks[index] is None
            ):
                pending[raw["type"]].append((stream, index, raw))
    for kind, found in pending.items():
        block = stream_block.child_blocks[kind]
        values = block.bulk_to_python([raw["value"] for _, _, raw in found])
        for (stream, index, raw), value in zip(found, values, strict=True):
            stream._bound_blocks[index] = StreamValue.StreamChild(block, value, id=raw.get("id"))
    prefetch_related_objects(
        [image for article in articles for image in article.body_images()], "renditions"
    )


class RequestBoundFeed(Feed):
    """A Feed that knows its request and answers conditional GETs from content versions.

    Subclasses give `scopes(subject)`: the content versions (see `headline.core.freshness`) of
    everything the feed shows; the site's (its name and description head every feed) is added.
    """

    request = None
    feed_type = RssFeed  # never Django's own: ours cannot fail on stored text

    def __call__(self, request, *args, **kwargs):
        bound = copy(self)
        bound.request = request
        bound.identity = SiteIdentity.for_request(request)
        bound.language = bound.identity.language
        subject = bound.get_object(request, *args, **kwargs)
        scopes = (SITE, *bound.scopes(subject))
        settings_shown = (settings.FEED_ITEMS, settings.FEED_FULL_CONTENT)
        return serve_conditionally(
            request,
            scopes,
            lambda: bound.render(subject, scopes, settings_shown),
            extra=settings_shown,
        )

    def render(self, subject, scopes, settings_shown):
        """The feed, its body kept in the shared cache while `scopes` hold (`freshness.cached`)."""

        def write():
            feed = self.get_feed(subject, self.request)
            response = HttpResponse(content_type=feed.content_type)
            feed.write(response, "utf-8")
            return feed.content_type, response.content

        content_type, body = cached(
            "feed", scopes, write, vary=(self.request.path, settings_shown), request=self.request
        )
        return HttpResponse(body, content_type=content_type)

    def absolute(self, url):
        return self.request.build_absolute_uri(url)


class ArticleFeed(RequestBoundFeed):
    """The newest published articles of a subject (the site, a section, a tag or an author)."""

    feed_type = MediaRssFeed

    def articles(self, subject):
        return ArticlePage.objects.published()

    def scopes(self, subject):
        return (SECTIONS, ARTICLES)

    def title(self, subject):
        return self.identity.name

    def description(self, subject):
        return self.identity.description

    def subtitle(self, subject):
        return self.description(subject)

    def link(self, subject):
        return "/"

    def newest(self, subject):
        """The subject's articles newest first, with what an item shows."""
        return self.articles(subject).newest_first().for_feeds()

    def items(self, subject):
        articles = list(self.newest(subject)[: settings.FEED_ITEMS])
        if settings.FEED_FULL_CONTENT:
            prefetch_bodies(articles)
        self.section_titles = dict(SectionPage.objects.values_list("path", "title"))
        return articles

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.standfirst

    def item_link(self, article):
        return article.get_url(self.request)

    def item_guid(self, article):
        # Stable across slug changes, so a renamed article is not announced twice.
        host = self.request.get_host().split(":")[0]
        return f"tag:{host},{article.publication_date:%Y-%m-%d}:article-{article.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return article.publication_date

    def item_updateddate(self, article):
        return article.last_modified

    def item_author_name(self, article):
        names = [author.name for author in article.authors]
        return " and ".join(filter(None, [", ".join(names[:-1]), names[-1]])) if names else None

    def item_author_link(self, article):
        return self.absolute(article.authors[0].get_absolute_url()) if article.authors else None

    def item_categories(self, article):
        section = self.section_titles.get(article.path[: -ArticlePage.steplen])
        return ([section] if section else []) + sorted(tag.name for tag in article.tags.all())

    def item_enclosures(self, article):
        image = self.lead_image(article)
        return [image.enclosure] if image else []

    def item_extra_kwargs(self, article):
        return {
            "authors": [
                {"name": author.name, "url": self.absolute(author.get_absolute_url())}
                for author in article.authors
            ],
            "image": self.lead_image(article),
            "content_html": self.content_html(article) if settings.FEED_FULL_CONTENT else None,
        }

    def lead_image(self, article):
        """The original upload: its size is known without a query, and readers scale it anyway."""
        image = article.lead_image
        if image is None:
            return None
        return LeadImage(
            url=self.absolute(image.file.url),
            # RSS advises a length of 0 when the size is unknown (files stored before metadata).
            length=image.file_size or 0,
            mime_type=mimetypes.guess_type(image.file.name)[0] or "image/jpeg",
            width=image.width,
            height=image.height,
            caption=article.lead_image_caption or image.default_alt_text,
            credit=article.lead_image_credit,
        )

    def content_html(self, article):
        # No request: the page's context processors (navigation) have no place in a feed item.
        html = render_to_string("news/feeds/article_content.html", {"page": article})
        return absolutize(html, self.absolute("/").rstrip("/"))


@dataclass(frozen=True)
class LeadImage:
    """What the formats say about an item's lead image: an enclosure plus size and caption."""

    url: str
    length: int
    mime_type: str
    width: int
    height: int
    caption: str
    credit: str

    @property
    def enclosure(self):
        return Enclosure(self.url, str(self.length), self.mime_type)


class SiteFeed(ArticleFeed):
    pass


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(SectionPage.objects.live().public(), slug=slug)

    def newest(self, section):
        return self.articles(section).for_feeds().newest_in_section(section)

    def title(self, section):
        return f"{self.identity.name}: {section.title}"

    def description(self, section):
        return section.intro or f"The latest from {section.title}."

    def link(self, section):
        return section.get_url(self.request)


class TagFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def articles(self, tag):
        return super().articles(tag).filter(tags=tag)

    def title(self, tag):
        return f"{self.identity.name}: {tag.name}"

    def description(self, tag):
        return f"Articles tagged {tag.name}."

    def link(self, tag):
        return reverse("news:tag", args=[tag.slug])


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def articles(self, author):
        return super().articles(author).filter(article_authors__author=author)

    def title(self, author):
        return f"{self.identity.name}: {author.name}"

    def description(self, author):
        return f"Articles by {author.name}."

    def link(self, author):
        return author.get_absolute_url()


class SiteAtomFeed(SiteFeed):
    feed_type = MediaAtomFeed


class SectionAtomFeed(SectionFeed):
    feed_type = MediaAtomFeed


class TagAtomFeed(TagFeed):
    feed_type = MediaAtomFeed


class AuthorAtomFeed(AuthorFeed):
    feed_type = MediaAtomFeed


class SiteJsonFeed(SiteFeed):
    feed_type = JsonFeed


class CorrectionsFeed(RequestBoundFeed):
    """Every correction and update note on a published article, newest first."""

    def scopes(self, subject):
        return (SECTIONS, ARTICLES)

    def title(self, subject):
        return f"{self.identity.name}: corrections"

    def description(self, subject):
        return f"Corrections and updates to articles published by {self.identity.name}."

    def link(self, subject):
        return reverse("news:corrections")

    def items(self, subject):
        return ArticleCorrection.objects.published()[: settings.FEED_ITEMS]

    def item_title(self, correction):
        return f"{correction.get_kind_display()}: {correction.page.title}"

    def item_description(self, correction):
        return correction.text

    def item_link(self, correction):
        return f"{correction.page.get_url(self.request)}#correction-{correction.pk}"

    def item_pubdate(self, correction):
        return correction.date

    def item_updateddate(self, correction):
        return correction.date
