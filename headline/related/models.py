"""What the related-articles box reads and what the engine keeps between updates.

`RelatedPin` is the editor's choice (part of the article, so it follows revisions and publishing);
`RelatedArticle` is the engine's stored list, so the box never computes anything at render time;
`ArticleTerms` keeps each published article's hashed term weights and the facts the score uses, so
one publish re-scores against the archive without re-reading every article body.
"""

import numpy as np
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from headline.core import freshness

from .engine import pack

# The content version (see `headline.core.freshness`) of the stored lists: moved whenever the
# engine rewrites any of them, so the cached boxes that show them are made again.
RELATED = "related"
freshness.READ_AHEAD.add(RELATED)


class RelatedPin(Orderable):
    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="related_pins")
    article = models.ForeignKey(
        "news.ArticlePage",
        on_delete=models.CASCADE,
        related_name="pinned_on",
        verbose_name="related article",
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = "pinned related article"
        constraints = [
            models.UniqueConstraint(fields=["page", "article"], name="related_pin_once"),
        ]


class RelatedArticle(models.Model):
    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="related_links"
    )
    related = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="related_from"
    )
    rank = models.PositiveSmallIntegerField()
    score = models.FloatField()

    class Meta:
        ordering = ["article", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["article", "related"], name="related_once"),
        ]

    def __str__(self):
        return f"{self.article_id} → {self.related_id} (#{self.rank})"


class ArticleTerms(models.Model):
    article = models.OneToOneField(
        "news.ArticlePage", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    terms = models.BinaryField(help_text="Hashed term ids, int32.")
    weights = models.BinaryField(help_text="Log term frequencies, float32.")
    day = models.FloatField(help_text="Publication time in days since the epoch.")
    sections = models.BinaryField(help_text="Section page ids, int64.")
    tags = models.BinaryField(help_text="Tag ids, int64.")

    # The engine's Index columns, in its argument order.
    COLUMNS = ("article_id", "day", "terms", "weights", "sections", "tags")

    class Meta:
        verbose_name_plural = "article terms"

    def __str__(self):
        return f"terms of {self.article_id}"

    @classmethod
    def from_document(cls, document):
        return cls(
            article_id=document.id,
            terms=document.terms.tobytes(),
            weights=document.weights.tobytes(),
            day=document.day,
            sections=pack(document.sections, np.int64),
            tags=pack(document.tags, np.int64),
        )
