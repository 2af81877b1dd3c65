"""The related-articles engine: pure numpy/scipy/scikit-learn, no Django, so that
`related_eval` measures exactly the code the site runs.

An article becomes a `Document`; `term_weights` turns its fields into hashed, log-scaled term
weights (a headline word counts 1.5 body words), which the site stores per article. An `Index`
derives IDF from the documents it holds, so weights never go stale without a refit, and
`Index.related` ranks candidates for batches of queries (the score is in `_adjust`).
"""

import math
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

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
MAX_BOOST = 1 + SECTION_BONUS + TAG_BONUS
# Queries scored per matrix product: bounds memory to BATCH x articles floats.
BATCH = 256
# Up to this many queries, scoring skips building the transposed index (one-article updates).
FEW_ROWS = 16
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()

_hasher = HashingVectorizer(
    n_features=2**20, alternate_sign=False, norm=None, stop_words="english", dtype=np.float32
)


def day_number(moment):
    """Days since the epoch of a date or datetime, NaN when unknown: what the score compares."""
    if moment is None:
        return math.nan
    if isinstance(moment, datetime):
        return moment.timestamp() / 86400
    return moment.toordinal() - EPOCH_ORDINAL


@dataclass
class Document:
    id: object
    title: str
    body: str
    standfirst: str = ""
    day: float = math.nan
    sections: tuple = ()
    tags: tuple = ()
    terms: np.ndarray | None = field(default=None, repr=False)
    weights: np.ndarray | None = field(default=None, repr=False)


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


def _ragged(chunks, dtype):
    """One document's values per chunk (packed bytes): all values, and each document's count."""
    itemsize = np.dtype(dtype).itemsize
    lengths = np.fromiter((len(chunk) // itemsize for chunk in chunks), np.int64, len(chunks))
    return np.frombuffer(b"".join(chunks), dtype=dtype), lengths


def _membership(chunks):
    """A binary documents x values matrix, so that shared sections or tags are one product."""
    values, lengths = _ragged(chunks, np.int64)
    codes, columns = np.unique(values, return_inverse=True)
    rows = np.repeat(np.arange(len(chunks)), lengths)
    shape = (len(chunks), max(len(codes), 1))
    matrix = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, columns)), shape=shape)
    matrix.data[:] = 1.0  # a value listed twice is still one shared value
    return matrix


def pack(values, dtype):
    return np.asarray(values, dtype=dtype).tobytes()


