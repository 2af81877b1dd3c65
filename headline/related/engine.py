"""The related-articles engine: numpy/scipy/scikit-learn, sparse_dot_topn and numba-compiled
scoring, no Django, so that `related_eval` measures exactly the code the site runs.

An article becomes a `Document`; `term_weights` turns its fields into hashed, log-scaled term
weights (a headline word counts 1.5 body words), which the site stores per article. An `Index`
derives IDF from the documents it holds, so weights never go stale without a refit, and
`Index.related` ranks each article's neighbours: sparse top-n products propose candidates
(`Index.candidates`), which are then scored exactly (`scoring.pair_scores`, the factors in
`scoring.multiplier`).
"""

import math
from dataclasses import dataclass, field
from datetime import date, datetime

import numba
import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize
from sparse_dot_topn import sp_matmul_topn

from .scoring import best_of_pairs, multipliers, pair_scores

# How much one word of each field weighs against one word of the body.
FIELD_WEIGHTS = {"title": 1.5, "standfirst": 1.25, "body": 1.0}
# Below this score a candidate is not related, however few others there are: no filler.
MIN_SCORE = 0.05
MAX_RELATED = 6
# Up to this many queries, every pair is scored: exact, and cheaper than the candidate search.
FEW_ROWS = 16
# The candidate search (`Index.candidates`): how many articles each query is offered from the
# whole archive and from its own time, and which terms each of those searches compares.
# Measured on 100,000 synthetic articles and the corpus files (README, "Related articles").
FAR_CANDIDATES = 50
NEAR_CANDIDATES = 100
RARE_FAR = 200
RARE_NEAR = 1000
NEAR_DAYS = 45
THREADS = numba.get_num_threads()
# Parallel jobs for scoring pairs: a few per thread, so that uneven articles even out.
CHUNKS = 4 * THREADS
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
# Elements per slice where a whole-array temporary would double an array of every stored weight.
SLICE = 1 << 22

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
    """One document's values per chunk (packed bytes): all values, and each document's count.

    The values are copied once into one writable array (a join then a copy would hold them
    twice: a hundred megabytes at 100,000 articles)."""
    itemsize = np.dtype(dtype).itemsize
    lengths = np.fromiter((len(chunk) // itemsize for chunk in chunks), np.int64, len(chunks))
    values = np.empty(int(lengths.sum()), dtype=dtype)
    target = memoryview(values).cast("B")
    offset = 0
    for chunk in chunks:
        target[offset : offset + len(chunk)] = chunk
        offset += len(chunk)
    return values, lengths


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
            (_ragged(weights, np.float32)[0], term_ids, indptr),
            shape=(len(self.ids), _hasher.n_features),
        )
        counts.sort_indices()
        document_frequency = np.bincount(term_ids, minlength=_hasher.n_features)
        n = len(self.ids)
        idf = (np.log((1 + n) / (1 + document_frequency)) + 1).astype(np.float32)
        # In slices: idf gathered for every stored weight at once would be another copy of them.
        for start in range(0, counts.nnz, SLICE):
            counts.data[start : start + SLICE] *= idf[counts.indices[start : start + SLICE]]
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

        Scores at least `min_score` (> 0), each the exact score of its pair; equal scores in row
        order. Up to FEW_ROWS rows are scored against every document (exact). More go through
        the candidate search (`candidates`): only the pairs it proposes are scored, so a list
        can miss a neighbour that it did not propose (how often is measured in the README).
        """
        if min_score <= 0:
            raise ValueError("min_score must be positive")
        rows = np.arange(len(self)) if rows is None else np.asarray(rows, dtype=np.int64)
        k = max(min(k, len(self) - 1), 0)
        if len(rows) <= FEW_ROWS:
            return self.related_exhaustively(rows, k, min_score)
        first, second = self.candidates(rows)
        if progress:
            progress(len(rows) // 2)
        best = np.full((len(self), k), -1, dtype=np.int64)
        best_scores = np.zeros((len(self), k))
        filled = np.zeros(len(self), dtype=np.int64)
        vectors = (self.vectors.indptr, self.vectors.indices, self.vectors.data)
        # Pairs scored a slice at a time, so no score array of every pair is ever held.
        for start in range(0, len(first), SLICE):
            pairs = slice(start, start + SLICE)
            scores = pair_scores(vectors, self.facts, first[pairs], second[pairs], CHUNKS)
            best_of_pairs(first[pairs], second[pairs], scores, min_score, best, best_scores, filled)
        results = [
            [(self.ids[d], score) for d, score in zip(near, scores, strict=True) if d >= 0]
            for near, scores in zip(best[rows].tolist(), best_scores[rows].tolist(), strict=True)
        ]
        if progress:
            progress(len(rows) - len(rows) // 2)
        return results

    def candidates(self, rows):
        """Pairs of rows worth scoring exactly, each once as (smaller, larger) row, sorted.

        Two sparse products with a top-n per row (sparse_dot_topn, multi-threaded C++) propose
        them: each query against the whole archive over its rare terms (in at most RARE_FAR
        documents: they say most about an article and keep the product cheap), and against the
        articles published within NEAR_DAYS to 2 x NEAR_DAYS of it over its less common terms
        (in at most RARE_NEAR documents), since recency lifts a near neighbour's score by up to
        1/0.7. Common terms add to every pair alike, so leaving them out changes little which
        articles are proposed; the exact score counts them.
        """
        frequency = np.bincount(self.vectors.indices, minlength=self.vectors.shape[1])
        n = len(self)
        keys = []
        far = self._terms_in_at_most(frequency, RARE_FAR)
        found = sp_matmul_topn(far[rows], far.T, top_n=FAR_CANDIDATES + 1, n_threads=THREADS)
        keys.append(_pair_keys(found, rows, np.arange(n), n))
        del far, found
        near = self._terms_in_at_most(frequency, RARE_NEAR)
        for queries, neighbours in self._periods(rows):
            found = sp_matmul_topn(
                near[queries], near[neighbours].T, top_n=NEAR_CANDIDATES + 1, n_threads=THREADS
            )
            keys.append(_pair_keys(found, queries, neighbours, n))
        del near
        key = np.concatenate(keys)
        del keys
        # Sorted by first row, as pair_scores needs; a sort and a comparison remove repeats
        # (np.unique's hashing is several times slower here).
        key.sort()
        repeat = np.zeros(len(key), dtype=bool)
        np.equal(key[1:], key[:-1], out=repeat[1:])
        key = key[~repeat]
        del repeat
        # Rows fit in int32, written straight into int32 arrays: int64 quotients and remainders
        # of every pair would be the run's largest arrays.
        first = np.empty(len(key), dtype=np.int32)
        second = np.empty(len(key), dtype=np.int32)
        np.floor_divide(key, n, out=first, casting="unsafe")
        np.remainder(key, n, out=second, casting="unsafe")
        return first, second

    def _terms_in_at_most(self, frequency, documents):
        """The vectors with only the terms that occur in at most `documents` documents."""
        vectors = self.vectors
        keep = (frequency <= documents)[vectors.indices]
        # Kept terms before each position, in int32: cumsum's default int64 over every stored
        # weight would be the largest array of the search.
        kept_before = np.zeros(len(keep) + 1, dtype=np.int32)
        np.cumsum(keep, out=kept_before[1:])
        indptr = kept_before[vectors.indptr]
        del kept_before
        return sp.csr_matrix(
            (vectors.data[keep], vectors.indices[keep], indptr), shape=vectors.shape
        )

    def _periods(self, rows):
        """(queries, neighbours) row arrays: the dated queries published in one NEAR_DAYS
        period, and every dated document of that period and the periods on either side."""
        dated = np.flatnonzero(~np.isnan(self.days))
        if not len(dated):
            return
        dated = dated[np.argsort(self.days[dated], kind="stable")]
        period = ((self.days[dated] - self.days[dated[0]]) // NEAR_DAYS).astype(np.int64)
        wanted = np.zeros(len(self), dtype=bool)
        wanted[rows] = True
        edges = np.searchsorted(period, np.arange(period[-1] + 2))
        for p in np.unique(period[wanted[dated]]):
            queries = dated[edges[p] : edges[p + 1]]
            queries = queries[wanted[queries]]
            neighbours = dated[edges[max(p - 1, 0)] : edges[min(p + 2, len(edges) - 1)]]
            yield queries, neighbours

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


def _pair_keys(found, queries, candidates, n):
    """One int64 per unordered pair of rows proposed by a product of queries x candidates:
    smaller row x n + larger row (a pair is one number, so repeats are one sort away)."""
    found = found.tocoo()
    first, second = queries[found.row], candidates[found.col]
    other = first != second  # an article is its own best match
    first, second = first[other], second[other]
    return np.minimum(first, second) * n + np.maximum(first, second)
