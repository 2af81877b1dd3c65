"""The spam filter's public API: score a comment, learn from a moderator's decision.

Scoring runs in-process against a copy of the stored model held by each app process. The copy is
tagged with a version token kept in the Django cache; any process that changes the model sets a
new token once its transaction commits, and every process reloads its copy (one query for all
weights) the next time it sees a token it did not load. With a shared cache (Redis) this keeps
all processes in step; with the local-memory cache it is exact within one process.
"""

import threading
import uuid

from django.core.cache import cache
from django.db import transaction

from .classifier import BIAS, DEFAULT_THRESHOLD, MAX_STEPS_PER_DECISION, SpamClassifier
from .features import extract
from .models import FeatureWeight

__all__ = ["DEFAULT_THRESHOLD", "as_percent", "learn", "model_changed", "spam_score", "unlearn"]

VERSION_KEY = "spamfilter:model-version"


class StoredModel:
    """One process's copy of the stored model, reloaded when the version token changes."""

    def __init__(self):
        self._lock = threading.Lock()
        self._version = None
        self._model = SpamClassifier()

    def get(self) -> SpamClassifier:
        # Read the token before the weights: a change committed in between then only causes
        # one extra reload, never a stale model kept under a fresh token.
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
            version = cache.get(VERSION_KEY)
        with self._lock:
            # No token at all means a cache that stores nothing: load every time, never go stale.
            if version is None or self._version != version:
                self._model = SpamClassifier(FeatureWeight.objects.as_dict())
                self._version = version
            return self._model


_stored = StoredModel()


def model_changed() -> None:
    """Tell every process to reload the model once the current transaction commits."""
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None))


def spam_score(text: str, author: str = "", email: str = "", url: str = "") -> float:
    """Probability-like score in 0..1 that the comment is spam; see DEFAULT_THRESHOLD."""
    return _stored.get().score(extract(text, author, email, url))


def as_percent(score: float) -> str:
    """A score in 0..1 as people read it: "99.9 %" (one decimal, a no-break space before "%").

    A score short of 0 or 1 is never rounded to certainty: 0.99991 reads "> 99.9 %", 0.0004
    "< 0.1 %". Raises ValueError for a score outside 0..1.
    """
    if not 0 <= score <= 1:
        raise ValueError(f"a spam score lies in 0..1, not {score!r}")
    shown = f"{score * 100:.1f}"
    if shown == "100.0" and score < 1:
        return "> 99.9\u00a0%"
    if shown == "0.0" and score > 0:
        return "< 0.1\u00a0%"
    return f"{shown}\u00a0%"


def _move(features: set[str], target: float) -> None:
    delta = _stored.get().correction(features, target, max_steps=MAX_STEPS_PER_DECISION)
    if delta:
        FeatureWeight.objects.shift(features | {BIAS}, delta)
        model_changed()


def learn(text: str, author: str = "", email: str = "", url: str = "", *, is_spam: bool) -> None:
    """Train on a moderator's decision: spam (is_spam=True) or approved (False)."""
    _move(extract(text, author, email, url), 1.0 if is_spam else 0.0)


def unlearn(text: str, author: str = "", email: str = "", url: str = "", *, is_spam: bool) -> None:
    """Take back an earlier decision before the moderator reverses it.

    A gradient-trained model cannot subtract one example exactly, so this moves the comment's
    score back towards undecided (0.5) from the side the earlier decision pushed it to; follow
    it with learn() for the new decision.
    """
    features = extract(text, author, email, url)
    score = _stored.get().score(features)
    if (score > 0.5) == is_spam:
        _move(features, 0.5)
