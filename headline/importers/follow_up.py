"""The one task that follows an import's publications: search index, reference index and
related lists for every article it published (see `news.follow_up`), instead of three tasks
queued per article."""

from django_tasks import task
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends

from headline.core import freshness
from headline.core import frontend_cache as edge
from headline.news.models import ArticlePage
from headline.related import index as related_index
from headline.related.models import RELATED
from headline.related.tasks import refresh_related
from headline.search.signals import SEARCH_INDEX

CHUNK = 500
# Each refresh is a pass over every stored weight; past a few articles one rebuild costs less.
REFRESH_AT_MOST = 20


@task()
def follow_imported(article_ids: list[int]):
    """Index the articles an import published (ids) for search and references, and bring the
    related lists up to date: what a task per article and receiver would do, in chunks of
    CHUNK articles. Ids of articles deleted since are ignored."""
    ids = sorted(article_ids)
    backends = list(get_search_backends(with_auto_update=True))
    for start in range(0, len(ids), CHUNK):
        articles = list(ArticlePage.get_indexed_objects().filter(pk__in=ids[start : start + CHUNK]))
        for backend in backends:
            backend.add_bulk(ArticlePage, articles)
        for article in articles:
            ReferenceIndex.create_or_update_for_object(article)
    freshness.bump(SEARCH_INDEX)
    if len(ids) <= REFRESH_AT_MOST:
        for article_id in ids:
            refresh_related.call(article_id)
        return
    related_index.rebuild()
    freshness.bump(RELATED)
    if edge.enabled():
        edge.purge([edge.EVERYTHING])
