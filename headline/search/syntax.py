"""What a reader types in the search box, read as web search engines (and WordPress) read it.

- words: an article must hold them all (`rail strike`);
- `"a phrase"` in double quotes: the words as written, in that order;
- `-word` or `-"a phrase"`: no article holding it;
- `OR` (in capitals) between two parts: articles matching either (`strike OR walkout`).

Everything else (brackets, `+`, `*`, a full-text engine's operators, an unclosed quote) is read
as the words it holds, so no input is an error. A part with only excluded words looks for
nothing: it is dropped, and a query left with no part finds nothing.
"""

import re
from dataclasses import dataclass, field

from wagtail.search.query import And, Not, Or, Phrase, PlainText

from .highlight import WORD

# A quoted phrase (its closing quote optional), or a run of anything but spaces.
_TOKEN = re.compile(r'(?P<minus>-?)"(?P<phrase>[^"]*)"?|(?P<word>\S+)')


@dataclass
class Part:
    """Words and phrases all wanted, and those excluded, in one side of an OR."""

    wanted: list = field(default_factory=list)
    excluded: list = field(default_factory=list)

    def query(self):
        wanted = [query for query in self.wanted if query is not None]
        if not wanted:
            return None
        found = wanted[0] if len(wanted) == 1 else And(wanted)
        for query in self.excluded:
            if query is not None:
                found = found & Not(query)
        return found


@dataclass
class Parsed:
    query: object  # a wagtail.search.query.SearchQuery, or None when nothing is looked for
    words: list  # the words wanted (not those excluded), in order: the ones to highlight


def _words(text, phrase=False):
    words = WORD.findall(text)
    if not words:
        return None
    if phrase and len(words) > 1:
        return Phrase(" ".join(words))
    return PlainText(" ".join(words), operator="and")


def parse(text):
    """`text` (the search box's value) → Parsed. Never raises."""
    parts, words = [Part()], []
    for token in _TOKEN.finditer(text):
        if token["word"] == "OR":
            parts.append(Part())
            continue
        raw = token["phrase"] if token["phrase"] is not None else token["word"]
        excluded = token["minus"] == "-" or (raw.startswith("-") and token["word"] is not None)
        if token["word"] is not None and excluded:
            raw = raw[1:]
        query = _words(raw, phrase=token["phrase"] is not None)
        if excluded:
            parts[-1].excluded.append(query)
        else:
            parts[-1].wanted.append(query)
            words += WORD.findall(raw)
    queries = [query for part in parts if (query := part.query()) is not None]
    if not queries:
        return Parsed(None, [])
    return Parsed(queries[0] if len(queries) == 1 else Or(queries), words)
