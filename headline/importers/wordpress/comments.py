"""A post's or a page's comments (an article's or a standard page's in Headline): threaded, with status, name, email (private, as every email), website,
IP address and date. Pingbacks and trackbacks are skipped and counted.

Comments are written in bulk, a level of the threads of many pages at a time (a reply needs
its parent's key), without the moderation rules or the spam filter: they were moderated on
WordPress. Bulk writes send no signals, so the pages' comment versions are moved once at the
end (`comments.signals`).
"""

from collections import defaultdict

from headline.comments.models import Comment
from headline.comments.signals import COUNTS, comments_scope
from headline.core import freshness

from ..models import ImportedObject
from . import values
from .content.plain import comment_text

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
        "body": values.text(comment_text(data.get("wp:comment_content"))),
        "status": STATUSES.get(data.get("wp:comment_approved", "").strip(), "pending"),
        "ip_address": values.ip(data.get("wp:comment_author_IP")),
        "created_at": values.moment(data.get("wp:comment_date_gmt"), data.get("wp:comment_date")),
    }


def import_comments(importer, threads):
    """Import the comments of each `(item, page)` of `threads` (page: an ArticlePage or a
    StandardPage, both stored as the comment's `article`),
    a level of every thread at a time; counts go to the report. Items that share a comment ID
    (an item given twice) go in separate rounds, so the later finds the earlier's record."""
    rounds, taken = [[]], set()
    for item, article in threads:
        ids = {data.get("wp:comment_id", "").strip() for data in item.comments} - {""}
        if ids & taken:
            rounds.append([])
            taken = set()
        rounds[-1].append((item, article))
        taken |= ids
    for batch in rounds:
        import_round(importer, batch)


def import_round(importer, threads):
    report, key = importer.report, importer.key
    mapped = {
        row.wp_id: row
        for row in ImportedObject.objects.filter(
            **key,
            kind=ImportedObject.Kind.COMMENT,
            wp_id__in=[c.get("wp:comment_id") for item, _ in threads for c in item.comments],
        )
    }
    existing = Comment.objects.in_bulk([row.object_id for row in mapped.values()])
    fingerprints = defaultdict(set)  # article ID → fingerprints of its comments
    for article_id, fingerprint in Comment.objects.filter(
        article__in=[article for _, article in threads]
    ).values_list("article_id", "fingerprint"):
        fingerprints[article_id].add(fingerprint)
    level, children, changed = [], {}, set()
    for item, article in threads:
        thread = defaultdict(list)  # WordPress parent ID → comment data
        ids = set()
        for data in item.comments:
            wp_id = data.get("wp:comment_id", "").strip()
            kind = data.get("wp:comment_type", "").strip()
            if kind in PINGS:
                report.skip_kind("pingback")
                continue
            if kind not in COMMENT_TYPES:
                report.skip("comment", wp_id, item.get("title"), f"a “{kind}” note, not a comment")
                continue
            if not wp_id or wp_id in ids:
                report.skip("comment", wp_id, item.get("title"), "no ID, or an ID given twice")
                continue
            ids.add(wp_id)
            thread[data.get("wp:comment_parent", "0").strip() or "0"].append(data)
        # Replies to a comment that is not in the export (or was skipped) start a thread of their own.
        level += [
            (item, article, None, d)
            for parent, group in thread.items()
            if parent == "0" or parent not in ids
            for d in group
        ]
        children[article.pk] = thread
    while level:
        new, saved, replies = [], [], []
        for item, article, parent, data in level:
            wp_id = data["wp:comment_id"].strip()
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
                    changed.add(article.pk)
            else:
                comment = Comment(
                    article=article,
                    parent=parent,
                    depth=(parent.depth + 1) if parent else 1,
                    **attrs,
                )
                if not comment.created_at:
                    comment.created_at = article.publication_date
                comment.fingerprint = comment.compute_fingerprint()
                if comment.fingerprint in fingerprints[article.pk]:
                    report.skip(
                        "comment",
                        wp_id,
                        item.get("title"),
                        "the same text from the same address is already on this page",
                    )
                    comment = None  # its replies start threads of their own
                else:
                    fingerprints[article.pk].add(comment.fingerprint)
                    new.append(comment)
                    saved.append((wp_id, source))
                    changed.add(article.pk)
            replies += [(item, article, comment, d) for d in children[article.pk].get(wp_id, [])]
        Comment.objects.bulk_create(new)
        ImportedObject.objects.bulk_create(
            importer.mapping(ImportedObject.Kind.COMMENT, wp_id, comment, source, state(comment))
            for comment, (wp_id, source) in zip(new, saved, strict=True)
        )
        report.count("comment", "created", len(new))
        report.comment_statuses.update(comment.status for comment in new)
        level = replies
    if changed:
        freshness.bump(*(comments_scope(pk) for pk in changed), COUNTS)
