"""Offline measurement of the engine on labelled news, next to a plain TF-IDF baseline.

A recommendation is relevant when it reports the query's story (files with `story` ids) or else
shares its section. Both systems rank the same articles in the same run, so their precision@k and
nDCG@k compare like for like; nothing here touches the site's database.
"""

import json
import math
import time
from datetime import date, datetime

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from .engine import Document, Index, day_number, term_weights


def read_articles(path):
    """Documents and their relevance labels from a JSON Lines file."""
    records = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                records.append(json.loads(line))
    by_story = any(record.get("story") for record in records)
    labels = [record.get("story" if by_story else "section") for record in records]
    documents = [
        Document(
            id=record["id"],
            title=record.get("title") or "",
            body=record.get("body") or "",
            day=day_number(_parse_date(record.get("published"))),
            sections=(record["section"],) if record.get("section") else (),
        )
        for record in records
    ]
    return documents, labels


def _parse_date(value):
    if not value:
        return None
    if len(value) <= 10:
        return date.fromisoformat(value)
    return datetime.fromisoformat(value)


def engine_rankings(documents, k):
    index = Index.of(term_weights(documents))
    return [[doc_id for doc_id, _ in ranked] for ranked in index.related(k=k)]


def baseline_rankings(documents, k):
    """TF-IDF cosine over title + body: unigrams, sublinear tf, English stop words."""
    texts = [f"{doc.title}\n\n{doc.body}" for doc in documents]
    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    rankings = []
    for start in range(0, len(documents), 512):
        scores = (vectors[start : start + 512] @ vectors.T).toarray()
        for row, row_scores in enumerate(scores):
            row_scores[start + row] = -np.inf
            best = np.argsort(-row_scores, kind="stable")[:k]
            rankings.append([documents[i].id for i in best])
    return rankings


def precision_and_ndcg(rankings, documents, labels, k):
    """Mean precision@k (missing places count as misses) and binary-relevance nDCG@k."""
    label_of = {doc.id: label for doc, label in zip(documents, labels, strict=True)}
    sizes = {}
    for label in labels:
        sizes[label] = sizes.get(label, 0) + 1
    precision = ndcg = 0.0
    for label, ranked in zip(labels, rankings, strict=True):
        gains = [1.0 if label is not None and label_of[i] == label else 0.0 for i in ranked[:k]]
        precision += sum(gains) / k
        dcg = sum(gain / math.log2(place + 2) for place, gain in enumerate(gains))
        reachable = min(k, sizes[label] - 1) if label is not None else 0
        ideal = sum(1 / math.log2(place + 2) for place in range(reachable))
        ndcg += dcg / ideal if ideal else 0.0
    count = len(documents) or 1
    return precision / count, ndcg / count


def evaluate(path, k=5):
    """The summary `related_eval` prints: engine and baseline figures and the seconds taken."""
    started = time.perf_counter()
    documents, labels = read_articles(path)
    summary = {"k": k, "articles": len(documents)}
    for name, rank in (("engine", engine_rankings), ("baseline", baseline_rankings)):
        precision, ndcg = precision_and_ndcg(rank(documents, k), documents, labels, k)
        summary[name] = {"precision_at_k": round(precision, 4), "ndcg_at_k": round(ndcg, 4)}
    summary["seconds"] = round(time.perf_counter() - started, 2)
    return {key: summary[key] for key in ("k", "articles", "seconds", "engine", "baseline")}