class Index:
    """Documents with weights, ready to score any of them against all the others.

    Built from columns, one entry per document: ids, days, and packed bytes of term ids (int32),
    weights (float32), section ids and tag ids (int64), the form they are stored in.
    """

    def __init__(self, ids, days, terms, weights, sections, tags):
        self.ids = list(ids)
        self.position = {doc_id: row for row, doc_id in enumerate(self.ids)}
        term_ids, lengths = _ragged(terms, np.int32)
        indptr = np.concatenate([[0], np.cumsum(lengths)])
        counts = sp.csr_matrix(
            (_ragged(weights, np.float32)[0].copy(), term_ids, indptr),
            shape=(len(self.ids), _hasher.n_features),
        )
        document_frequency = np.bincount(term_ids, minlength=_hasher.n_features)
        n = len(self.ids)
        idf = (np.log((1 + n) / (1 + document_frequency)) + 1).astype(np.float32)
        counts.data *= idf[counts.indices]
        self.vectors = normalize(counts, copy=False)
        self.days = np.asarray(days, dtype=np.float64)
        self.sections = _membership(sections)
        self.tags = _membership(tags)
        self.tag_counts = np.asarray(self.tags.sum(axis=1)).ravel()

    @classmethod
    def of(cls, documents):
        """An index of documents whose sections and tags may be any hashable labels."""
        codes = {}

        def encode(labels):
            return pack([codes.setdefault(label, len(codes)) for label in labels], np.int64)

        return cls(
            ids=[doc.id for doc in documents],
            days=[doc.day for doc in documents],
            terms=[doc.terms.tobytes() for doc in documents],
            weights=[doc.weights.tobytes() for doc in documents],
            sections=[encode(doc.sections) for doc in documents],
            tags=[encode(doc.tags) for doc in documents],
        )

    @cached_property
    def vectors_t(self):
        """Term-major copy for scoring many queries at once; one-article updates never need it."""
        return self.vectors.T.tocsr()

    def __len__(self):
        return len(self.ids)

    def score(self, rows):
        """Scores of the documents at `rows` against every document (a dense rows x N array)."""
        rows = np.asarray(rows)
        text = self._text(rows)
        queries, candidates = np.indices(text.shape).reshape(2, -1)
        return self._adjust(text.ravel(), rows[queries], candidates).reshape(text.shape)

    def _text(self, rows):
        """Cosine of the rows' vectors with every document; few rows skip the transposed copy."""
        if len(rows) <= FEW_ROWS:
            return (self.vectors @ self.vectors[rows].T).T.toarray()
        return (self.vectors[rows] @ self.vectors_t).toarray()

    def _adjust(self, text, queries, candidates):
        """Final scores of (query, candidate) pairs from their text cosines.

        Text similarity is raised by a shared section and by tag overlap (Jaccard), then weighed
        by how far apart in time the two articles were published. Time apart, not age, keeps
        the score symmetric and keeps stored lists valid as the clock moves on.
        """
        same_section = _rowwise_dot(self.sections, queries, candidates) > 0
        shared_tags = _rowwise_dot(self.tags, queries, candidates)
        union = self.tag_counts[queries] + self.tag_counts[candidates] - shared_tags
        tag_overlap = np.divide(shared_tags, union, out=np.zeros_like(shared_tags), where=union > 0)
        boost = 1.0 + SECTION_BONUS * same_section + TAG_BONUS * tag_overlap
        apart = np.abs(self.days[queries] - self.days[candidates])
        # An unknown date counts as half a half-life apart: neither fresh nor stale.
        apart = np.where(np.isnan(apart), RECENCY_HALF_LIFE_DAYS / 2, apart)
        recency = RECENCY_FLOOR + (1 - RECENCY_FLOOR) * np.exp2(-apart / RECENCY_HALF_LIFE_DAYS)
        return text * boost * recency

    def related(self, rows=None, k=MAX_RELATED, min_score=MIN_SCORE, progress=None):
        """For each query row, up to k (id, score) pairs, best first, never the query itself.

        Boosts and recency only rescale text similarity within [RECENCY_FLOOR, MAX_BOOST], so a
        candidate whose text cosine is below RECENCY_FLOOR / MAX_BOOST of the k-th best cannot
        reach the top k: only the rest are scored in full. The result is exact, and most of
        the archive is skipped after one sparse product per batch.
        """
        rows = np.arange(len(self)) if rows is None else np.asarray(rows)
        k = min(k, len(self) - 1)
        results = []
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            text = self._text(batch)
            text[np.arange(len(batch)), batch] = -1.0
            kth = np.partition(text, -k, axis=1)[:, -k] if k > 0 else np.full(len(batch), np.inf)
            cutoff = np.maximum(kth * RECENCY_FLOOR, min_score) / MAX_BOOST
            queries, candidates = np.nonzero(text >= cutoff[:, None])
            scores = self._adjust(text[queries, candidates], batch[queries], candidates)
            results.extend(self._top(len(batch), queries, candidates, scores, k, min_score))
            if progress:
                progress(len(batch))
        return results

    def _top(self, count, queries, candidates, scores, k, min_score):
        order = np.lexsort((-scores, queries))
        starts = np.searchsorted(queries[order], np.arange(count + 1))
        top = []
        for query in range(count):
            best = order[starts[query] : starts[query + 1]][:k]
            top.append(
                [
                    (self.ids[candidates[i]], float(scores[i]))
                    for i in best
                    if scores[i] >= min_score
                ]
            )
        return top


def _rowwise_dot(matrix, left, right):
    """matrix[left[i]] . matrix[right[i]] for every i, without forming all pairs."""
    return np.asarray(matrix[left].multiply(matrix[right]).sum(axis=1), dtype=np.float32).ravel()
