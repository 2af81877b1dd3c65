"""Feeds, sitemaps and robots.txt: the news app's machine-readable URLs.

Included before Wagtail's catch-all, so `/<section>/feed/` is answered here rather than looked
up as an article slugged "feed".
"""

from django.urls import path

from . import feeds, sitemaps

app_name = "syndication"
urlpatterns = [
    path("feed/", feeds.SiteFeed(), name="site-rss"),
    path("feed/atom/", feeds.SiteAtomFeed(), name="site-atom"),
    path("feed.json", feeds.SiteJsonFeed(), name="site-json"),
    path("corrections/feed/", feeds.CorrectionsFeed(), name="corrections-rss"),
    path("tags/<uslug:slug>/feed/", feeds.TagFeed(), name="tag-rss"),
    path("tags/<uslug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag-atom"),
    path("authors/<uslug:slug>/feed/", feeds.AuthorFeed(), name="author-rss"),
    path("authors/<uslug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author-atom"),
    path("<uslug:slug>/feed/", feeds.SectionFeed(), name="section-rss"),
    path("<uslug:slug>/feed/atom/", feeds.SectionAtomFeed(), name="section-atom"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap-index"),
    path("sitemap-<uslug:section>.xml", sitemaps.sitemap_page, name="sitemap"),
    path("news-sitemap.xml", sitemaps.news_sitemap, name="news-sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]
