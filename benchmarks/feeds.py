"""Feeds and sitemaps at scale: the time and query count of each machine-readable URL over a
newsroom of synthetic articles (the related-articles benchmark's), served through the test client
as a reader's feed app or a crawler would fetch them.
"""

import time

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from benchmarks import timed
from benchmarks.related import (
    NO_BACKGROUND_TASKS,
    fill_database,
    synthetic_articles,
)

URLS = [
    "/feed/",
    "/feed/atom/",
    "/feed.json",
    "/section-0/feed/",
    "/tags/tag-1/feed/",
    "/sitemap.xml",
    "/sitemap-articles.xml",
    "/news-sitemap.xml",
    "/corrections/feed/",
]


def measure(client, url, repeats):
    client.get(url)  # the site's root paths and settings are cached after the first request
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    queries = len(captured)  # read now: the next request resets the connection's query log
    seconds, response = timed(lambda: client.get(url), repeats)
    etag = response.get("ETag")
    revalidated = timed(lambda: client.get(url, HTTP_IF_NONE_MATCH=etag), 5)[0] if etag else None
    return seconds, queries, len(response.content), revalidated


def run(options):
    size = 50_000 if options.large else 10_000
    client = Client()
    started = time.perf_counter()
    with override_settings(TASKS=NO_BACKGROUND_TASKS):
        fill_database(synthetic_articles(size))
    print(f"{size} articles (setup {time.perf_counter() - started:.0f} s)")
    for url in URLS:
        seconds, queries, size_bytes, revalidated = measure(client, url, repeats=5)
        conditional = f"  304 in {revalidated * 1000:6.1f} ms" if revalidated else ""
        print(
            f"  {url:24} {seconds * 1000:8.1f} ms  {queries:3d} queries"
            f"  {size_bytes / 1024:8.0f} KiB{conditional}"
        )
