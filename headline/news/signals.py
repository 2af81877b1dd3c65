"""Keep derived news data right when content changes.

- An article's publication time is filled the first time it goes live: editors may set
  `published_at` themselves (to backdate a story); when they don't, the moment of first
  publication is used, whether the article was published by hand or by the scheduler.
- Every tag gets an address: taggit makes a tag's slug from its name, which leaves nothing of a
  name made only of punctuation or emoji (`!!!`, `🙂`); a tag with an empty slug has no URL, so
  every page that links it would fail.
- An address a page holds is never a redirect. Wagtail's redirects app adds one from each old
  address when a slug changes or a page moves; when the page (or, after a section is renamed or a
  page moved, any page below it) comes back to an old address, the redirect from there would point
  to its own path, a loop as soon as the page is unpublished. So once a page takes its addresses
  (slug changed, moved, published), the redirects from them that point at it go, and so do the
  automatic ones to other pages when it is live there. (An unpublished page's remaining redirects
  are kept but not followed: `news.middleware.LiveRedirectMiddleware`.)
- The cached list of restricted paths (see `NewsPageQuerySet.private_q`) follows the `sections`
  and `articles` versions, which a view restriction or a move changes.
- Front-end caches (Varnish, a CDN) drop every address that showed or now shows what changed
  (see `news.frontend_cache`): an article published, unpublished, moved or deleted, a section or
  the home page published or moved, an author or a tag saved or deleted.
- Scheduling happens by itself: a revision scheduled to go live, or a page published with an
  expiry date, queues the `publish_due` task for that moment (see `news.tasks`).
- A correction is dated when the revision carrying it goes live (`ArticleCorrection.save`); the
  date is written back into that revision too, since the editor's next edit starts from it and
  would otherwise publish the note undated again, and so re-dated.
- The content versions this app owns (`sections`, `articles`, `article:<pk>`, `authors`, `tags`,
  `images`; see
  `headline.core.freshness`) move whenever anything a feed, sitemap or page shows of them changes:
  a page saved, published, unpublished, moved or deleted, a view restriction, an author, a tag, an
  image, a correction or an article's author or tag links.
"""

import hashlib

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.http import HttpRequest
from modelcluster.models import get_serializable_data_for_fields
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
)

from headline.core import freshness
from headline.core import frontend_cache as edge
from headline.core.models import SITE

from . import frontend_cache, tasks
from .models import (
    ARTICLES,
    AUTHORS,
    IMAGES,
    SECTIONS,
    TAGS,
    ArticleAuthor,
    ArticleCorrection,
    ArticlePage,
    ArticleTag,
    Author,
    HomePage,
    SectionPage,
    StandardPage,
    article_scope,
)


@receiver(page_published, sender=ArticlePage)
def stamp_publication_time(sender, instance, **kwargs):
    if instance.published_at is None:
        stamp = instance.first_published_at or instance.last_published_at
        ArticlePage.objects.filter(pk=instance.pk).update(published_at=stamp)
        instance.published_at = stamp


@receiver(page_published, sender=ArticlePage)
def keep_correction_dates_in_revision(sender, instance, revision, **kwargs):
    undated = [
        (entry, correction)
        for entry, correction in zip(
            revision.content.get("corrections", []), instance.corrections.all(), strict=False
        )
        if not entry.get("date") and correction.date
    ]
    for entry, correction in undated:
        entry["date"] = get_serializable_data_for_fields(correction)["date"]
    if undated:
        revision.save(update_fields=["content"])


@receiver(post_save, sender=Revision)
def queue_scheduled_publication(sender, instance, **kwargs):
    if instance.approved_go_live_at is not None:
        moment = instance.approved_go_live_at
        transaction.on_commit(lambda: tasks.queue_publication(moment))


def start_sweeps(**kwargs):
    """Each deployment (which migrates) starts the safety-net sweeps, should none be queued."""
    tasks.queue_sweep()


@receiver(page_published)
def queue_expiry(sender, instance, **kwargs):
    if instance.expire_at is not None:
        moment = instance.expire_at
        transaction.on_commit(lambda: tasks.queue_publication(moment))


@receiver(pre_save, sender=Tag)
def give_every_tag_a_slug(sender, instance, **kwargs):
    """A name with nothing to slugify gets `tag-` and 8 hex digits of its SHA-1: stable, and
    distinct per name (taggit appends `_1`, `_2`… in the unlikely case it is taken)."""
    if not instance.slug:
        digest = hashlib.sha1(instance.name.encode(), usedforsecurity=False).hexdigest()
        instance.slug = f"tag-{digest[:8]}"


@receiver(page_slug_changed)
def drop_redirects_after_slug_change(instance, **kwargs):
    drop_redirects_from_held_addresses(Page.objects.descendant_of(instance, inclusive=True))


@receiver(post_page_move)
def drop_redirects_after_move(instance, url_path_before, url_path_after, **kwargs):
    if url_path_before != url_path_after:  # not a mere reordering among siblings
        drop_redirects_from_held_addresses(Page.objects.descendant_of(instance, inclusive=True))


