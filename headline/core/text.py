"""The one cleaning step for text that readers and editors store, and the visible-content rule.

Text arrives from comment forms, the Wagtail admin and importers carrying whatever the clipboard
held: terminal colour escapes, NULs from word processors, byte order marks, accents typed as two
code points. `clean_text` makes any of it safe to store and to write into HTML, XML and JSON;
`headline.core.signals` applies it to every model save, `CleanCharField` to what forms receive,
and the feed and sitemap writers apply it again (`clean_tree`, or on the whole document) so rows
stored before this rule existed cannot break them. `has_visible_content` decides when a required field
that holds only invisible characters counts as empty.
"""

import re
import unicodedata

from django import forms
from taggit.utils import _parse_tags

# What XML 1.0 cannot carry: its Char production
# (https://www.w3.org/TR/xml/#NT-Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
# [#x10000-#x10FFFF]) excludes C0 controls other than tab, LF and CR, the surrogates and
# U+FFFE/U+FFFF. Also removed: DEL and the C1 controls (U+007F-U+009F) and every Unicode
# noncharacter (U+FDD0-U+FDEF and the last two code points of each plane, Unicode 15 §23.7),
# which XML 1.0 §2.2 asks documents to avoid and HTML parses as errors
# (https://html.spec.whatwg.org/#preprocessing-the-input-stream). Nobody types them on purpose.
_UNWRITABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane << 16 | low) for plane in range(17) for low in (0xFFFE, 0xFFFF))
    + "]"
)

# Invisible characters that no language needs in running text, removed wherever they stand:
# - the bidi embeddings, overrides and isolates with their terminators (LRE RLE PDF LRO RLO,
#   LRI RLI FSI PDI; UAX #9 §2.1-2.4). Left open, their scope runs to the end of the paragraph, so
#   one pasted U+202E RIGHT-TO-LEFT OVERRIDE reverses whatever follows the headline in a listing,
#   a <title> or a feed reader's line; overrides also reorder letters, the bidi spoofing of UTR #36
#   (Unicode Security Considerations), and UTS #39 keeps every default-ignorable character
#   out of identifiers (Identifier_Type Default_Ignorable). Direction in a page is markup's job
#   (`dir`, `<bdi>`), as W3C's internationalisation guidance prefers.
#   Kept: the implicit marks LRM, RLM and ALM (U+200E, U+200F, U+061C; UAX #9 §2.6), zero-width
#   strong characters that only place the neutrals beside them (a closing "!" or a number in
#   a right-to-left headline) and cannot reorder letters or leak past the text.
# - the invisible maths operators (U+2061-2064), the deprecated format characters U+206A-206F
#   (Unicode 15 §23.3), the byte order mark (a paste artefact inside text; U+2060 WORD JOINER does
#   its old job, §23.8) and the interlinear annotation characters U+FFF9-FFFB, which Unicode
#   reserves for use inside one program (§23.8).
_NOT_FOR_TEXT = re.compile(
    "[\u202a-\u202e\u2066-\u2069\u2061-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]"
)
# Tag characters spell hidden ASCII text; their one use is an emoji tag sequence such as the
# flag of Scotland: U+1F3F4, tags, U+E007F CANCEL TAG (UTS #51 ED-14a, Unicode 15 §23.9), kept
# whole.
_TAGS = re.compile("(\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f)|[\U000e0000-\U000e007f]")
# Zero-width joiners and breakers (soft hyphen, ZWSP, ZWNJ, ZWJ, word joiner) act on the two
# characters they stand between (Unicode 15 §23.2): Persian needs ZWNJ inside words,
# Indic scripts ZWJ and ZWNJ after a virama, Thai and Khmer ZWSP between words, emoji ZWJ
# between pictographs. Beside a space, a digit, punctuation, the start or the end they do nothing
# visible and only make two equal-looking headlines differ; there they are removed. A run of two
# or more is removed whole. A joiner after a virama is kept whatever follows, the rule of
# UAX #31 §2.3 (A1, A2): a Malayalam chillu written as consonant + virama + ZWJ ends a word.
_JOINER_RUNS = re.compile("[\u00ad\u200b-\u200d\u2060]+")
_EMOJI_MODIFIERS = range(0x1F3FB, 0x1F400)
_VIRAMA = 9  # canonical combining class of viramas (UCD, DerivedCombiningClass.txt)
# Everything `clean_text` may change before NFC, for its fast path.
_SUSPECT = re.compile(
    "|".join(rule.pattern for rule in (_UNWRITABLE, _NOT_FOR_TEXT, _TAGS, _JOINER_RUNS))
)

# Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt, Unicode 15.1):
# code points a renderer shows as nothing. Most are format characters or marks anyway; the
# list adds the Hangul fillers and reserved ranges that are letters or unassigned.
_DEFAULT_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
# Categories that show nothing by themselves: controls, format characters, surrogates,
# separators, and combining marks with no base to sit on.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Cs", "Zs", "Zl", "Zp", "Mn", "Me"}
BRAILLE_BLANK = "\u2800"  # a letter-like blank, popular for faking an empty name
# NFC composes "<", "=" and ">" with a following U+0338 into one symbol (≮ ≠ ≯), which would eat
# the end of an HTML tag such as `<p>` before text starting with that mark. Normalising the text
# between these three characters keeps markup intact (W3C Character Model: String Matching, §2.1).
_MARKUP_DELIMITERS = re.compile("([<=>])")


