"""The related-articles engine: numpy/scipy/scikit-learn and a numba-compiled search, no Django,
so that `related_eval` measures exactly the code the site runs.

An article becomes a `Document`; `term_weights` turns its fields into hashed, log-scaled term
weights (a headline word counts 1.5 body words), which the site stores per article. An `Index`
derives IDF from the documents it holds, so weights never go stale without a refit, and
`Index.related` ranks candidates for batches of queries (the score's factors are in
`scoring.multiplier`, the search for the best in `scoring.top_related`).
"""

import math
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

import numba
import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

from .scoring import multipliers, top_related

# How much one word of each field weighs against one word of the body.
FIELD_WEIGHTS = {"title": 1.5, "standfirst": 1.25, "body": 1.0}
# Below this score a candidate is not related, however few others there are: no filler.
MIN_SCORE = 0.05
MAX_RELATED = 6
# Queries handed to the compiled search at a time (between progress reports).
BATCH = 2048
# Parallel jobs per batch: a few per thread, so that uneven queries even out.
CHUNKS = 4 * numba.get_num_threads()
# Up to this many queries, scoring every pair is cheaper than building the term postings.
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
        counts.sort_indices()
        document_frequency = np.bincount(term_ids, minlength=_hasher.n_features)
        n = len(self.ids)
        idf = (np.log((1 + n) / (1 + document_frequency)) + 1).astype(np.float32)
        counts.data *= idf[counts.indices]
        # scikit-learn refuses an empty matrix; an archive with no published article has no rows.
        self.vectors = normalize(counts, copy=False) if n else counts
        self.days = np.asarray(days, dtype=np.float64)
        section_matrix = _membership(sections)
        tag_matrix = _membership(tags)
        self.facts = (
            self.days,
            section_matrix.indptr.astype(np.int64),
            section_matrix.indices.astype(np.int64),
            tag_matrix.indptr.astype(np.int64),
            tag_matrix.indices.astype(np.int64),
        )

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
    def _search(self):
        """Rows, postings and per-term bounds for the compiled search, over the terms in use
        (numbered densely, so arrays are sized by the archive's vocabulary, not the hash space).
        """
        # A lookup table over the hash space, not np.unique: no sort of every stored term.
        used = np.zeros(self.vectors.shape[1], dtype=bool)
        used[self.vectors.indices] = True
        dense_terms = (np.cumsum(used, dtype=np.int32) - 1)[self.vectors.indices]
        rows = (self.vectors.indptr.astype(np.int64), dense_terms, self.vectors.data)
        by_term = sp.csr_matrix(rows[::-1], shape=(len(self), int(dense_terms.max(initial=-1)) + 1))
        by_term = by_term.tocsc()
        frequency = np.diff(by_term.indptr).astype(np.int64)
        present = frequency > 0
        largest = np.zeros(len(frequency), dtype=np.float32)
        largest[present] = np.maximum.reduceat(by_term.data, by_term.indptr[:-1][present])
        postings = (
            by_term.indptr.astype(np.int64),
            by_term.indices.astype(np.int32, copy=False),
            by_term.data,
        )
        return rows, postings, (frequency, largest)

    def __len__(self):
        return len(self.ids)

    def score(self, rows):
        """Scores of the documents at `rows` against every document (a dense rows x N array)."""
        rows = np.asarray(rows, dtype=np.int64)
        text = (self.vectors @ self.vectors[rows].T).T.toarray()
        queries, candidates = np.indices(text.shape).reshape(2, -1)
        factors = multipliers(self.facts, rows[queries], candidates)
        return text * factors.reshape(text.shape)

    def related(self, rows=None, k=MAX_RELATED, min_score=MIN_SCORE, progress=None):
        """For each query row, up to k (id, score) pairs, best first, never the query itself.

        Scores at least `min_score` (> 0); equal scores in row order. Many rows go through the
        compiled search (`scoring.top_related`, exact, without scoring every pair); a few are
        scored against every document, which needs no postings.
        """
        if min_score <= 0:
            raise ValueError("min_score must be positive")
        rows = np.arange(len(self)) if rows is None else np.asarray(rows, dtype=np.int64)
        k = max(min(k, len(self) - 1), 0)
        if len(rows) <= FEW_ROWS:
            return self.related_exhaustively(rows, k, min_score)
        results = []
        vectors, postings, bounds = self._search
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            best = np.full((len(batch), k), -1, dtype=np.int64)
            scores = np.zeros((len(batch), k))
            top_related(
                batch, vectors, postings, bounds, self.facts, min_score, best, scores, CHUNKS
            )
            results.extend(self._listed(best, scores))
            if progress:
                progress(len(batch))
        return results

    def related_exhaustively(self, rows, k=MAX_RELATED, min_score=MIN_SCORE):
        """`related` by scoring every pair: the reference the compiled search must equal."""
        rows = np.asarray(rows, dtype=np.int64)
        results = []
        for start in range(0, len(rows), FEW_ROWS):
            batch = rows[start : start + FEW_ROWS]
            scores = self.score(batch)
            scores[np.arange(len(batch)), batch] = -np.inf
            for row_scores in scores:
                floor = min_score
                if 0 < k < len(row_scores):
                    floor = max(floor, -np.partition(-row_scores, k - 1)[k - 1])
                # Ascending rows sorted stably: equal scores keep row order.
                best = np.flatnonzero(row_scores >= floor)
                best = best[np.argsort(-row_scores[best], kind="stable")][:k]
                results.append([(self.ids[row], float(row_scores[row])) for row in best])
        return results

    def _listed(self, best, scores):
        return [
            [(self.ids[row], float(score)) for row, score in zip(r, s, strict=True) if row >= 0]
            for r, s in zip(best, scores, strict=True)
        ]