@receiver(page_published)
def drop_redirects_after_publication(instance, **kwargs):
    drop_redirects_from_held_addresses([instance])


def drop_redirects_from_held_addresses(pages, batch=500):
    """Delete the redirects from the addresses `pages` (an iterable of pages) now have that would
    loop (they point at the page itself) or hide it (automatic ones to another page, where it is
    live). A redirect without a site applies to every site."""
    held = {}  # normalised path -> {site id: the page there}
    # Wagtail keeps the site root paths on the request: one cache read, not one a page.
    request = HttpRequest()
    for page in pages:
        site_id, _root_url, page_path = page.get_url_parts(request) or (None, None, None)
        if page_path:
            held.setdefault(Redirect.normalise_path(page_path), {})[site_id] = page
    paths = sorted(held)
    for start in range(0, len(paths), batch):
        candidates = Redirect.objects.filter(old_path__in=paths[start : start + batch]).only(
            "site_id", "old_path", "redirect_page_id", "automatically_created"
        )
        stale = [
            redirect.pk
            for redirect in candidates
            for site_id, page in held.get(redirect.old_path, {}).items()
            if redirect.site_id in (None, site_id)
            and (
                redirect.redirect_page_id == page.pk
                or (page.live and redirect.automatically_created)
            )
        ]
        if stale:  # a delete collects related rows first, even for no row at all
            Redirect.objects.filter(pk__in=stale).delete()


# The content versions each model's changes move: model → the scopes of one instance.
CONTENT_VERSIONS = {
    ArticlePage: lambda page: (ARTICLES, article_scope(page.pk)),
    # The home page is the site's root page, cached with the site for routing (`site`); a section
    # added or removed changes its child count, which treebeard trusts when listing children.
    SectionPage: lambda page: (SITE, SECTIONS),
    HomePage: lambda page: (SITE, SECTIONS),
    StandardPage: lambda page: (SITE, SECTIONS),
    ArticleAuthor: lambda link: (ARTICLES, article_scope(link.page_id)),
    ArticleCorrection: lambda note: (ARTICLES, article_scope(note.page_id)),
    ArticleTag: lambda link: (ARTICLES, article_scope(link.content_object_id)),
    # Authors, tags and images appear on every article that uses them.
    Author: lambda author: (ARTICLES, AUTHORS),
    Tag: lambda tag: (ARTICLES, TAGS),
    get_image_model(): lambda image: (ARTICLES, IMAGES),
}


def content_changed(sender, instance, **kwargs):
    freshness.bump(*CONTENT_VERSIONS[sender](instance))


# Pages also announce publishing and unpublishing, whether or not their row is saved for it.
for model in CONTENT_VERSIONS:
    for signal in (post_save, post_delete, page_published, page_unpublished):
        signal.connect(content_changed, sender=model)


@receiver(post_page_move)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def tree_changed(sender, instance, **kwargs):
    """A move or a restriction changes the URLs or visibility of every page below it (and a move
    may change the child count of the root page cached with the site)."""
    page_id = getattr(instance, "page_id", instance.pk)
    freshness.bump(SITE, SECTIONS, ARTICLES, article_scope(page_id))


@receiver(pre_save, sender=ArticlePage)
@receiver(pre_save, sender=Author)
@receiver(pre_save, sender=Tag)
def remember_what_showed_it(sender, instance, update_fields=None, **kwargs):
    """Publishing saves the whole page (drafts save a few fields): note what showed the stored
    state, as the change may take the article out of a section, tag or author's pages."""
    if edge.enabled() and instance.pk and update_fields is None:
        before = sender._default_manager.filter(pk=instance.pk).first()
        instance._shown_before = frontend_cache.SHOWN_BEFORE[sender](before) if before else []


@receiver(post_page_move)
@receiver(post_save, sender=Author)
@receiver(post_save, sender=Tag)
def purge_what_shows_it(sender, instance, **kwargs):
    if not edge.enabled():
        return
    instance = specific(instance)
    if type(instance) in frontend_cache.SHOWN_ON:
        frontend_cache.purge_shown(instance, getattr(instance, "_shown_before", ()))


@receiver(pre_page_move)
@receiver(pre_delete, sender=Author)
@receiver(pre_delete, sender=Tag)
def purge_what_showed_it(sender, instance, **kwargs):
    """Withdrawn, moved away or about to go: what shows it now is read before it changes (a
    deleted page is unpublished first)."""
    if not edge.enabled():
        return
    instance = specific(instance)
    if type(instance) not in frontend_cache.SHOWN_ON:
        return
    if isinstance(instance, ArticlePage):
        edge.purge(frontend_cache.article_paths(instance))
    else:
        edge.purge(frontend_cache.SHOWN_ON[type(instance)](instance))


for model in (ArticlePage, SectionPage, HomePage):
    page_published.connect(purge_what_shows_it, sender=model)
    page_unpublished.connect(purge_what_showed_it, sender=model)


def specific(instance):
    """Moves are announced with the base Page; the purges need the article or section."""
    return instance.specific if type(instance) is Page else instance
