"""Purging front-end caches (Varnish, a CDN) through Wagtail's front-end cache invalidation.

The apps decide which addresses a change shows on (`news.frontend_cache` for articles, sections,
authors and tags); this module sends the purges, once the transaction commits, from a background
task (Wagtail's, queued ahead of other work), so no request waits for the cache. Paths are
purged on the default site; `deploy/varnish/default.vcl` drops each path with its query-string
variants, and `EVERYTHING` (`/*`) drops every address. Without `WAGTAILFRONTENDCACHE` (set from
VARNISH_URL or given whole, see settings) nothing is computed or sent.
"""

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.models import Site

EVERYTHING = "/*"
# Purges run before other background work (search indexing, related lists, emails) that a publish
# queues with them: readers should see the change within a second, whatever else waits.
PRIORITY = 50


def enabled():
    """Whether any front-end cache is configured."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def absolute(paths):
    """Sorted absolute URLs of `paths` on the default site (purges name the host readers use)."""
    site = Site.objects.filter(is_default_site=True).first()
    if not paths or site is None:
        return []
    return sorted({site.root_url + path for path in paths})


def purge(paths):
    """Purge `paths` from every front-end cache once the transaction commits."""
    urls = absolute(paths)
    if urls:
        purging = purge_urls_from_cache_task.using(priority=PRIORITY)
        transaction.on_commit(lambda: purging.enqueue(urls))
