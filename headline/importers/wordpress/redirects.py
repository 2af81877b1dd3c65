"""The WordPress site's old addresses, kept working as permanent redirects (Wagtail's redirects).

Every address WordPress answers for an item or archive is written: the item's `link` (its
permalink), `?p=ID` (posts), `?page_id=ID` (pages), `?attachment_id=ID`, the `guid` when it is an
address on the site, and the archives `/category/<parent>/<child>/`, `/tag/<slug>/`,
`/author/<nicename>/` with their query forms `?cat=ID`, `?tag=slug`, `?author=ID`, below the
blog's own path (`wp:base_blog_url`). Query forms on an address Headline serves (the home page)
are answered by `headline.importers.middleware`, since Wagtail looks redirects up only for 404s.
An address that is the new page's own is skipped: it would redirect to itself.
"""

from urllib.parse import urlsplit

from wagtail.contrib.redirects.models import Redirect

from headline.core import freshness

from ..signals import REDIRECTS

BATCH = 500


def on_site(address, hosts):
    """The address's path and query when it is on the WordPress site (`hosts`), else None."""
    parts = urlsplit((address or "").strip())
    if parts.scheme not in ("http", "https") or (parts.hostname or "") not in hosts:
        return None
    return Redirect.normalise_path(parts.path + (f"?{parts.query}" if parts.query else ""))


class Redirects:
    """Collects old address → page or link, and writes them in batches (one statement each)."""

    def __init__(self, site, blog_url, report):
        self.site = site
        self.report = report
        blog = urlsplit(blog_url)
        self.hosts = {blog.hostname or ""}
        self.blog_path = blog.path.rstrip("/")
        self.pending = {}

    def add_host(self, address):
        self.hosts.add(urlsplit(address).hostname or "")

    def archive(self, *parts):
        """The blog-relative address `/<parts…>/`, normalised."""
        return Redirect.normalise_path(self.blog_path + "/" + "/".join(parts) + "/")

    def query(self, name, value):
        return Redirect.normalise_path(f"{self.blog_path}/?{name}={value}")

    def add(self, paths, page=None, link=None):
        """Redirect every one of `paths` (normalised, None ignored) to `page` or to `link`."""
        own = page.url_path[len(self.site.root_page.url_path) - 1 :] if page else None
        for path in filter(None, paths):
            if own is not None and Redirect.normalise_path(own) == path:
                continue
            self.pending[path] = (page.pk if page else None, link or "")
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self):
        if not self.pending:
            return
        # old path → (page ID, link, permanent) of the redirects there already.
        existing = {
            path: (page_id, link if not page_id else "", permanent)
            for path, page_id, link, permanent in Redirect.objects.filter(
                site=self.site, old_path__in=self.pending
            ).values_list("old_path", "redirect_page_id", "redirect_link", "is_permanent")
        }
        changed = {
            path: target
            for path, target in self.pending.items()
            if existing.get(path) != (*target, True)
        }
        Redirect.objects.bulk_create(
            [
                Redirect(
                    old_path=path,
                    site=self.site,
                    is_permanent=True,
                    redirect_page_id=page_id,
                    redirect_link=link,
                    automatically_created=False,
                )
                for path, (page_id, link) in changed.items()
            ],
            update_conflicts=True,
            unique_fields=["old_path", "site"],
            update_fields=["redirect_page", "redirect_link", "is_permanent"],
        )
        if changed:
            freshness.bump(REDIRECTS)  # bulk_create sends no post_save
        # Addresses another page held (another site's import, say, with the same post IDs).
        self.report.taken_addresses += [
            path
            for path, (page_id, _) in changed.items()
            if existing.get(path, (None,))[0] not in (None, page_id)
        ]
        updated = sum(1 for path in changed if path in existing)
        self.report.count("redirect", "updated", updated)
        self.report.count("redirect", "created", len(changed) - updated)
        self.report.count("redirect", "unchanged", len(self.pending) - len(changed))
        self.pending = {}
