"""What the news app tells crawlers: the sitemap index and its children, the Google News sitemap
and robots.txt.

Children are `django.contrib.sitemaps` classes over `ArticlePage.objects.published()` and the
listing pages, built per request so page URLs reuse the request's cached site roots. Articles come
10,000 to a child page: the protocol allows 50,000, but a smaller page keeps each response to about
a second of work. Each child page costs a fixed number of queries: a count and one page of rows.
Every sitemap answers conditional GETs from the content versions of what it lists
(`headline.core.freshness`), with 304 before anything is loaded.
"""

from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max, Min, Q
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from headline.core.freshness import declare_until, serve_conditionally
from headline.core.models import SiteIdentity
from headline.core.signals import SITE
from headline.core.text import clean_text

from .models import ARTICLES, SECTIONS, ArticlePage, Author, HomePage, SectionPage, showable

NEWS_SITEMAP_WINDOW = timedelta(hours=48)
NEWS_SITEMAP_LIMIT = 1000  # Google News reads no more than this many URLs per sitemap.
# Sitemaps list every section and published article, with their authors and tags.
SCOPES = (SITE, SECTIONS, ARTICLES)
# What an article's <url> entry reads: its URL, its dates and its lead image's file.
SITEMAP_FIELDS = [
    "id",
    "path",
    "depth",
    "url_path",
    "published_at",
    "first_published_at",
    "last_published_at",
    "go_live_at",
    "updated_at",
    "lead_image__file",
    "lead_image__width",  # ImageField reads its dimension fields whenever it loads
    "lead_image__height",
]


class RequestSitemap(Sitemap):
    """A sitemap made for one request (Django's views accept instances as well as classes)."""

    def __init__(self, request):
        self.request = request

    @classmethod
    def all_for(cls, request):
        return {name: sitemap(request) for name, sitemap in SITEMAPS.items()}


class PageSitemap(RequestSitemap):
    def location(self, page):
        return page.get_url(self.request)


class ArticleSitemap(PageSitemap):
    limit = 10_000

    def items(self):
        # Only what a <url> entry needs: the rows are many and their bodies are large.
        return (
            ArticlePage.objects.published()
            .newest_first()
            .select_related("lead_image")
            .only(*SITEMAP_FIELDS)
            .with_corrected_at()
        )

    def lastmod(self, article):
        return article.last_modified

    def get_latest_lastmod(self):
        return ArticlePage.objects.published().latest_change()

    def get_urls(self, page=1, site=None, protocol=None):
        """Add the lead image (image sitemap extension), on the same host as the page."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        root = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            image = url["item"].lead_image
            url["image"] = f"{root}{image.file.url}" if image else None
        return urls


class ListingSitemap(PageSitemap):
    """The home page and the section fronts, which change whenever they are republished."""

    def items(self):
        return [*HomePage.objects.live().public(), *SectionPage.objects.live().public()]

    def lastmod(self, page):
        return page.last_published_at


class AuthorSitemap(RequestSitemap):
    def items(self):
        published = ArticlePage.objects.published()
        return Author.objects.filter(article_links__page__in=published).distinct().order_by("pk")


class TagSitemap(RequestSitemap):
    def items(self):
        published = ArticlePage.objects.published()
        tags = Tag.objects.filter(news_articletag_items__content_object__in=published)
        return tags.distinct().order_by("pk")

    def location(self, tag):
        return reverse("news:tag", args=[tag.slug])


SITEMAPS = {
    "articles": ArticleSitemap,
    "pages": ListingSitemap,
    "authors": AuthorSitemap,
    "tags": TagSitemap,
}


def cleaned_response(response):
    """The rendered document cleaned whole, so no stored text can make it malformed XML."""
    response.render()
    response.content = clean_text(response.content.decode(response.charset))
    return response


def sitemap_index(request):
    def render():
        return cleaned_response(
            sitemap_views.index(
                request, RequestSitemap.all_for(request), sitemap_url_name="syndication:sitemap"
            )
        )

    return serve_conditionally(request, SCOPES, render)


def sitemap_page(request, section):
    def render():
        return cleaned_response(
            sitemap_views.sitemap(
                request, RequestSitemap.all_for(request), section, template_name="news/sitemap.xml"
            )
        )

    return serve_conditionally(request, SCOPES, render)


def news_sitemap(request):
    """Google News: articles published in the last 48 hours, newest first, at most 1,000.

    The window moves with the clock, so the validators also carry the moment the latest article
    left it, and the page cache keeps it only until the oldest one leaves (one aggregate query):
    no content version moves when an article just grows old.
    """
    # Loaded first: the first request of a new site creates its identity, a change itself.
    identity = SiteIdentity.for_request(request)
    cutoff = timezone.now() - NEWS_SITEMAP_WINDOW
    dated = ArticlePage.objects.published().newest_first()
    bounds = dated.aggregate(
        left=Max("sort_date", filter=Q(sort_date__lt=cutoff)),
        oldest=Min("sort_date", filter=Q(sort_date__gte=cutoff)),
    )
    left, oldest = showable(bounds["left"]), showable(bounds["oldest"])
    left_at = left + NEWS_SITEMAP_WINDOW if left else None
    if oldest:  # the next article to grow old changes the sitemap by the clock alone
        declare_until(request, oldest + NEWS_SITEMAP_WINDOW)

    def render():
        articles = dated.filter(sort_date__gte=cutoff)[:NEWS_SITEMAP_LIMIT]
        entries = [
            (request.build_absolute_uri(article.get_url(request)), article) for article in articles
        ]
        # Rendered without the request: page context processors (navigation) have no place here.
        # Cleaned whole, like the other sitemaps, so no stored text can make it malformed XML.
        xml = render_to_string(
            "news/news_sitemap.xml",
            {"entries": entries, "identity": identity},
        )
        return HttpResponse(clean_text(xml), content_type="application/xml; charset=utf-8")

    return serve_conditionally(request, SCOPES, render, extra=(left,), changed_at=left_at)


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /comments/",  # posting, confirmation and privacy links: nothing to index
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('syndication:sitemap-index'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('syndication:news-sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
