"""Between the site's articles and the engine: full rebuilds and one-article updates.

A rebuild reads every published article a chunk at a time, keeping only its compact term
weights (the bodies are dropped as it goes, so memory does not grow with their length), then
stores the weights (`ArticleTerms`) and every list (`RelatedArticle`) in batched inserts. An update after a publish re-reads only that article: the others come from
their stored weights, so it costs one pass over compact arrays, not over article bodies. Because
the score is symmetric, the lists the changed article should enter are exactly those whose weakest
entry it now beats, and the lists it may leave are those that hold it; only these are recomputed,
each by scoring every article against it (exact, where a full rebuild scores only candidates).
"""

from collections import defaultdict

import numpy as np
from django.db import transaction
from django.db.models import Count, Min

from headline.news.models import ArticlePage, ArticleTag, SectionPage

from .engine import MAX_RELATED, MIN_SCORE, Document, Index, day_number, term_weights
from .models import ArticleTerms, RelatedArticle

WRITE_BATCH = 2000
# Articles read (and their bodies held) at a time during a rebuild.
READ_BATCH = 2000


def article_documents(articles):
    """Engine documents, with term weights, for a queryset of articles."""
    articles = list(
        articles.only(
            "title",
            "standfirst",
            "body",
            "path",
            "published_at",
            "first_published_at",
            "go_live_at",
        )
    )
    ids = [article.pk for article in articles]
    section_by_path = dict(SectionPage.objects.values_list("path", "pk"))
    sections = defaultdict(set)
    for article_id, section_id in ArticlePage.extra_sections.through.objects.filter(
        articlepage_id__in=ids
    ).values_list("articlepage_id", "sectionpage_id"):
        sections[article_id].add(section_id)
    tags = defaultdict(set)
    for article_id, tag_id in ArticleTag.objects.filter(content_object_id__in=ids).values_list(
        "content_object_id", "tag_id"
    ):
        tags[article_id].add(tag_id)
    documents = []
    for article in articles:
        home_section = section_by_path.get(article.path[: -ArticlePage.steplen])
        documents.append(
            Document(
                id=article.pk,
                title=article.title,
                standfirst=article.standfirst,
                body=article.body_text(),
                day=day_number(article.publication_date),
                sections=tuple(sorted(sections[article.pk] | {home_section} - {None})),
                tags=tuple(sorted(tags[article.pk])),
            )
        )
    return term_weights(documents)


def stored_index(exclude=()):
    """An index of every published article from their stored weights (no bodies read)."""
    rows = (
        ArticleTerms.objects.filter(article_id__in=ArticlePage.objects.published().values("pk"))
        .exclude(article_id__in=exclude)
        .order_by("pk")
        .values_list(*ArticleTerms.COLUMNS)
    )
    columns = list(zip(*rows, strict=True)) or [()] * len(ArticleTerms.COLUMNS)
    return Index(*columns)


def _bulk_create(model, rows):
    """Insert in batches without holding every instance at once (bulk_create lists its input)."""
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == WRITE_BATCH:
            model.objects.bulk_create(batch)
            batch = []
    model.objects.bulk_create(batch)


def _write_lists(index, rows, results, replace=True):
    ids = [index.ids[row] for row in rows]
    if replace:
        RelatedArticle.objects.filter(article_id__in=ids).delete()
    _bulk_create(
        RelatedArticle,
        (
            RelatedArticle(article_id=article_id, related_id=related_id, rank=rank, score=score)
            for article_id, ranked in zip(ids, results, strict=True)
            for rank, (related_id, score) in enumerate(ranked, start=1)
        ),
    )


def read_archive():
    """Term weights of every published article: `ArticleTerms.COLUMNS` lists, in pk order."""
    ids = list(ArticlePage.objects.published().order_by("pk").values_list("pk", flat=True))
    columns = [[] for _ in ArticleTerms.COLUMNS]
    for start in range(0, len(ids), READ_BATCH):
        chunk = ArticlePage.objects.filter(pk__in=ids[start : start + READ_BATCH]).order_by("pk")
        for document in article_documents(chunk):
            row = ArticleTerms.from_document(document)
            for column, name in zip(columns, ArticleTerms.COLUMNS, strict=True):
                column.append(getattr(row, name))
    return columns


def store(columns, index, results):
    """Replace every stored weight and list with a rebuild's, in one transaction."""
    with transaction.atomic():
        ArticleTerms.objects.all().delete()
        _bulk_create(
            ArticleTerms,
            (
                ArticleTerms(**dict(zip(ArticleTerms.COLUMNS, row, strict=True)))
                for row in zip(*columns, strict=True)
            ),
        )
        RelatedArticle.objects.all().delete()
        _write_lists(index, range(len(index)), results, replace=False)


def rebuild(progress=None):
    """Recompute every stored list from scratch; returns the number of articles indexed."""
    columns = read_archive()
    index = Index(*columns)
    store(columns, index, index.related(progress=progress))
    return len(index)


def refresh(article_id, withdrawn=False, listed_by=()):
    """Bring the stored lists up to date after one article was published, changed or withdrawn.

    `withdrawn` says the article is leaving the site even if the database still shows it live
    (Wagtail unpublishes a page being deleted without saving it); `listed_by` names the lists
    that held it, for when the caller saw them before they were deleted.
    """
    visible = not withdrawn and ArticlePage.objects.published().filter(pk=article_id).exists()
    listed_by = set(listed_by) | set(
        RelatedArticle.objects.filter(related_id=article_id).values_list("article_id", flat=True)
    )
    with transaction.atomic():
        if visible:
            (document,) = article_documents(ArticlePage.objects.filter(pk=article_id))
            ArticleTerms.objects.filter(article_id=article_id).delete()
            ArticleTerms.from_document(document).save()
        else:
            ArticleTerms.objects.filter(article_id=article_id).delete()
            RelatedArticle.objects.filter(article_id=article_id).delete()
            RelatedArticle.objects.filter(related_id=article_id).delete()
        index = stored_index(exclude=[] if visible else [article_id])
        affected = {index.position[i] for i in listed_by if i in index.position}
        if visible:
            row = index.position[article_id]
            affected.add(row)
            affected.update(_lists_to_enter(index, row))
        rows = sorted(affected)
        _write_lists(index, rows, index.related_exhaustively(rows))
    return [index.ids[row] for row in rows]


def _lists_to_enter(index, row):
    """Rows whose stored list the article at `row` now deserves a place in."""
    scores = index.score([row])[0]
    scores[row] = -1.0
    candidates = np.flatnonzero(scores >= MIN_SCORE)
    if not len(candidates):
        return []
    weakest = {
        entry["article_id"]: (entry["entries"], entry["lowest"])
        for entry in RelatedArticle.objects.values("article_id")
        .annotate(entries=Count("pk"), lowest=Min("score"))
        .order_by()
    }
    enter = []
    for c in candidates:
        entries, lowest = weakest.get(index.ids[c], (0, 0.0))
        if entries < MAX_RELATED or scores[c] > lowest:
            enter.append(c)
    return enter
