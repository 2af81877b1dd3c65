"""Between the site's articles and the engine: full rebuilds and one-article updates.

A rebuild reads every published article, stores its term weights (`ArticleTerms`) and its list
(`RelatedArticle`). An update after a publish re-reads only that article: the others come from
their stored weights, so it costs one pass over compact arrays, not over article bodies. Because
the score is symmetric, the lists the changed article should enter are exactly those whose weakest
entry it now beats, and the lists it may leave are those that hold it; only these are recomputed.
"""

import html
import re
from collections import defaultdict

import numpy as np
from django.db import transaction
from django.db.models import Count, Min

from headline.news.models import ArticlePage, ArticleTag, SectionPage

from .engine import MAX_RELATED, MIN_SCORE, Document, Index, day_number, term_weights
from .models import ArticleTerms, RelatedArticle

WRITE_BATCH = 2000
# Rich text from the editor is well-formed, so dropping tags by pattern is enough for counting
# words, and many times faster than an HTML parser over a whole archive.
TAG = re.compile(r"<[^>]*>")


def body_text(body):
    """The words of an article body: paragraphs, subheadings, quotes, lists and captions."""
    parts = []
    for block in body.raw_data:
        value = block.get("value")
        kind = block.get("type")
        if kind == "paragraph":
            parts.append(html.unescape(TAG.sub(" ", value)))
        elif kind == "subheading":
            parts.append(value)
        elif kind == "quote":
            parts.append(value.get("text", ""))
        elif kind == "list":
            parts.extend(
                item["value"] if isinstance(item, dict) else item for item in value["items"]
            )
        elif kind == "image":
            parts.append(value.get("caption", ""))
    return "\n\n".join(part for part in parts if part)


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
                body=body_text(article.body),
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


def _write_lists(index, rows, results):
    ids = [index.ids[row] for row in rows]
    RelatedArticle.objects.filter(article_id__in=ids).delete()
    RelatedArticle.objects.bulk_create(
        (
            RelatedArticle(article_id=article_id, related_id=related_id, rank=rank, score=score)
            for article_id, ranked in zip(ids, results, strict=True)
            for rank, (related_id, score) in enumerate(ranked, start=1)
        ),
        batch_size=WRITE_BATCH,
    )


def rebuild(progress=None):
    """Recompute every stored list from scratch; returns the number of articles indexed."""
    documents = article_documents(ArticlePage.objects.published().order_by("pk"))
    index = Index.of(documents)
    results = index.related(progress=progress)
    with transaction.atomic():
        ArticleTerms.objects.all().delete()
        ArticleTerms.objects.bulk_create(
            (ArticleTerms.from_document(doc) for doc in documents), batch_size=WRITE_BATCH
        )
        RelatedArticle.objects.all().delete()
        _write_lists(index, range(len(index)), results)
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
        _write_lists(index, rows, index.related(rows=rows))
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
