"""Signals other apps listen to when comments change what readers see.

A page cache (or a comment feed) must refresh an article, or a standard page, when its public
comments change; these two signals are the hooks for that. Both are sent with `sender=Comment` and
keyword arguments `comment` and `article` (the page commented on: an ArticlePage or a
StandardPage, or the plain wagtail Page of one; `.specific` gives its type), after the change is
saved.

- `comment_approved`: a comment became public (approved by the rules when posted, or by a
  moderator later), or a public comment was edited by a moderator.
- `comment_withdrawn`: a public comment stopped being public (marked spam, trashed, deleted or
  erased at its author's request).

Front-end caches (Varnish, a CDN) drop the article, its comment feed and the listings whose cards
count its comments when either signal is sent (a standard page: only its own address; it has no
card and no comment feed), and every page when the comment rules change
(see `headline.news.frontend_cache`).

Every save or delete of a comment also moves the article's `comments:<article pk>` content version
(see `headline.core.freshness`), whatever changed: text, name, status or place in the thread; a
change to the comment settings or to any section's or article's comment policy moves
`comment-policy` (closing time and reply depth shape the thread and the form); saving or deleting
an approved comment, and `comment_withdrawn`, move `comment-counts` (the counts cards show).
Code that changes comments with `QuerySet.update()` or `bulk_update()` (no signals) must bump it
itself; the only such paths today (`privacy.erase`, `privacy.purge_ip_addresses`) change the
thread only together with deletes in the same articles, or nothing public.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import Signal, receiver

from headline.core import freshness
from headline.core import frontend_cache as edge
from headline.news import frontend_cache
from headline.news.models import ArticlePage

from .models import COMMENTABLE

comment_approved = Signal()
comment_withdrawn = Signal()

POLICY = "comment-policy"
# Every article's public comment count, which listing cards show.
COUNTS = "comment-counts"
freshness.READ_AHEAD.update((POLICY, COUNTS))


def comments_scope(article_pk):
    """The content version of one article's comments."""
    return f"comments:{article_pk}"


@receiver(pre_save, sender="comments.Comment")
def note_if_leaving_public(sender, instance, **kwargs):
    """A stored public comment saved with another status (by any path, the admin's edit view
    too, not only the moderation actions that send `comment_withdrawn`) leaves the counts: one
    query, only for saves of comments that are not public now."""
    instance._leaves_public = bool(
        instance.pk is not None
        and instance.status != instance.Status.APPROVED
        and sender.objects.filter(pk=instance.pk, status=instance.Status.APPROVED).exists()
    )


@receiver(post_save, sender="comments.Comment")
@receiver(post_delete, sender="comments.Comment")
def comments_changed(sender, instance, **kwargs):
    # A public comment saved or deleted, or one leaving the public, changes its article's count.
    counted = instance.status == instance.Status.APPROVED or instance.__dict__.pop(
        "_leaves_public", False
    )
    freshness.bump(comments_scope(instance.article_id), *([COUNTS] if counted else []))


@receiver(comment_withdrawn)
def public_count_changed(**kwargs):
    freshness.bump(COUNTS)


@receiver(post_save, sender="comments.CommentSettings")
@receiver(post_delete, sender="comments.CommentSettings")
@receiver(post_save, sender="comments.CommentPolicy")
@receiver(post_delete, sender="comments.CommentPolicy")
def policy_changed(**kwargs):
    freshness.bump(POLICY)


@receiver(post_delete, sender="comments.Comment")
def withdraw_deleted(sender, instance, **kwargs):
    """Deleting a public comment (in the admin, or on erasure) changes its article's page too."""
    if instance.status == instance.Status.APPROVED:
        # The page is gone too when its own deletion cascaded here; listeners then get None. Read
        # as its own type (an article first): a plain Page row may outlive its article's row.
        pages = (model.objects.filter(pk=instance.article_id).first() for model in COMMENTABLE)
        page = next((page for page in pages if page is not None), None)
        comment_withdrawn.send(sender, comment=instance, article=page)


def comment_feed_paths(article):
    """The article's comment feed, below its own address."""
    own = frontend_cache.page_path(article)
    return [own + "comments/feed/"] if own else []


@receiver(post_save, sender="comments.CommentSettings")
@receiver(post_save, sender="comments.CommentPolicy")
@receiver(post_delete, sender="comments.CommentPolicy")
def purge_every_article(**kwargs):
    """The rules decide whether an article shows the comment form (closing after N days, a
    section's policy): any article may change."""
    if edge.enabled():
        edge.purge([edge.EVERYTHING])


@receiver(comment_approved)
@receiver(comment_withdrawn)
def purge_article(sender, comment, article, **kwargs):
    if edge.enabled() and article is not None:
        article = article.specific  # a comment's page is read as a plain wagtail Page
        own = frontend_cache.page_path(article)
        paths = []
        if isinstance(article, ArticlePage):  # only articles have cards and a comment feed
            paths = frontend_cache.listing_paths(article) + comment_feed_paths(article)
        edge.purge(paths + ([own] if own else []))
