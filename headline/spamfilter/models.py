"""The site's spam model, stored so that every app process scores with the same weights.

One row per feature the model has ever seen, holding its weight; the bias is the row named
classifier.BIAS. A moderator's decision shifts all of a comment's weights by one amount, which
the manager applies as a single `weight = weight + delta` statement so concurrent decisions from
different processes add up instead of overwriting each other.
"""

from django.db import models, transaction
from django.db.models import F

from .features import MAX_FEATURE


class FeatureWeightQuerySet(models.QuerySet):
    def as_dict(self) -> dict[str, float]:
        """The whole model in one query."""
        return dict(self.values_list("feature", "weight"))

    def shift(self, features: set[str], delta: float) -> None:
        """Add delta to the weight of each feature, creating missing ones at zero first."""
        with transaction.atomic():
            self.bulk_create(
                # Sorted, so concurrent decisions lock shared rows in the same order.
                [FeatureWeight(feature=feature, weight=0.0) for feature in sorted(features)],
                ignore_conflicts=True,
            )
            self.filter(feature__in=features).update(weight=F("weight") + delta)

    def replace_all(self, weights: dict[str, float]) -> None:
        """Swap the stored model for a newly trained one."""
        with transaction.atomic():
            self.all().delete()
            self.bulk_create(
                [FeatureWeight(feature=f, weight=w) for f, w in weights.items()], batch_size=1000
            )


class FeatureWeight(models.Model):
    feature = models.CharField(max_length=MAX_FEATURE, unique=True)
    weight = models.FloatField(default=0.0)

    objects = FeatureWeightQuerySet.as_manager()

    def __str__(self):
        return f"{self.feature}: {self.weight:+.3f}"
