"""A WordPress post's content → the article body, with nothing lost and nothing unsafe kept.

`convert` is a pure function (no database writes): the importer gives it a post's
`content:encoded` and a way to find the post's media, and stores the body it returns. The steps,
in WordPress's own order for showing a post (its `the_content` filters):

1. `headline.core.text.clean_text`: control characters (C0 but tab and line breaks, NUL, C1),
   lone surrogates and noncharacters removed; Unicode NFC.
2. Gutenberg block markup is read as blocks (`gutenberg`); content outside blocks, and every
   post written in the classic editor, gets WordPress's auto-embeds (`embeds.autoembed`) and
   paragraph rule (`autop`).
3. Shortcodes are expanded or counted (`shortcodes`).
4. The HTML is sanitized with nh3 and read as a tree (`sanitize`), then mapped onto the body
   blocks (`body`).
"""

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from headline.core.text import clean_text

from . import gutenberg
from .autop import autop
from .body import BodyBuilder
from .embeds import autoembed
from .media import MediaRef, Uploads, is_upload
from .sanitize import tree
from .shortcodes import Shortcodes

__all__ = ["Converted", "MediaRef", "Uploads", "convert", "is_upload"]


@dataclass
class Converted:
    """The result of `convert`.

    body: raw StreamField data for `news.blocks.ArticleBodyBlock`, a list of
        {"type": <block name>, "value": <raw value>}; assign it to `ArticlePage.body`.
    unknown_shortcodes: names of shortcodes left as text → how often each appears.
    missing_media: addresses of media the `media` lookup did not find, in order, once each;
        the body links to them where they were.
    unrendered_blocks: Gutenberg blocks with no saved HTML (built by WordPress on each view,
        such as `core/latest-posts`) → how often; nothing of them can be carried over.
    as_paragraphs: "quote", "list", "heading" or "caption" → how many were written as
        paragraphs because they hold what their block cannot (a quote a list or heading; the
        others a link, or more text than their field takes); the words and links are kept,
        the kind of block is not.
    """

    body: list
    unknown_shortcodes: Counter = field(default_factory=Counter)
    missing_media: list = field(default_factory=list)
    unrendered_blocks: Counter = field(default_factory=Counter)
    as_paragraphs: Counter = field(default_factory=Counter)


def convert(
    html: str,
    media: Callable[[str], MediaRef | None],
    *,
    site_url: str,
    attachments: Sequence[int] = (),
    reusable: Mapping[str, str] = MappingProxyType({}),
) -> Converted:
    """The article body for a post's content (`html`, as exported in `content:encoded`).

    media: called with the absolute address of each image, audio, video or uploaded file the
        body refers to (size variants included: see `Uploads`), and with
        `{site_url}/?attachment_id=N` for galleries that name attachments by ID; returns what
        the importer made of it, or None when the file is missing.
    site_url: the WordPress site's address (the export's `wp:base_site_url`), against which
        relative addresses are read.
    attachments: IDs of the attachments whose parent is this post, in menu order; a
        `[gallery]` without `ids` shows them, as WordPress does.
    reusable: the export's reusable blocks (`wp_block` items), ID → content; a post's
        `<!-- wp:block {"ref":ID} /-->` shows that content.
    Never raises on content, however broken.
    """
    text = clean_text(html or "")
    unrendered = Counter()
    if gutenberg.has_blocks(text):
        text = gutenberg.to_html(text, _classic, unrendered, reusable)
    else:
        text = _classic(text)
    shortcodes = Shortcodes(site_url=site_url, attachments=attachments)
    text = shortcodes.expand(text)
    builder = BodyBuilder(media, site_url)
    body = builder.build(tree(text))
    return Converted(body, shortcodes.unknown, builder.missing, unrendered, builder.as_paragraphs)


def _classic(text: str) -> str:
    return autop(autoembed(text))
