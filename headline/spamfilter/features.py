"""Turns a comment into the features the classifier counts.

Every signal is a plain string so the model can learn its weight from labelled comments
instead of this module hard-coding what spam looks like: words and word pairs, the hosts that
links point to, whether the commenter left a website or an email, and coarse shape hints
(shouting, repeated punctuation, phone numbers, prices, digit-laden words that dodge filters).
The same comment always yields the same features, with each feature at most once.
"""

import html
import re
import unicodedata
from urllib.parse import urlsplit

STEM = 5
# Longer "words" are keyboard mashing; their start is all the model needs.
MAX_WORD = 30
# Matches the database column; nothing useful is lost past it.
MAX_FEATURE = 120

_TAG = re.compile(r"<[^<>]*>")
_HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
# Invisible characters spammers (and some browsers) slip into text.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Bare domains ("example.com/page") count as links too. Here and below, repeats are bounded so
# that a long run of dots and letters cannot make a search take quadratic time.
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    r"|\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,4}\.(?:com|net|org|info|biz|ru|io|co|us|uk|me|ly|be|gl|tk|xyz|"
    r"top|site|online|shop|club|live|tv|cc)\b(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
# "example . com" and "example dot com" are links written to slip past link filters.
_SPACED_DOT = re.compile(r"\b(\w+)\s*(?:\s\.\s|\.\s|\s\.|\bdot\b)\s*(com|net|org)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_DIGITS = re.compile(r"\d")
_REPEATED_PUNCT = re.compile(r"([!?.$*])\1{2,}")
_PHONE = re.compile(r"(?:\+\d[\d\s().-]{8,}\d|\b\d{3}[\s.-]\d{3}[\s.-]\d{4}\b)")
_MONEY = re.compile(r"[$£€]\s?\d|\d\s?(?:[$£€]|usd|dollars?|euros?|pounds)\b", re.IGNORECASE)
_EMAIL_IN_TEXT = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,190}\b")
_HANDLE = re.compile(r"(?<!\w)@\w+")


def normalise(text: str) -> str:
    """Plain, composed text: entities decoded, markup dropped, invisible characters removed."""
    text = html.unescape(_TAG.sub(" ", text))
    return unicodedata.normalize("NFKC", text).translate(_INVISIBLE)


def _host(url: str) -> str:
    if "://" not in url:
        url = "http://" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _domain(host: str) -> str:
    """The registered domain, roughly: the last two labels, or three under "co.uk"-style suffixes."""
    labels = host.split(".")
    keep = 3 if len(labels) > 2 and len(labels[-2]) <= 3 and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """The range n falls in ("0", "2-3", "4+"), so counts become a few learnable values."""
    low = 0
    for edge in edges:
        if n < edge:
            return str(low) if edge - low == 1 else f"{low}-{edge - 1}"
        low = edge
    return f"{low}+"


def _word_features(words: list[str]) -> set[str]:
    features = set()
    for word in words:
        # Numbers stand for their length: "2015" and "2016" mean the same to a spam filter.
        token = "#" * min(len(word), 6) if word.isdigit() else word[:MAX_WORD]
        features.add(token)
        # A word's start stands in for a stemmer: "subscribe", "subscribers", "subscribing".
        if len(word) > STEM and not word.isdigit():
            features.add(f"stem:{word[:STEM]}")
        if _DIGITS.search(word) and not word.isdigit():
            features.add("has:letters+digits")
    tokens = ["#" if w.isdigit() else w[:MAX_WORD] for w in words]
    features.update(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))
    return features


def _shape_features(text: str) -> set[str]:
    features = set()
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 12:
        upper_share = sum(c.isupper() for c in letters) / len(letters)
        features.add(f"caps-tenths:{_bucket(int(upper_share * 10), (2, 5, 8))}")
    for mark in _REPEATED_PUNCT.findall(text):
        features.add(f"punct:{mark}{mark}{mark}")
    if _PHONE.search(text):
        features.add("has:phone")
    if _MONEY.search(text):
        features.add("has:money")
    if _EMAIL_IN_TEXT.search(text):
        features.add("has:email-in-text")
    if _HANDLE.search(text):
        features.add("has:handle")
    features.add(f"length:{_bucket(len(text), (20, 60, 150, 400))}")
    return features


def _link_features(text: str, hrefs: list[str], url: str) -> set[str]:
    links = _URL.findall(text)
    features = {f"links:{_bucket(len(set(links + hrefs)), (1, 2, 4))}"}
    for link in links + hrefs:
        host = _host(link)
        if host:
            features.add(f"host:{host}")
            # The registered domain generalises over subdomains and link shorteners' paths.
            features.add(f"domain:{_domain(host)}")
    if url:
        features.add("has:author-url")
        host = _host(url)
        if host:
            features.add(f"author-domain:{_domain(host)}")
    return features


def extract(text: str, author: str = "", email: str = "", url: str = "") -> set[str]:
    """The set of features present in one comment (presence, not frequency, is what counts)."""
    hrefs = _HREF.findall(text)
    plain = _SPACED_DOT.sub(r"\1.\2", normalise(text))
    without_links = _URL.sub(" ", plain)
    words = [w.lower() for w in _WORD.findall(without_links)]
    features = _word_features(words)
    features |= _shape_features(plain)
    features |= _link_features(plain, hrefs, url.strip())
    if email.strip():
        features.add("email:" + email.strip().rsplit("@", 1)[-1].lower())
    for word in _WORD.findall(normalise(author).lower()):
        features.add(f"author:{word[:MAX_WORD]}")
    return {feature[:MAX_FEATURE] for feature in features}
