"""The compiled related-articles search returns exactly what scoring every pair returns, on random
archives: skewed vocabularies (so that the walk skips common terms), shared sections and tags,
unknown dates, empty articles and exact duplicates (ties)."""

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from headline.related.engine import FEW_ROWS, MAX_RELATED, Document, Index

TOLERANCE = 1e-5  # the exhaustive path sums float32 products in float32, the search in float64


def random_archive(seed):
    rng = np.random.default_rng(seed)
    size = int(rng.integers(FEW_ROWS + 1, 160))
    vocabulary = int(rng.integers(20, 400))
    # Zipf-like term frequencies: a few terms in most articles, a long tail of rare ones.
    popularity = 1 / np.arange(1, vocabulary + 1) ** rng.uniform(0.6, 1.4)
    popularity /= popularity.sum()
    documents = []
    for i in range(size):
        if documents and rng.random() < 0.1:
            twin = documents[int(rng.integers(len(documents)))]
            documents.append(Document(**{**twin.__dict__, "id": i}))
            continue
        length = int(rng.integers(0, 60)) if rng.random() > 0.05 else 0
        terms = np.unique(rng.choice(vocabulary, size=length, p=popularity)).astype(np.int32)
        documents.append(
            Document(
                id=i,
                title="",
                body="",
                day=math.nan if rng.random() < 0.1 else float(rng.uniform(0, 2000)),
                sections=tuple({int(s) for s in rng.integers(0, 4, size=rng.integers(0, 3))}),
                tags=tuple(int(t) for t in rng.integers(0, 8, size=rng.integers(0, 4))),
                terms=terms,
                weights=rng.uniform(1, 4, size=len(terms)).astype(np.float32),
            )
        )
    return Index.of(documents), float(rng.choice([0.01, 0.05, 0.2]))


def assert_same_lists(found, expected):
    for got, want in zip(found, expected, strict=True):
        assert len(got) == len(want)
        got_scores = np.array([score for _, score in got])
        want_scores = np.array([score for _, score in want])
        assert np.allclose(got_scores, want_scores, rtol=0, atol=TOLERANCE)
        # Where two candidates score the same within rounding, either order is right.
        distinct = np.abs(np.diff(want_scores, prepend=np.inf, append=-np.inf)) > TOLERANCE
        for place, (got_id, want_id) in enumerate(
            zip([i for i, _ in got], [i for i, _ in want], strict=True)
        ):
            if distinct[place] and distinct[place + 1]:
                assert got_id == want_id


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), k=st.integers(1, MAX_RELATED + 2))
def test_search_equals_scoring_every_pair(seed, k):
    index, min_score = random_archive(seed)
    rows = np.arange(len(index))
    found = index.related(rows=rows, k=k, min_score=min_score)
    expected = index.related_exhaustively(rows, k=min(k, len(index) - 1), min_score=min_score)
    assert_same_lists(found, expected)


def test_duplicates_tie_in_archive_order():
    text = np.array([1, 2, 3], dtype=np.int32)
    documents = [
        Document(id=f"a{i}", title="", body="", day=0.0, terms=text, weights=np.ones(3, np.float32))
        for i in range(FEW_ROWS + 4)
    ]
    index = Index.of(documents)
    lists = index.related(k=3)
    assert [doc for doc, _ in lists[0]] == ["a1", "a2", "a3"]
    assert [doc for doc, _ in lists[2]] == ["a0", "a1", "a3"]
