"""WordPress's field values read as Headline's: dates, logins, slugs, statuses, excerpts."""

import hashlib
import html
import json
import re
from datetime import UTC, datetime
from ipaddress import ip_address
from urllib.parse import unquote

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify

from headline.core.text import clean_text, has_visible_content


def moment(gmt, local=""):
    """An aware datetime from WordPress's `Y-m-d H:i:s` fields: the `_gmt` one (UTC), else the
    site-local one read in Headline's TIME_ZONE (WordPress leaves `_gmt` at `0000-00-00
    00:00:00` on drafts never saved with a date); None when neither is a real date."""
    for text, zone in ((gmt, UTC), (local, None)):
        try:
            value = datetime.strptime((text or "").strip(), "%Y-%m-%d %H:%M:%S")
        except ValueError:
            continue
        return value.replace(tzinfo=zone) if zone else timezone.make_aware(value)
    return None


# WordPress's strict username rule (`sanitize_user(…, true)`, which its importer applies to each
# post's `dc:creator`): tags and escapes go, then every character but letters, digits, space,
# `_ . - @`. It matches a stray `>` or an invisible character to the declared login.
LOGIN_TAG = re.compile(r"<[^>]*>?|&[#\w]+;|%[0-9a-fA-F]{2}")
LOGIN_KEEP = re.compile(r"[^A-Za-z0-9 _.\-@]")


def login_key(login):
    """The key a login is known by: WordPress's strict form, or the cleaned text when nothing of
    it is left (a login in another script)."""
    raw = clean_text(login or "").strip()
    strict = " ".join(LOGIN_KEEP.sub("", LOGIN_TAG.sub("", raw)).split())
    return (strict or raw).lower()


def slug(wp_slug, fallback):
    """A Headline slug (Unicode kept, lower case) from WordPress's percent-encoded one, else
    from `fallback` (the title); never empty."""
    made = slugify(unquote(wp_slug or ""), allow_unicode=True)
    return (made or slugify(fallback or "", allow_unicode=True) or "untitled")[:240]


def text(value, limit=None):
    """Cleaned stored text (`core.text.clean_text`), cut at `limit` characters."""
    cleaned = clean_text(value or "").strip()
    return cleaned[:limit] if limit else cleaned


UNTITLED = "(no title)"  # what WordPress's admin shows for an item without a title
TITLE_LIMIT = 255  # Page.title max_length


def title(value):
    """A title, or UNTITLED for an item without one."""
    cleaned = text(strip_tags(value or ""), TITLE_LIMIT)
    return cleaned if has_visible_content(cleaned) else UNTITLED


# WordPress's automatic excerpt (`wp_trim_excerpt`): the first 55 words of the content; a
# standfirst holds 400 characters. Read here from the body's opening prose only (`prose`): a
# heading, list or quote run into prose ("Header one Header two…") is not a standfirst.
EXCERPT_WORDS = 55
STANDFIRST_LIMIT = 400
_BREAK = re.compile(r"<br\s*/?>", re.I)


def standfirst(excerpt, body, fallback):
    """The excerpt, or WordPress's automatic one from the body's paragraphs, or `fallback` (the
    title). `body`: the converted body's blocks (`content.convert`), as raw data."""
    for source, limit in ((excerpt, None), (prose(body), EXCERPT_WORDS)):
        words = words_of(source)
        plain = " ".join(words[:limit])
        if not has_visible_content(plain):
            continue
        if len(plain) >= STANDFIRST_LIMIT:
            return plain[: STANDFIRST_LIMIT - 1].rsplit(" ", 1)[0] + "…"
        return plain + ("…" if limit and len(words) > limit else "")
    return fallback


# A post without a title (WordPress's asides and status updates often have none) is headlined
# with its opening sentence, or its first words when that sentence runs longer, at most
# HEADLINE_CHARS characters. A "sentence" of one or two words is an abbreviation's full stop
# ("Mr.", "U.S."), not a sentence's end; Chinese and Japanese end sentences with 。！？ and put
# no spaces between words.
HEADLINE_WORDS = 12
HEADLINE_CHARS = 100
SENTENCE_MIN_WORDS = 3
_SENTENCE_END = re.compile(r"""[.!?…]['"’”»)]*$""")
_WIDE_SENTENCE_END = re.compile(r"[。！？]")


def has_title(value):
    """Whether WordPress's title field holds visible words (tags and control characters aside)."""
    return has_visible_content(text(strip_tags(value or "")))


def headline(body):
    """A headline for a post without a title (see `has_title`): its opening sentence of at most
    HEADLINE_WORDS words, else those words and "…", cut to HEADLINE_CHARS characters; UNTITLED
    when the body's paragraphs have no words either. `body`: as for `standfirst`."""
    words = words_of(prose(body))[: HEADLINE_WORDS + 1]
    for count, word in enumerate(words[:HEADLINE_WORDS], 1):
        if count >= SENTENCE_MIN_WORDS and _SENTENCE_END.search(word):
            words = words[:count]
            break
    made = " ".join(words[:HEADLINE_WORDS]) + ("…" if len(words) > HEADLINE_WORDS else "")
    wide_end = _WIDE_SENTENCE_END.search(made)
    if wide_end and wide_end.end() < len(made):
        made = made[: wide_end.end()]
    if not has_visible_content(made):
        return UNTITLED
    if len(made) > HEADLINE_CHARS:
        cut = made[: HEADLINE_CHARS - 1]
        before_space = cut.rsplit(" ", 1)[0]
        made = (before_space if len(before_space) > HEADLINE_CHARS // 2 else cut).rstrip() + "…"
    return made


# Blocks a reader's eye passes over between two paragraphs of prose; any other block (a list,
# quote, heading, table…) ends the opening prose, since its words are not read into it.
_PICTURES = {"image", "gallery", "embed"}


def prose(body):
    """The opening prose of a converted body (`content.convert`'s raw blocks), as markup: its
    first run of paragraphs (pictures within it passed over, headings or lists before it
    skipped), less paragraphs at its end that introduce what follows (ending in a colon); the
    next run when nothing is left, "" when there is none."""
    runs = [[]]
    for block in body:
        if block.get("type") == "paragraph":
            runs[-1].append(_BREAK.sub(" ", block["value"]))
        elif block.get("type") not in _PICTURES and runs[-1]:
            runs.append([])
    for run in runs:
        while run and " ".join(words_of(run[-1])).endswith((":", "：")):
            run.pop()
        if run:
            return " ".join(run)
    return ""


def words_of(markup):
    return html.unescape(strip_tags(clean_text(markup or ""))).split()


def integer(value):
    """WordPress's numeric fields as ints; 0 when empty or not a number."""
    try:
        return int((value or "").strip())
    except ValueError:
        return 0


def ip(value):
    """A valid IP address or None (WordPress stores whatever the server saw)."""
    try:
        return str(ip_address((value or "").strip()))
    except ValueError:
        return None


def url(value, limit=200):
    value = (value or "").strip()
    return value if value.startswith(("http://", "https://")) and len(value) <= limit else ""


def digest(*parts):
    """A stable digest of JSON-able data (what WordPress gave, or what we stored)."""
    encoded = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()
