"""The score of a pair of articles and the compiled search for each article's best neighbours.

`multiplier` is the one place the section, tag and recency factors are computed; `top_related`
finds, for many articles at once, the k best by final score without scoring all pairs, which at
100,000 articles is 10^10 pairs and some 10^11 multiply-adds. It walks term postings (an inverted
index) term at a time, rarest terms first, with the MaxScore rule (Turtle & Flood, 1995): once the
query's remaining, most common terms could add at most `tail` to any article's cosine
(sum of query weight x the term's largest weight in any article) and that cannot lift an article
to the current k-th best final score even with the largest boost, articles not yet reached are
out and those terms' long postings are never read. Every article still in the running is then
rescored exactly (a full sparse dot product times its exact multiplier), so the lists equal those
of scoring every pair; tests/test_related.py checks that against brute force.
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
MAX_BOOST = 1 + SECTION_BONUS + TAG_BONUS
# Bounds are compared with this much room for rounding (sums are float64), so an article that
# ties is never lost.
SLACK = 1e-9
LN2 = math.log(2)
WALK_UNTIL = 0.5


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
    """What the text cosine of articles q and d is multiplied by, in [0.7, MAX_BOOST].

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


@nb.njit(cache=True, nogil=True)
def _cosine(vectors, query, d):
    """Exact dot product of row d with the query spread over all terms (`query`, dense)."""
    indptr, terms, weights = vectors
    total = 0.0
    for j in range(indptr[d], indptr[d + 1]):
        total += query[terms[j]] * weights[j]
    return total


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
    end = min(count, k - 1)
    for i in range(end, place, -1):
        rows[i] = rows[i - 1]
        scores[i] = scores[i - 1]
    rows[place] = d
    scores[place] = score
    return min(count + 1, k)


@nb.njit(cache=True, nogil=True)
def _accumulate(term, weight, postings, acc):
    post_ptr, post_docs, post_weights = postings
    for p in range(post_ptr[term], post_ptr[term + 1]):
        acc[post_docs[p]] += weight * post_weights[p]


@nb.njit(cache=True, nogil=True)
def _offer_once(rows, scores, count, d, score):
    for j in range(count):
        if rows[j] == d:
            return count
    return _offer(rows, scores, count, d, score)


@nb.njit(cache=True, nogil=True)
def _raise_bar(q, vectors, query, facts, min_score, rows, scores, count, acc):
    """Score exactly the articles with the highest partial sums so far and keep the best; their
    k-th best score is a bar every other article must reach. Returns the new count."""
    k = len(rows)
    seeds = np.full(2 * k, -1, np.int64)
    partial = np.zeros(2 * k)
    seeded = 0
    for d in range(len(acc)):
        if d != q and acc[d] > partial[-1]:
            seeded = _offer(seeds, partial, seeded, d, acc[d])
    for i in range(seeded):
        d = seeds[i]
        score = _cosine(vectors, query, d) * multiplier(facts, q, d)
        if score >= min_score:
            count = _offer_once(rows, scores, count, d, score)
    return count


@nb.njit(cache=True, nogil=True)
def _one(q, vectors, postings, bounds, facts, min_score, rows, scores, acc, query):
    """Fill rows/scores with q's best neighbours; returns how many there are."""
    indptr, terms, weights = vectors
    frequency, max_weight = bounds
    days, sec_ptr, _, tag_ptr, _ = facts
    start, end = indptr[q], indptr[q + 1]
    n_terms = end - start
    n_docs = len(acc)
    k = len(rows)
    # Rarest terms first: their postings are short and they say most about the article.
    order = np.argsort(frequency[terms[start:end]], kind="mergesort") + start
    # tail[j]: the most that the terms from j on can add to any article's cosine.
    tail = np.zeros(n_terms + 1)
    for j in range(n_terms - 1, -1, -1):
        tail[j] = tail[j + 1] + weights[order[j]] * max_weight[terms[order[j]]]
    for j in range(start, end):
        query[terms[j]] = weights[j]
    # The largest boost an article can get from sharing q's section and tags.
    boost = (
        1.0
        + SECTION_BONUS * (sec_ptr[q + 1] > sec_ptr[q])
        + TAG_BONUS * (tag_ptr[q + 1] > tag_ptr[q])
    )
    count = 0
    bar = min_score * (1 - SLACK)
    cut = n_terms
    done = 0
    spent = 0
    check = n_docs // 2
    while done < cut:
        term = terms[order[done]]
        _accumulate(term, weights[order[done]], postings, acc)
        spent += frequency[term]
        done += 1
        if spent >= check or done == cut:
            # Exact scores of the likeliest neighbours raise the bar; then the most common
            # terms whose summed best contribution cannot lift an article not reached yet to
            # half of it, even with the largest boost, are left out of the walk. (Any fraction
            # up to 1 is exact; half leaves fewer articles to rescore for a little more walk.)
            check = 8 * spent
            count = _raise_bar(q, vectors, query, facts, min_score, rows, scores, count, acc)
            if count == k:
                bar = max(bar, scores[k - 1] * (1 - SLACK))
            while cut > done and tail[cut - 1] * boost < bar * WALK_UNTIL:
                cut -= 1
    rest = tail[cut]
    # Articles none of the walked terms reached have a cosine of at most `rest`: below the bar.
    for d in range(n_docs):
        if acc[d] == 0.0 or d == q or (acc[d] + rest) * boost < bar:
            continue
        if (acc[d] + rest) * boost * _recency(days, q, d) < bar:
            continue
        factor = multiplier(facts, q, d)
        if (acc[d] + rest) * factor < bar:
            continue
        score = _cosine(vectors, query, d) * factor
        if score >= bar and score >= min_score:
            count = _offer_once(rows, scores, count, d, score)
            if count == k:
                bar = max(bar, scores[k - 1] * (1 - SLACK))
    acc[:] = 0.0
    for j in range(start, end):
        query[terms[j]] = 0.0
    return count


@nb.njit(cache=True, parallel=True)
def top_related(queries, vectors, postings, bounds, facts, min_score, out_rows, out_scores, chunks):
    """For each query row, its k best other rows by final score (at least min_score > 0).

    vectors: CSR (indptr, term ids sorted per row, unit-length float32 weights); postings: the
    same matrix by term (indptr, rows, weights); bounds: (postings per term, largest weight per
    term); facts: as for `multiplier`. Writes out_rows (-1 where fewer) and out_scores, both
    shaped (len(queries), k). Queries are dealt round-robin into `chunks` parallel jobs.
    """
    n_docs = len(vectors[0]) - 1
    n_chunks = min(len(queries), chunks)
    for chunk in nb.prange(n_chunks):
        acc = np.zeros(n_docs)
        query = np.zeros(len(bounds[0]))
        for i in range(chunk, len(queries), n_chunks):
            _one(
                queries[i],
                vectors,
                postings,
                bounds,
                facts,
                min_score,
                out_rows[i],
                out_scores[i],
                acc,
                query,
            )
