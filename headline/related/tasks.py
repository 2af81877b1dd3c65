"""Background work: keep the stored related lists current after a publish or withdrawal."""

from django_tasks import task

from headline.core import freshness
from headline.core import frontend_cache as edge
from headline.news import frontend_cache
from headline.news.models import ArticlePage

from . import index
from .models import RELATED


@task()
def refresh_related(article_id: int, withdrawn: bool = False, listed_by: list[int] = ()):
    """Recompute the changed article's list and the lists it enters or leaves, then purge the
    pages of the articles whose list changed from front-end caches. Returns their ids."""
    changed = index.refresh(article_id, withdrawn=withdrawn, listed_by=listed_by)
    freshness.bump(RELATED)
    if edge.enabled():
        pages = ArticlePage.objects.published().filter(pk__in=changed)
        edge.purge([path for page in pages if (path := frontend_cache.page_path(page))])
    return changed
