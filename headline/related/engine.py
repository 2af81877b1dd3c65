"""The related-articles engine: pure numpy/scipy/scikit-learn, no Django, so that
`related_eval` measures exactly the code the site runs.

An article becomes a `Document`; `term_weights` turns its fields into hashed term weights
(a headline word counts half again a body word, then log-scaled term frequency), which is what the site stores per
article. An `Index` over many documents derives IDF from the documents it holds, so weights never
go stale, and `Index.related` scores candidates for a batch of queries (see `score` below).
"""

import math
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

# How much one word of each field weighs against one word of the body.
FIELD_WEIGHTS = {"title": 1.5, "standfirst": 1.25, "body": 1.0}
# A shared section or tag multiplies text similarity by up to these bonuses.
SECTION_BONUS = 0.2
TAG_BONUS = 0.3
# Recency: similarity is multiplied by RECENCY_FLOOR + (1 - floor) * 2^(-days apart / half-life),
# so a five-year-old article must be ~1.4 times as similar to beat one from the same week.
RECENCY_HALF_LIFE_DAYS = 60.0
RECENCY_FLOOR = 0.7
# Below this score a candidate is not related, however few others there are: no filler.
MIN_SCORE = 0.05
MAX_RELATED = 6
# Queries scored per matrix product: bounds memory to BATCH x articles floats.
BATCH = 256

_hasher = HashingVectorizer(
    n_features=2**20, alternate_sign=False, norm=None, stop_words="english", dtype=np.float32
)


@dataclass
class Document:
    id: object
    title: str
    body: str
    standfirst: str = ""
    published: date | datetime | None = None
    sections: tuple = ()
    tags: tuple = ()
    terms: np.ndarray | None = field(default=None, repr=False)
    weights: np.ndarray | None = field(default=None, repr=False)

    @property
    def day(self):
        """Days since the epoch, or NaN when the date is unknown."""
        if self.published is None:
            return math.nan
        if isinstance(self.published, datetime):
            return self.published.timestamp() / 86400
        return self.published.toordinal() - 719163.0


def term_weights(documents):
    """Fill each document's hashed term ids and log-tf weights (done once per article, then stored)."""
    counts = None
    for name, weight in FIELD_WEIGHTS.items():
        part = _hasher.transform([getattr(doc, name) or "" for doc in documents]) * weight
        counts = part if counts is None else counts + part
    counts = sp.csr_matrix(counts)
    counts.sum_duplicates()
    counts.data = (1.0 + np.log(counts.data)).astype(np.float32)
    for row, doc in enumerate(documents):
        start, end = counts.indptr[row], counts.indptr[row + 1]
        doc.terms = counts.indices[start:end].astype(np.int32)
        doc.weights = counts.data[start:end]
    return documents


def _membership(values_per_doc):
    """A binary documents x values matrix, so that shared sections or tags are one product."""
    codes = {}
    rows, cols = [], []
    for row, values in enumerate(values_per_doc):
        for value in set(values):
            rows.append(row)
            cols.append(codes.setdefault(value, len(codes)))
    shape = (len(values_per_doc), max(len(codes), 1))
    return sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=shape)


class Index:
    """Documents with weights, ready to score any of them against all the others."""

    def __init__(self, documents):
        self.documents = list(documents)
        self.ids = [doc.id for doc in self.documents]
        self.position = {doc_id: row for row, doc_id in enumerate(self.ids)}
        lengths = np.array([len(doc.terms) for doc in self.documents], dtype=np.int64)
        indptr = np.concatenate([[0], np.cumsum(lengths)])
        terms = np.concatenate([doc.terms for doc in self.documents] or [np.zeros(0, np.int32)])
        weights = np.concatenate(
            [doc.weights for doc in self.documents] or [np.zeros(0, np.float32)]
        )
        counts = sp.csr_matrix(
            (weights, terms, indptr), shape=(len(self.documents), _hasher.n_features)
        )
        document_frequency = np.bincount(terms, minlength=_hasher.n_features)
        n = len(self.documents)
        idf = (np.log((1 + n) / (1 + document_frequency)) + 1).astype(np.float32)
        self.vectors = normalize(counts @ sp.diags(idf)).tocsr()
        self.vectors_t = self.vectors.T.tocsr()
        self.days = np.array([doc.day for doc in self.documents], dtype=np.float64)
        self.sections = _membership([doc.sections for doc in self.documents])
        self.tags = _membership([doc.tags for doc in self.documents])
        self.tag_counts = np.asarray(self.tags.sum(axis=1)).ravel()

    def __len__(self):
        return len(self.documents)

    def score(self, rows):
        """Scores of the documents at `rows` against every document (a dense rows x N array).

        Text cosine of TF-IDF vectors, raised by a shared section and by tag overlap (Jaccard),
        then weighed by how far apart in time the two articles were published. Time apart, not
        age, keeps the score symmetric and keeps stored lists valid as the clock moves on.
        """
        rows = np.asarray(rows)
        text = (self.vectors[rows] @ self.vectors_t).toarray()
        same_section = (self.sections[rows] @ self.sections.T).toarray() > 0
        shared_tags = (self.tags[rows] @ self.tags.T).toarray()
        union = self.tag_counts[rows][:, None] + self.tag_counts[None, :] - shared_tags
        tag_overlap = np.divide(shared_tags, union, out=np.zeros_like(shared_tags), where=union > 0)
        boost = 1.0 + SECTION_BONUS * same_section + TAG_BONUS * tag_overlap
        apart = np.abs(self.days[rows][:, None] - self.days[None, :])
        # An unknown date counts as half a half-life apart: neither fresh nor stale.
        apart = np.where(np.isnan(apart), RECENCY_HALF_LIFE_DAYS / 2, apart)
        recency = RECENCY_FLOOR + (1 - RECENCY_FLOOR) * np.exp2(-apart / RECENCY_HALF_LIFE_DAYS)
        return text * boost * recency

    def related(self, rows=None, k=MAX_RELATED, min_score=MIN_SCORE, progress=None):
        """For each query row, up to k (id, score) pairs, best first, never the query itself."""
        rows = np.arange(len(self)) if rows is None else np.asarray(rows)
        results = []
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            scores = self.score(batch)
            scores[np.arange(len(batch)), batch] = -1.0
            results.extend(self._top(scores, k, min_score))
            if progress:
                progress(len(batch))
        return results

    def _top(self, scores, k, min_score):
        k = min(k, scores.shape[1] - 1)
        if k <= 0:
            return [[] for _ in scores]
        candidates = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        top = []
        for row, cols in enumerate(candidates):
            cols = cols[np.argsort(-scores[row, cols], kind="stable")]
            top.append(
                [(self.ids[c], float(scores[row, c])) for c in cols if scores[row, c] >= min_score]
            )
        return top
