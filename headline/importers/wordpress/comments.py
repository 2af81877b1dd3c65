"""An item's comments: threaded, with status, name, email (private, as every email), website,
IP address and date. Pingbacks and trackbacks are skipped and counted.

Comments are written in bulk, a level of the thread at a time (a reply needs its parent's key),
without the moderation rules or the spam filter: they were moderated on WordPress. Bulk writes
send no signals, so the article's comment versions are moved once at the end (`comments.signals`).
"""

from collections import defaultdict

from headline.comments.models import Comment
from headline.comments.signals import COUNTS, comments_scope
from headline.core import freshness

from ..models import ImportedObject
from . import values

# wp:comment_approved → status; WordPress also writes `post-trashed` for comments of a trashed post.
STATUSES = {
    "1": Comment.Status.APPROVED,
    "approve": Comment.Status.APPROVED,
    "0": Comment.Status.PENDING,
    "hold": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
    "trash": Comment.Status.TRASH,
    "post-trashed": Comment.Status.TRASH,
}
PINGS = {"pingback", "trackback"}
COMMENT_TYPES = {"", "comment"}


def state(comment):
    """What a moderator may change; it differing from what the import left means an edit here."""
    return values.digest(comment.status, comment.name, comment.url, comment.body, comment.email)


def fields(data):
    name = values.text(data.get("wp:comment_author"), 100) or "Anonymous"
    return {
        "name": name,
        "email": values.text(data.get("wp:comment_author_email"), 254),
        "url": values.url(data.get("wp:comment_author_url")),
        "body": values.text(data.get("wp:comment_content")),
        "status": STATUSES.get(data.get("wp:comment_approved", "").strip(), "pending"),
        "ip_address": values.ip(data.get("wp:comment_author_IP")),
        "created_at": values.moment(data.get("wp:comment_date_gmt"), data.get("wp:comment_date")),
    }


def import_comments(importer, item, article):
    """Import `item.comments` onto `article` (an ArticlePage); counts go to the report."""
    report, key = importer.report, importer.key
    mapped = {
        row.wp_id: row
        for row in ImportedObject.objects.filter(
            **key,
            kind=ImportedObject.Kind.COMMENT,
            wp_id__in=[c.get("wp:comment_id") for c in item.comments],
        )
    }
    existing = Comment.objects.in_bulk([row.object_id for row in mapped.values()])
    children = defaultdict(list)  # WordPress parent ID → comment data
    ids = set()
    for data in item.comments:
        wp_id = data.get("wp:comment_id", "").strip()
        kind = data.get("wp:comment_type", "").strip()
        if kind in PINGS:
            report.count("pingback", "skipped")
            continue
        if kind not in COMMENT_TYPES:
            report.skip("comment", wp_id, item.get("title"), f"a “{kind}” note, not a comment")
            continue
        if not wp_id or wp_id in ids:
            report.skip("comment", wp_id, item.get("title"), "no ID, or an ID given twice")
            continue
        ids.add(wp_id)
        children[data.get("wp:comment_parent", "0").strip() or "0"].append(data)
    # Replies to a comment that is not in the export (or was skipped) start a thread of their own.
    roots = [
        d for parent, group in children.items() if parent == "0" or parent not in ids for d in group
    ]
    level, parents, fingerprints = (
        roots,
        {},
        set(Comment.objects.filter(article=article).values_list("fingerprint", flat=True)),
    )
    changed = False
    while level:
        new, rows, saved = [], [], []
        for data in level:
            wp_id = data["wp:comment_id"].strip()
            parent = parents.get(data.get("wp:comment_parent", "0").strip())
            source = values.digest(data)
            row = mapped.get(wp_id)
            comment = existing.get(row.object_id) if row else None
            attrs = fields(data)
            if comment is not None:
                if row.source_digest == source:
                    report.count("comment", "unchanged")
                elif row.state != state(comment) and not importer.overwrite:
                    report.skip("comment", wp_id, item.get("title"), importer.EDITED)
                else:
                    for name, value in attrs.items():
                        setattr(comment, name, value)
                    comment.save()
                    row.source_digest, row.state = source, state(comment)
                    row.save(update_fields=["source_digest", "state"])
                    report.count("comment", "updated")
                    changed = True
                parents[wp_id] = comment
                continue
            comment = Comment(
                article=article, parent=parent, depth=(parent.depth + 1) if parent else 1, **attrs
            )
            if not comment.created_at:
                comment.created_at = article.published_at or article.first_published_at
            comment.fingerprint = comment.compute_fingerprint()
            if comment.fingerprint in fingerprints:
                report.skip(
                    "comment",
                    wp_id,
                    item.get("title"),
                    "the same text from the same address is already on this article",
                )
                continue
            fingerprints.add(comment.fingerprint)
            new.append(comment)
            saved.append((wp_id, source))
            parents[wp_id] = comment
        Comment.objects.bulk_create(new)
        for comment, (wp_id, source) in zip(new, saved, strict=True):
            rows.append(
                importer.mapping(
                    ImportedObject.Kind.COMMENT, wp_id, comment, source, state(comment)
                )
            )
        ImportedObject.objects.bulk_create(rows)
        report.count("comment", "created", len(new))
        changed = changed or bool(new)
        level = [
            d
            for wp_id in [d["wp:comment_id"].strip() for d in level]
            for d in children.get(wp_id, [])
        ]
    if changed:
        freshness.bump(comments_scope(article.pk), COUNTS)
