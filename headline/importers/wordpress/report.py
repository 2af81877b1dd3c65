"""What an import did: per kind, how many were created, updated, unchanged and skipped, each skip
with its reason (one reason for kinds skipped whole: pingbacks, menu entries, theme data…), the
comments made by status, the shortcodes kept as text, the dynamic blocks left out and the media
files not found.

The command prints it (`as_text`); the admin keeps it as JSON on the run (`as_dict`) and shows it.
"""

from collections import Counter, defaultdict

OUTCOMES = ("created", "updated", "unchanged", "skipped")
# In the order a reader thinks of a site, not the file's.
KINDS = (
    "author",
    "category",
    "tag",
    "term",
    "post",
    "page",
    "attachment",
    "comment",
    "pingback",
    "redirect",
)
# Why a kind is skipped whole, item by item the same reason. WordPress item types (`wp:post_type`)
# not named here are site design, editor or plugin data (UNKNOWN_TYPE).
KIND_REASONS = {
    "pingback": "notices that another site linked to a post (pingbacks, trackbacks), not comments",
    "term": "terms of neither categories nor tags (menus, post formats, a plugin's taxonomy)",
    "nav_menu_item": "menu entries: read to choose the sections the menu shows, not imported",
    "revision": "earlier versions of posts: each post's current text is imported",
    "wp_block": "reusable blocks (patterns): each post that uses one shows its content",
    "attachment": "files not found in the media folder, listed below",
}
UNKNOWN_TYPE = "site design, editor or plugin data, not a post, page or file"
# Each kind in an editor's words, with what it became; a WordPress item type not named here
# is shown by its name.
KIND_LABELS = {
    "author": "Authors",
    "category": "Categories → sections, tags",
    "tag": "Tags",
    "term": "Other terms",
    "post": "Posts → articles",
    "page": "Pages → standard pages",
    "attachment": "Attachments → images, documents",
    "comment": "Comments",
    "pingback": "Pingbacks, trackbacks",
    "redirect": "Old addresses → redirects",
    "untyped item": "Items without a type",
}


def kind_label(kind):
    return KIND_LABELS.get(kind) or f"WordPress “{kind}” items"


# How the comments made are counted, by Comment.Status value.
COMMENT_STATUSES = {
    "approved": "published",
    "pending": "held for moderation",
    "spam": "spam",
    "trash": "in the trash",
}

# Blocks with a plain-text field that the content converter wrote as paragraphs instead
# (`content.Converted.as_paragraphs`): singular and plural.
AS_PARAGRAPHS = {
    "quote": ("a quote", "quotes"),
    "list": ("a list", "lists"),
    "heading": ("a heading", "headings"),
    "caption": ("a caption", "captions"),
}


def as_paragraphs_note(counts):
    """The note for a post whose `counts` ({"quote": 1, "list": 2}) were written as paragraphs:
    "a quote and 2 lists held links, layout, numbering…"."""
    named = [
        one if counts[kind] == 1 else f"{counts[kind]} {many}"
        for kind, (one, many) in AS_PARAGRAPHS.items()
        if counts[kind]
    ]
    things = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    them = "it" if sum(counts.values()) == 1 else "them"
    return (
        f"{things} held links, layout, numbering or more text than their blocks keep: shown as ordinary "
        f"paragraphs, nothing lost; edit the article to rework {them}"
    )


TAKEN_ADDRESSES = (
    "Old addresses that led to other pages (another import's, often another WordPress site "
    "with the same post IDs) and now lead to this import's:"
)


def control_characters_line(n):
    """What the report says of `n` control characters left out of the file."""
    which = (
        "control character, which XML does not allow, was"
        if n == 1
        else ("control characters, which XML does not allow, were")
    )
    return (
        f"{n} {which} left out of the file (WordPress keeps what was pasted into it, "
        "invisible characters included)."
    )


