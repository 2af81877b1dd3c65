"""Paragraphs from classic-editor text, by WordPress's `wpautop` rule.

Classic posts are stored as typed: a blank line separates paragraphs, a single line break is a
line break, and block-level HTML (tables, lists, headings, quotes…) is written as it is. WordPress
adds the `<p>` and `<br />` when it shows the post (its `wpautop` filter, documented at
https://developer.wordpress.org/reference/functions/wpautop/). This is the same rule, written
for Headline: blank lines (or two `<br>` in a row) make paragraphs; no paragraph is opened
around block-level tags; remaining single line breaks become `<br />`, except next to block
tags; `<pre>`, `<script>`, `<style>`, `<textarea>`, `<svg>`, `<math>` and HTML comments are left
exactly as written. The output is read by an HTML parser next, which repairs any nesting.
"""

import re

# Block-level tags, from wpautop's documented list.
BLOCK = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form"
    r"|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside"
    r"|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|math|svg|audio|video)"
)
# Where a stretch left as written starts, and how it ends.
_KEPT = ("pre", "script", "style", "textarea", "svg", "math")
_PROTECTED = re.compile(rf"<({'|'.join(_KEPT)})\b|<!--", re.I)
_ENDS = {name: re.compile(rf"</{name}\s*>", re.I) for name in _KEPT} | {None: re.compile("-->")}
# A protected stretch waits in a slot marked with private-use characters; a block-level one in
# an empty `<pre>`, so paragraphs still break around it.
_SLOT = "\ue000{}\ue001"
_BLOCK_SLOT = "<pre \ue000{}\ue001></pre>"
_SLOT_BACK = re.compile("<pre \ue000(\\d+)\ue001></pre>|\ue000(\\d+)\ue001")
_OPEN = re.compile(rf"(<{BLOCK}[\s/>])", re.I)
_CLOSE = re.compile(rf"(</{BLOCK}>)", re.I)
_TAG = rf"</?{BLOCK}(?:\s[^>]*)?/?>"


def _protect(text):
    """`text` with each protected stretch in a slot, and the stretches. One never closed is not
    protected. Each kind's end is searched for once per stretch, not once per start before it."""
    out, protected, position, ends = [], [], 0, {}
    while start := _PROTECTED.search(text, position):
        name = start[1].lower() if start[1] else None
        end = ends.get(name)
        if end is None or (end != (-1, -1) and end[0] < start.end()):
            found = _ENDS[name].search(text, start.end())
            end = ends[name] = found.span() if found else (-1, -1)
        if end == (-1, -1):
            out.append(text[position : start.end()])
            position = start.end()
            continue
        out.append(text[position : start.start()])
        protected.append(text[start.start() : end[1]])
        out.append((_BLOCK_SLOT if name else _SLOT).format(len(protected) - 1))
        position = end[1]
    out.append(text[position:])
    return "".join(out), protected


def autop(text: str, br: bool = True) -> str:
    """`text` with paragraphs made from blank lines and, with `br`, line breaks from single
    newlines. Empty or whitespace-only text gives ""."""
    if not text.strip():
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ue000", "").replace("\ue001", "")
    text, protected = _protect(text)
    # A line break inside a tag is a space between attributes, not a paragraph break.
    text = re.sub(r"<[^<>]*>", lambda tag: tag[0].replace("\n", " "), text)
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text, flags=re.I)
    text = _OPEN.sub(r"\n\n\1", text)
    text = _CLOSE.sub(r"\1\n\n", text)
    text = re.sub(r"(<hr\s*/?>)", r"\1\n\n", text, flags=re.I)
    chunks = [chunk.strip("\n") for chunk in re.split(r"\n\s*\n", text)]
    text = "".join(f"<p>{chunk}</p>\n" for chunk in chunks if chunk.strip())
    # No paragraph around a block tag standing alone, nor opened right before or after one.
    text = re.sub(rf"<p>\s*({_TAG})\s*</p>", r"\1", text, flags=re.I)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.I)
    text = re.sub(r"</blockquote></p>", "</p></blockquote>", text, flags=re.I)
    text = re.sub(rf"<p>\s*({_TAG})", r"\1", text, flags=re.I)
    text = re.sub(rf"({_TAG})\s*</p>", r"\1", text, flags=re.I)
    if br:
        text = re.sub(r"(?<!<br />)\s*\n(?!$)", "<br />\n", text)
        text = re.sub(rf"({_TAG})\s*<br />", r"\1", text, flags=re.I)
        text = re.sub(
            r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)(?:\s[^>]*)?>)",
            r"\1",
            text,
            flags=re.I,
        )
    text = re.sub(r"<p>\s*</p>", "", text)
    return _SLOT_BACK.sub(lambda slot: protected[int(slot[1] or slot[2])], text).rstrip("\n")
