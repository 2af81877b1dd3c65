"""Related Articles: a self-hosted engine that picks, for each published article, up to six others
a reader of it would want next, stores them, and keeps them current as the newsroom publishes.

Design. Each article becomes hashed term counts of its headline (a word there weighs 1.5 body
words), standfirst (1.25) and body, log-scaled, kept per article in `ArticleTerms`. Whoever loads
the stored terms of the published archive derives IDF from them on the spot, so weights never go
stale and there is no vocabulary to refit. Two articles score
    cosine(TF-IDF) x (1 + 0.2 if they share a section + 0.3 x Jaccard overlap of tags)
                   x (0.7 + 0.3 x 2^(-days apart / 60)),
so a piece from the same week beats an equally similar one from five years before, which needs
about 1.4 times the similarity to win. The time between the two articles (not their age) keeps
the score symmetric and the stored lists valid as time passes. Candidates under 0.05 are never
shown: fewer cards, or none, rather than filler. Editors' pins (`RelatedPin`) come first.

Storage and updates. `RelatedArticle` rows (article, related, rank, score) make the box one query
plus one for thumbnails, whatever the archive's size. `rebuild_related` recomputes everything
without scoring all pairs: sparse top-n products propose candidates from the whole archive (rare
terms) and from articles published near each one, and only those pairs are scored exactly
(`engine.Index.candidates`, `scoring.pair_scores`). Publishing, changing or withdrawing an article
queues a task that re-weighs only that article, scores it against the stored terms and, the
score being symmetric, recomputes (against every article) its own list, the lists whose weakest
entry it now beats and the lists that held it.

Measurement. `related_eval FILE.jsonl` runs the same engine (`engine.py`, no Django) on labelled
news next to a plain TF-IDF baseline; `python -m benchmarks` times rebuilds and updates.
"""
