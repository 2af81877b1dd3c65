"""Measuring the classifier on labelled comments it was not trained on.

Reads JSON Lines of labelled comments, trains a fresh in-memory model (never the site's stored
one) and scores the held-out comments, giving the figures that matter for a comment queue:
precision and recall for spam, and the share of good comments wrongly called spam.
"""

import random
import time
from dataclasses import dataclass

from .features import extract
from .training import Example, train


@dataclass(frozen=True)
class Result:
    comments: int
    precision: float
    recall: float
    f1: float
    false_positive_rate: float
    ms_per_comment: float

    @classmethod
    def count(cls, truths: list[bool], calls: list[bool], seconds: float) -> "Result":
        tp = sum(t and c for t, c in zip(truths, calls, strict=True))
        fp = sum(c and not t for t, c in zip(truths, calls, strict=True))
        fn = sum(t and not c for t, c in zip(truths, calls, strict=True))
        hams = len(truths) - sum(truths)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(
            comments=len(truths),
            precision=precision,
            recall=recall,
            f1=f1,
            false_positive_rate=fp / hams if hams else 0.0,
            ms_per_comment=1000 * seconds / len(truths) if truths else 0.0,
        )


def train_and_measure(train_on: list[Example], test: list[Example], threshold: float) -> Result:
    """Train a fresh model and measure it; the time covers feature extraction and scoring."""
    model = train(train_on)
    started = time.perf_counter()
    calls = [model.score(extract(*e.fields)) >= threshold for e in test]
    return Result.count([e.is_spam for e in test], calls, time.perf_counter() - started)


def holdout(examples: list[Example], share: float, seed: int) -> tuple[list, list]:
    """A seeded random split: (train, test) with `share` of the examples in test."""
    shuffled = list(examples)
    random.Random(seed).shuffle(shuffled)
    cut = round(len(shuffled) * share)
    return shuffled[cut:], shuffled[:cut]


def folds(examples: list[Example], k: int, seed: int) -> list[tuple[str, list, list]]:
    """k (name, train, test) splits where every example is tested exactly once."""
    shuffled = list(examples)
    random.Random(seed).shuffle(shuffled)
    parts = [shuffled[i::k] for i in range(k)]
    return [
        (f"fold {i + 1}/{k}", [e for j, part in enumerate(parts) if j != i for e in part], part)
        for i, part in enumerate(parts)
    ]


def by_source(examples: list[Example]) -> list[tuple[str, list, list]]:
    """One (name, train, test) split per source: train on the others, test on that one."""
    sources = sorted({e.source for e in examples})
    return [
        (
            f"held-out source {source}",
            [e for e in examples if e.source != source],
            [e for e in examples if e.source == source],
        )
        for source in sources
    ]
