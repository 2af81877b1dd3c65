"""Signals other apps listen to when comments change what readers see.

A page cache (or a comment feed) must refresh an article when its public comments change; these
two signals are the hooks for that. Both are sent with `sender=Comment` and keyword arguments
`comment` and `article` (the ArticlePage), after the change is saved.

- `comment_approved`: a comment became public (approved by the rules when posted, or by a
  moderator later), or a public comment was edited by a moderator.
- `comment_withdrawn`: a public comment stopped being public (marked spam, trashed, deleted or
  erased at its author's request).
"""

from django.db.models.signals import post_delete
from django.dispatch import Signal, receiver

comment_approved = Signal()
comment_withdrawn = Signal()


@receiver(post_delete, sender="comments.Comment")
def withdraw_deleted(sender, instance, **kwargs):
    """Deleting a public comment (in the admin, or on erasure) changes its article's page too."""
    if instance.status == instance.Status.APPROVED:
        # The article is gone too when its own deletion cascaded here; listeners then get None.
        article = type(instance).article.field.related_model.objects.filter(pk=instance.article_id)
        comment_withdrawn.send(sender, comment=instance, article=article.first())
