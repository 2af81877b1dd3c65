"""Which comments the public may see, decided in one place.

`approved()` is the only definition of public visibility: the article page, the comment counts
on cards (registered as a news card annotation in `apps.py`) and the comment feed go through it.
A comment is public when a moderator or the rules approved it and its page (an article or a
standard page) is itself published.
"""

from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """Comments every reader may see.

        The page's visibility (live, under no view restriction: what `published()` means for
        articles and standard pages) is read from each comment's own page row, so the cost
        follows the comments asked for; a test against every published page of the archive
        grew with it (the 100-comment thread: 5 ms at 2,000 articles, 30 ms at 20,000).
        """
        from headline.news.models import cached_restricted_paths

        restricted = Q()
        for path in cached_restricted_paths():
            restricted |= Q(article__path__startswith=path)
        approved = self.filter(status=self.model.Status.APPROVED, article__live=True)
        return approved.exclude(restricted) if restricted else approved

    def in_moderation(self):
        """Comments waiting for a moderator."""
        return self.filter(status=self.model.Status.PENDING)

    def by_email(self, email):
        return self.filter(email__iexact=email.strip())

    def count_by_status(self):
        """{status: number of comments} for the statuses present, in one query."""
        rows = self.order_by().values_list("status").annotate(n=Count("pk"))
        return dict(rows)


def approved_count_subquery():
    """An annotation with each article's public comment count, for listing querysets."""
    from .models import Comment

    counts = (
        Comment.objects.approved()
        .filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), 0)
