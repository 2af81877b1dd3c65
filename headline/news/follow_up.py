"""The background work that follows an article's publication (search index, related lists),
gathered for a bulk writer instead of queued once per article and receiver.

An import that publishes thousands of articles in one transaction runs inside
`collect_publications()`; the receivers that would queue a task per article (`search.signals`,
`related.signals`) note its id instead, and the writer hands the ids to one task at the end.
"""

from contextlib import contextmanager
from contextvars import ContextVar

_collected = ContextVar("collected_publications", default=None)


@contextmanager
def collect_publications():
    """Yields the set the ids of the articles published inside the block are added to."""
    ids = set()
    token = _collected.set(ids)
    try:
        yield ids
    finally:
        _collected.reset(token)


def collected(article_id):
    """True when a `collect_publications` block took `article_id`: its receiver queues nothing."""
    ids = _collected.get()
    if ids is None:
        return False
    ids.add(article_id)
    return True
