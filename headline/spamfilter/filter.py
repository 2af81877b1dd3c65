"""The spam filter's public API, used by the comments app.

Placeholder while the learning classifier is built: scores by counting links, so callers can
wire themselves to the final signatures now.
"""

import re

DEFAULT_THRESHOLD = 0.9

_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


def spam_score(text: str, author: str = "", email: str = "", url: str = "") -> float:
    """Probability-like score in 0..1 that the comment is spam."""
    links = len(_LINK.findall(text)) + (1 if url else 0)
    return min(1.0, 0.3 * links)


def learn(text: str, author: str = "", email: str = "", url: str = "", *, is_spam: bool) -> None:
    """Record a moderator's decision (a no-op until the model is stored)."""


def unlearn(text: str, author: str = "", email: str = "", url: str = "", *, is_spam: bool) -> None:
    """Undo an earlier learn() when a moderator reverses a decision."""
