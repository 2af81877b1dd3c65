"""A commenter's right to their data: export it, erase it, and forget IP addresses in time.

The same three functions serve staff (admin view, management commands) and commenters (the
emailed self-service link), so every path exports and erases exactly the same things. Erasing
deletes the commenter's comments; other people's replies to them move up a level, so a
conversation loses a voice but not its other participants.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import Comment


def export(email):
    """Everything stored about the comments written from `email`, as JSON-ready data."""
    comments = Comment.objects.by_email(email).select_related("article").order_by("created_at")
    return {
        "email": email.strip().lower(),
        "comments": [
            {
                "id": comment.pk,
                "article": comment.article.title,
                "article_url": comment.article.url,
                "in_reply_to": comment.parent_id,
                "name": comment.name,
                "email": comment.email,
                "website": comment.url,
                "comment": comment.body,
                "status": comment.status,
                "created_at": comment.created_at.isoformat(),
                "ip_address": comment.ip_address,
                "reply_notifications": comment.notify_replies,
            }
            for comment in comments
        ],
    }


@transaction.atomic
def erase(email):
    """Delete the comments written from `email`; returns how many were deleted."""
    mine = list(Comment.objects.by_email(email).order_by("-depth"))
    # Deepest first: a reply moved up from one of these may move up again with its new parent.
    for comment in mine:
        Comment.objects.filter(parent=comment).update(parent=comment.parent_id)
        comment.delete()
    for article_id in {comment.article_id for comment in mine}:
        _renumber_depths(article_id)
    return len(mine)


def _renumber_depths(article_id):
    comments = list(Comment.objects.filter(article=article_id).order_by("created_at", "pk"))
    by_id = {comment.pk: comment for comment in comments}
    changed = []
    for comment in comments:  # parents are always older than their replies
        parent = by_id.get(comment.parent_id)
        depth = parent.depth + 1 if parent else 1
        if depth != comment.depth:
            comment.depth = depth
            changed.append(comment)
    Comment.objects.bulk_update(changed, ["depth"])


def purge_ip_addresses(days):
    """Forget the IP addresses of comments older than `days`; returns how many were cleared."""
    cutoff = timezone.now() - timedelta(days=days)
    return Comment.objects.filter(created_at__lt=cutoff, ip_address__isnull=False).update(
        ip_address=None
    )