def clean_text(value: str) -> str:
    """`value` ready to store and to show: unwritable and misplaced invisible code points
    removed, then Unicode NFC.

    Removed: C0 controls except tab, line feed and carriage return; DEL and C1 controls; lone
    surrogates; noncharacters such as U+FFFE and U+FFFF (see `_UNWRITABLE` for the rule and its
    sources). Also removed: bidi embeddings, overrides and isolates, and the format characters no
    language uses in running text (`_NOT_FOR_TEXT`); tag characters outside an emoji flag
    (`_TAGS`); zero-width joiners and breakers that do not stand between two letters, marks or
    pictographs (`_JOINER_RUNS`). Kept: the bidi marks LRM, RLM and ALM, and the joiners a script
    needs, such as ZWNJ inside a Persian word. NFC (Unicode Standard Annex #15) follows the removal,
    so a mark freed from a control character still composes with its letter, and the result is
    stable: `clean_text(clean_text(s)) == clean_text(s)`. The one exception to NFC: "<", "=" and
    ">" never absorb a following U+0338, so markup keeps its tags: rich text can be cleaned as it
    is stored, and a whole rendered XML or HTML document as it is written.
    """
    if _SUSPECT.search(value) is None and unicodedata.is_normalized("NFC", value):
        return value
    value = _NOT_FOR_TEXT.sub("", _UNWRITABLE.sub("", value))
    value = _JOINER_RUNS.sub(_kept_joiner, _TAGS.sub(r"\1", value))
    parts = _MARKUP_DELIMITERS.split(value)
    return "".join(unicodedata.normalize("NFC", part) for part in parts)


def _joins(char):
    """Whether a zero-width joiner or breaker beside `char` can act on it."""
    return (
        unicodedata.category(char)[0] in "LM"
        or unicodedata.category(char) == "So"
        or (ord(char) in _EMOJI_MODIFIERS)
    )


def _kept_joiner(match):
    run, text = match.group(), match.string
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if len(run) > 1 or not before:
        return ""
    if run in "\u200c\u200d" and unicodedata.combining(before) == _VIRAMA:
        return run
    return run if after and _joins(before) and _joins(after) else ""


def clean_tree(value):
    """`value` with `clean_text` applied to every string inside its dicts, lists and tuples."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {key: clean_tree(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(clean_tree(item) for item in value)
    return value


def _invisible(char):
    return (
        char.isspace()
        or unicodedata.category(char) in _INVISIBLE_CATEGORIES
        or char == BRAILLE_BLANK
        or _DEFAULT_IGNORABLE.match(char) is not None
    )


def has_visible_content(value: str) -> bool:
    """Whether `value` shows anything: a character that is not whitespace, a control or format
    character, a default-ignorable code point, the braille blank or a mark with no base.

    Unassigned code points count as visible: they may be emoji newer than Python's Unicode data.
    """
    return not all(map(_invisible, value))


class CleanCharField(forms.CharField):
    """A form text field that cleans what it receives and treats invisible-only input as empty.

    Control characters are removed silently (a reader cannot see them, so cannot fix them);
    a value with nothing visible left becomes empty, so a required field refuses it with its
    own "required" message and an optional one stores nothing.
    """

    def to_python(self, value):
        if isinstance(value, str):
            value = clean_text(value)
        value = super().to_python(value)
        return self.empty_value if value and not has_visible_content(value) else value


INVISIBLE_IN_URL = (
    "This address contains an invisible character (such as a zero-width space): "
    "type it again rather than pasting it."
)


def _hidden_in_url(char):
    # Not combining marks: scripts such as Devanagari need them in internationalised names.
    return (
        char.isspace()
        or unicodedata.category(char) in {"Cc", "Cf"}
        or char == BRAILLE_BLANK
        or _DEFAULT_IGNORABLE.match(char) is not None
    )


def clean_url(value: str) -> str:
    """A web address a reader or editor typed or pasted, ready to validate as a URL.

    Control characters are removed as `clean_text` removes them; then invisible characters
    (whitespace, controls, format characters such as U+200B ZERO WIDTH SPACE, the byte order mark
    or a bidi override, default-ignorable code points) are removed from both ends, where a paste
    leaves them. One left inside raises ValidationError (INVISIBLE_IN_URL): `exa\u200bmple.org`
    looks like `example.org` and is another address, so it is refused rather than rewritten into
    something the writer did not type (which `clean_text`, run last, would do).
    """
    value = _UNWRITABLE.sub("", value)
    start, end = 0, len(value)
    while start < end and _hidden_in_url(value[start]):
        start += 1
    while end > start and _hidden_in_url(value[end - 1]):
        end -= 1
    value = value[start:end]
    # Spaces inside are left to the URL validator's own "Enter a valid URL".
    if any(_hidden_in_url(char) and not char.isspace() for char in value):
        raise forms.ValidationError(INVISIBLE_IN_URL, code="invisible")
    return clean_text(value)


class CleanURLField(forms.URLField):
    """A URL field for what readers and editors enter: `clean_url` before Django's validation.
    An address typed without a scheme gets https (Django 6's default)."""

    def __init__(self, *, assume_scheme="https", **kwargs):
        super().__init__(assume_scheme=assume_scheme, **kwargs)

    def to_python(self, value):
        return super().to_python(clean_url(value) if isinstance(value, str) else value)


def parse_tags(tagstring: str) -> list[str]:
    """Tag names typed in the admin, cleaned, without those that show nothing (TAGGIT_TAGS_FROM_STRING).

    Tags are cleaned here, before taggit looks them up by name, not on save: cleaning a new tag's
    name on save could turn it into an existing one and break the unique name.
    """
    names = {clean_text(name) for name in _parse_tags(tagstring)}
    return sorted(name for name in names if has_visible_content(name))
