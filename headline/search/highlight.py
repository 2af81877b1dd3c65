"""Highlighted excerpts for search results: the stretch of an article around the first matching
word, with every match wrapped in <mark>.

The text is the reader-visible article text, plain and unescaped (`ArticlePage.body_text`), so it is
escaped exactly once, piece by piece around the matches (never escaped first and searched
afterwards, which could split an entity such as `&amp;`).
Words are matched by prefix after trimming common English endings, so "elections" also marks
"election", roughly as the database backends' stemming matches them.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

ENDINGS = ("ing", "es", "ed", "s")
WINDOW_BEFORE, WINDOW_AFTER = 12, 28
WORD = re.compile(r"\w+")


def query_terms(query):
    """The distinct words of a query, in order, trimmed to the stem used for matching."""
    terms = []
    for word in WORD.findall(query.lower()):
        for ending in ENDINGS:
            if len(word) > len(ending) + 3 and word.endswith(ending):
                word = word[: -len(ending)]
                break
        if word not in terms:
            terms.append(word)
    return terms


def terms_pattern(terms):
    if not terms:
        return None
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


def mark(text, pattern):
    """`text` escaped, with each match of `pattern` wrapped in <mark>."""
    if pattern is None:
        return escape(text)
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))


def reading_text(standfirst, body):
    """The text an excerpt is cut from: the standfirst, then the body's words, the standfirst
    left out when the body opens with its words (a standfirst made from the lede, as WordPress's
    automatic excerpt is, "…" and all), so that no sentence shows twice."""
    lead = standfirst.removesuffix("…").split()
    if lead and body.split()[: len(lead)] == lead:
        return body
    return f"{standfirst} {body}"


def excerpt(text, pattern):
    """About forty words of `text` around its first match (its opening when nothing matches)."""
    words = text.split()
    first = 0
    if pattern is not None:
        first = next((i for i, word in enumerate(words) if pattern.search(word)), 0)
    start = max(0, first - WINDOW_BEFORE)
    stop = min(len(words), first + WINDOW_AFTER)
    window = " ".join(words[start:stop])
    return ("… " if start else "") + window + (" …" if stop < len(words) else "")