class Report:
    def __init__(self, dry_run=False):
        self.dry_run = dry_run
        self.counts = defaultdict(Counter)
        self.kind_skips = Counter()  # kind → items skipped for its KIND_REASONS reason
        self.comment_statuses = Counter()  # Comment.Status value → comments created
        # [(kind, WordPress ID, title, reason)], in file order.
        self.skips = []
        # [(kind, WordPress ID, title, note)]: imported, with something to know.
        self.notes = []
        self.unknown_shortcodes = Counter()
        # Gutenberg blocks WordPress builds on each view (latest posts, archives…): no saved HTML.
        self.unrendered_blocks = Counter()
        self.missing_media = []
        # Old addresses whose redirect led to another page and now leads to this import's.
        self.taken_addresses = []
        # Titles of the sections this import made, put in the site's menus or not.
        self.menu = {"shown": [], "hidden": []}
        self.wxr_version = ""
        self.site_url = ""
        self.control_characters = 0  # left out of the file before parsing (wxr.CountingReader)

    def count(self, kind, outcome, number=1):
        self.counts[kind][outcome] += number

    def skip(self, kind, wp_id, title, reason, number=1):
        self.count(kind, "skipped", number)
        self.skips.append((kind, str(wp_id or ""), title, reason))

    def skip_kind(self, kind):
        """One more item skipped for its kind's one reason (see KIND_REASONS)."""
        self.count(kind, "skipped")
        self.kind_skips[kind] += 1

    def kind_reasons(self):
        """[(kind, items skipped, why)] for the kinds skipped for one reason."""
        return [(k, n, KIND_REASONS.get(k, UNKNOWN_TYPE)) for k, n in self.kind_skips.items()]

    def note(self, kind, wp_id, title, note):
        self.notes.append((kind, str(wp_id or ""), title, note))

    def ordered_notes(self):
        """The notes on posts and pages (what an editor acts on) first, then the others, each
        in file order."""
        return sorted(self.notes, key=lambda note: note[0] not in ("post", "page"))

    def missing(self, url):
        if url not in self.missing_media:
            self.missing_media.append(url)

    def menu_sections(self, shown, hidden):
        self.menu = {"shown": shown, "hidden": hidden}

    def total(self, kind):
        return sum(self.counts[kind].values())

    def rows(self):
        """[(kind, {outcome: number})] for every kind met, in `KINDS` order."""
        kinds = [kind for kind in KINDS if kind in self.counts]
        kinds += sorted(set(self.counts) - set(KINDS))
        return [(kind, {o: self.counts[kind][o] for o in OUTCOMES}) for kind in kinds]

    def as_dict(self):
        return {
            "dry_run": self.dry_run,
            "site_url": self.site_url,
            "wxr_version": self.wxr_version,
            "counts": {kind: outcomes for kind, outcomes in self.rows()},
            "kind_reasons": [list(row) for row in self.kind_reasons()],
            "comment_statuses": self.comments_by_status(),
            "skips": [list(skip) for skip in self.skips],
            "notes": [list(note) for note in self.ordered_notes()],
            "unknown_shortcodes": dict(self.unknown_shortcodes.most_common()),
            "unrendered_blocks": dict(self.unrendered_blocks.most_common()),
            "missing_media": self.missing_media,
            "taken_addresses": self.taken_addresses,
            "menu": self.menu,
            "control_characters": self.control_characters,
        }

    def comments_by_status(self):
        """ "20 published, 3 held for moderation", or "" when no comment was made."""
        return ", ".join(
            f"{self.comment_statuses[status]} {words}"
            for status, words in COMMENT_STATUSES.items()
            if self.comment_statuses[status]
        )

    def as_text(self):
        rows = self.rows()
        width = max([12] + [len(kind) + 2 for kind, _ in rows])
        lines = [
            f"WordPress export (WXR {self.wxr_version or '?'}) of {self.site_url}"
            + (" — dry run: nothing was saved" if self.dry_run else ""),
            f"{'':{width}}" + "".join(f"{outcome:>11}" for outcome in OUTCOMES),
        ]
        for kind, outcomes in rows:
            lines.append(f"{kind:{width}}" + "".join(f"{outcomes[o]:>11}" for o in OUTCOMES))
        if self.comment_statuses:
            lines.append(f"Comments created: {self.comments_by_status()}")
        if self.control_characters:
            lines.append(control_characters_line(self.control_characters))
        if self.skips or self.kind_skips:
            lines.append("Skipped:")
            lines += [f"  {kind} × {n}: {why}" for kind, n, why in self.kind_reasons()]
            lines += [f"  {k} {i} “{t}”: {why}" for k, i, t, why in self.skips]
        if self.notes:
            lines.append("Notes:")
            lines += [f"  {k} {i} “{t}”: {why}" for k, i, t, why in self.ordered_notes()]
        if self.unknown_shortcodes:
            lines.append("Unknown shortcodes kept as text:")
            lines += [f"  [{name}] × {n}" for name, n in self.unknown_shortcodes.most_common()]
        if self.unrendered_blocks:
            lines.append("Blocks WordPress builds on each view, with nothing saved to bring:")
            lines += [f"  {name} × {n}" for name, n in self.unrendered_blocks.most_common()]
        if self.missing_media:
            lines.append("Media files not found (the body links to their old address):")
            lines += [f"  {url}" for url in self.missing_media]
        if self.taken_addresses:
            lines.append(TAKEN_ADDRESSES)
            lines += [f"  {path}" for path in self.taken_addresses]
        if self.menu["shown"]:
            lines.append("Sections added to the menu: " + ", ".join(self.menu["shown"]))
        if self.menu["hidden"]:
            lines.append(
                "Sections not in the menu: "
                + ", ".join(self.menu["hidden"])
                + " — add them in the page's Promote tab, Show in menus"
            )
        return "\n".join(lines)
