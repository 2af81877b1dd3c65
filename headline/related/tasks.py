"""Background work: keep the stored related lists current after a publish or withdrawal."""

from django_tasks import task

from headline.core import freshness

from . import index
from .models import RELATED


@task()
def refresh_related(article_id: int, withdrawn: bool = False, listed_by: list[int] = ()):
    """Recompute the changed article's list and the lists it enters or leaves."""
    changed = index.refresh(article_id, withdrawn=withdrawn, listed_by=listed_by)
    freshness.bump(RELATED)
    return changed
