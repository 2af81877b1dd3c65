"""The score of a pair of articles, compiled: the factors of `multiplier` and the exact score of
many candidate pairs at once (`pair_scores`), both with numba so that millions of pairs cost
seconds, not minutes, without holding a row per pair in memory.

`multiplier` is the one place the section, tag and recency factors are computed; the engine
(`engine.Index`) chooses which pairs are worth scoring.
"""

import math

import numba as nb
import numpy as np

# A shared section or tag multiplies text similarity by up to these bonuses.
SECTION_BONUS = 0.2
TAG_BONUS = 0.3
# Recency: similarity is multiplied by RECENCY_FLOOR + (1 - floor) * 2^(-days apart / half-life),
# so a five-year-old article must be ~1.4 times as similar to beat one from the same week.
RECENCY_HALF_LIFE_DAYS = 60.0
RECENCY_FLOOR = 0.7
LN2 = math.log(2)


@nb.njit(cache=True, nogil=True)
def _shared(ids, a, a_end, b, b_end):
    """How many values two sorted runs of `ids` have in common."""
    count = 0
    while a < a_end and b < b_end:
        if ids[a] == ids[b]:
            count += 1
            a += 1
            b += 1
        elif ids[a] < ids[b]:
            a += 1
        else:
            b += 1
    return count


@nb.njit(cache=True, nogil=True)
def _recency(days, q, d):
    apart = abs(days[q] - days[d])
    if math.isnan(apart):
        apart = RECENCY_HALF_LIFE_DAYS / 2
    return RECENCY_FLOOR + (1 - RECENCY_FLOOR) * math.exp(-LN2 * apart / RECENCY_HALF_LIFE_DAYS)


@nb.njit(cache=True, nogil=True)
def multiplier(facts, q, d):
    """What the text cosine of articles q and d is multiplied by, in [0.7, 1.5].

    `facts` is (days, section indptr, section codes, tag indptr, tag codes); codes are sorted and
    unique per article. A shared section and tag overlap (Jaccard) raise the score; time apart
    (not age, so the score is symmetric) lowers it. An unknown date counts as half a half-life.
    """
    days, sec_ptr, sec_ids, tag_ptr, tag_ids = facts
    same_section = _shared(sec_ids, sec_ptr[q], sec_ptr[q + 1], sec_ptr[d], sec_ptr[d + 1]) > 0
    shared_tags = _shared(tag_ids, tag_ptr[q], tag_ptr[q + 1], tag_ptr[d], tag_ptr[d + 1])
    union = (tag_ptr[q + 1] - tag_ptr[q]) + (tag_ptr[d + 1] - tag_ptr[d]) - shared_tags
    overlap = shared_tags / union if union > 0 else 0.0
    boost = 1.0 + SECTION_BONUS * same_section + TAG_BONUS * overlap
    return boost * _recency(days, q, d)


@nb.njit(cache=True)
def multipliers(facts, queries, candidates):
    """`multiplier` of each (queries[i], candidates[i]) pair."""
    out = np.empty(len(queries))
    for i in range(len(queries)):
        out[i] = multiplier(facts, queries[i], candidates[i])
    return out


@nb.njit(cache=True, parallel=True)
def pair_scores(vectors, facts, first, second, chunks):
    """Exact final score (cosine x multiplier) of each pair (first[i], second[i]), as float64.

    vectors: CSR (indptr, term ids, unit-length float32 weights) over `width` = the largest term
    id + 1; `first` is sorted, so each first article is spread over a dense row once and every
    article paired with it is read once against it. Pairs are dealt to `chunks` parallel jobs by
    first article.
    """
    indptr, terms, weights = vectors
    width = terms.max() + 1 if len(terms) else 1
    count = len(first)
    # Where each run of one first article starts.
    starts = np.flatnonzero(np.diff(first)) + 1
    bounds = np.concatenate((np.zeros(1, np.int64), starts, np.full(1, count, np.int64)))
    out = np.empty(count)
    runs = len(bounds) - 1
    for chunk in nb.prange(chunks):
        dense = np.zeros(width, np.float32)
        for run in range(chunk, runs, chunks):
            if bounds[run] == bounds[run + 1]:
                continue
            q = first[bounds[run]]
            for j in range(indptr[q], indptr[q + 1]):
                dense[terms[j]] = weights[j]
            for i in range(bounds[run], bounds[run + 1]):
                d = second[i]
                total = 0.0
                for j in range(indptr[d], indptr[d + 1]):
                    total += dense[terms[j]] * weights[j]
                out[i] = total * multiplier(facts, q, d)
            for j in range(indptr[q], indptr[q + 1]):
                dense[terms[j]] = 0.0
    return out


@nb.njit(cache=True, nogil=True)
def _offer(rows, scores, count, d, score):
    """Insert (d, score) into a best-first list of at most len(rows); returns the new count.

    Higher scores come first, equal scores in row order (as a stable sort of all rows would)."""
    k = len(rows)
    place = count
    while place > 0 and (
        scores[place - 1] < score or (scores[place - 1] == score and rows[place - 1] > d)
    ):
        place -= 1
    if place >= k:
        return count
    for i in range(min(count, k - 1), place, -1):
        rows[i] = rows[i - 1]
        scores[i] = scores[i - 1]
    rows[place] = d
    scores[place] = score
    return min(count + 1, k)


@nb.njit(cache=True)
def best_of_pairs(first, second, scores, min_score, best, best_scores, counts):
    """Each article's best partners among scored pairs, a pair counting for both of its articles.

    Fills best (rows, -1 where fewer) and best_scores, both shaped (articles, k), keeping scores of
    at least min_score: k small slots per article instead of sorting every pair twice over.
    `counts` (int64, one per article, zeros at first) holds how many slots each has filled, so
    the pairs can be offered in several calls.
    """
    for i in range(len(first)):
        score = scores[i]
        if score < min_score:
            continue
        a, b = first[i], second[i]
        counts[a] = _offer(best[a], best_scores[a], counts[a], b, score)
        counts[b] = _offer(best[b], best_scores[b], counts[b], a, score)
