"""Reading a WordPress export (WXR 1.0, 1.1, 1.2) safely and as a stream.

A WXR file is an RSS 2.0 document whose channel holds the site's address, then `wp:author`,
`wp:category`, `wp:tag` and `wp:term` definitions, then one `item` per post, page, attachment or
other post type, each with its `wp:postmeta` and `wp:comment` children (WordPress's
`export_wp()` in wp-admin/includes/export.php writes them in that order).

`read(file)` yields one `Record` per definition or item and frees each element once read, so
memory stays flat whatever the file's size. It parses with lxml's iterparse, entity expansion,
DTD loading and network access off and libxml2's size limits on (`huge_tree` off). WordPress
never writes a document type declaration, so one is refused before anything it declares could
be used: that stops entity-expansion bombs and external entities alike. Every problem raises
`WXRError`, whose message names it and gives the line where the parser found it.
"""

from dataclasses import dataclass, field

from lxml import etree

# Namespace URIs → the prefixes WordPress writes; the export's version is in the `wp` URI, which
# WordPress.com writes with https.
WP_PREFIXES = ("http://wordpress.org/export/", "https://wordpress.org/export/")
FIXED_NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
RECORD_KINDS = {"wp:author", "wp:category", "wp:tag", "wp:term", "item"}
# Channel fields the importer reads (the site's addresses and the format version).
CHANNEL_FIELDS = {"title", "link", "wp:wxr_version", "wp:base_site_url", "wp:base_blog_url"}


class WXRError(Exception):
    """The file cannot be imported; the message says why and, when known, where (`line`)."""

    def __init__(self, message, line=None):
        self.line = line
        super().__init__(f"Line {line}: {message}" if line else message)


@dataclass
class Record:
    """One definition or item: `kind` is `channel`, `wp:author`, `wp:category`, `wp:tag`,
    `wp:term` or `item`; `fields` maps each child's prefixed name (`wp:post_id`, `title`,
    `content:encoded`) to its text, the last one winning; `line` is where it starts.

    Items also carry `categories` [(domain, nicename, name)], `postmeta` {key: value} and
    `comments` [{field: text, "meta": {key: value}}], in file order."""

    kind: str
    fields: dict
    line: int = 0
    categories: list = field(default_factory=list)
    postmeta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)

    def get(self, name, default=""):
        return self.fields.get(name, default)


def prefixed(tag):
    """`{http://wordpress.org/export/1.2/}post_id` → `wp:post_id`, whatever the WXR version."""
    if not isinstance(tag, str):  # comments and processing instructions
        return None
    if not tag.startswith("{"):
        return tag
    uri, _, local = tag[1:].partition("}")
    if uri.startswith(WP_PREFIXES):
        return f"{'excerpt' if uri.rstrip('/').endswith('/excerpt') else 'wp'}:{local}"
    prefix = FIXED_NAMESPACES.get(uri)
    return f"{prefix}:{local}" if prefix else f"{{{uri}}}{local}"


def text_fields(element):
    return {
        name: child.text or ""
        for child in element
        if (name := prefixed(child.tag)) is not None and len(child) == 0
    }


def to_record(element):
    kind = prefixed(element.tag)
    record = Record(kind, text_fields(element), element.sourceline or 0)
    if kind != "item":
        return record
    for child in element:
        name = prefixed(child.tag)
        if name == "category":
            record.categories.append(
                (child.get("domain", ""), child.get("nicename", ""), child.text or "")
            )
        elif name == "wp:postmeta":
            meta = text_fields(child)
            record.postmeta[meta.get("wp:meta_key", "")] = meta.get("wp:meta_value", "")
        elif name == "wp:comment":
            comment = text_fields(child)
            comment["meta"] = {
                meta.get("wp:meta_key", ""): meta.get("wp:meta_value", "")
                for meta in map(text_fields, child.iterfind("{*}commentmeta"))
            }
            record.comments.append(comment)
    return record


# C0 control characters but tab, line feed and carriage return: XML 1.0 allows none of them
# (its `Char` production), yet WordPress stores and exports what an author pasted. As bytes they
# never occur inside a UTF-8 sequence (nor in the single-byte charsets older blogs used), so
# they can be dropped before parsing.
CONTROL_BYTES = bytes(set(range(0x20)) - {0x09, 0x0A, 0x0D})


class CountingReader:
    """A binary file wrapper that counts the bytes read, for progress (`position`), and leaves
    out the control characters XML does not allow, counting them (`control_characters`)."""

    def __init__(self, file):
        self.file = file
        self.position = 0
        self.control_characters = 0

    def read(self, size=-1):
        data = self.file.read(size)
        self.position += len(data)
        kept = data.translate(None, CONTROL_BYTES)
        self.control_characters += len(data) - len(kept)
        return kept

    def seek(self, offset, whence=0):
        return self.file.seek(offset, whence)

    def tell(self):
        return self.file.tell()


def ends_early(file):
    """Whether the file's last kilobyte lacks the closing `</rss>`: cut off. False when the file
    cannot be read again."""
    try:
        size = file.seek(0, 2)
        file.seek(max(0, size - 1024))
        return b"</rss>" not in file.read()
    except (AttributeError, OSError):
        return False


def read(file):
    """Yield the export's `Record`s from the binary `file`: first one `channel` record (its
    address fields, `wp:wxr_version`), then the definitions and items in file order.

    Raises WXRError for a file that is empty, not XML, not well-formed (truncated, say), declares
    a document type, or is XML but not a WordPress export.
    """
    parser = etree.iterparse(
        file,
        events=("start", "end"),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    depth = 0
    channel = {}
    channel_sent = False
    seen_root = False
    try:
        for event, element in parser:
            if event == "start":
                depth += 1
                if depth == 1:
                    seen_root = True
                    check_root(element)
                elif depth == 2 and prefixed(element.tag) != "channel":
                    raise WXRError(
                        f"expected the RSS <channel>, found <{prefixed(element.tag)}>: "
                        "this is not a WordPress export.",
                        element.sourceline,
                    )
                continue
            depth -= 1
            if depth != 2:  # inside a record or a channel field: read with its record
                if depth == 1:
                    element.clear()
                continue
            name = prefixed(element.tag)
            if name in CHANNEL_FIELDS and not channel_sent:
                channel[name] = (element.text or "").strip()
            elif name in RECORD_KINDS:
                if not channel_sent:
                    yield check_channel(channel, element.sourceline)
                    channel_sent = True
                yield to_record(element)
            element.clear()
            # Drop what was read, so the tree never holds more than the current record.
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as error:
        raise WXRError(describe(error, seen_root, ends_early(file)), error.lineno) from None
    if not channel_sent:
        yield check_channel(channel, None)


def check_root(root):
    doctype = root.getroottree().docinfo
    if doctype.internalDTD is not None or doctype.doctype:
        raise WXRError(
            "the file declares a document type (<!DOCTYPE …>), which WordPress exports never "
            "have; it is refused because the entities it declares could expand without bound "
            "or read other files and addresses.",
            1,
        )
    name = prefixed(root.tag)
    if name != "rss":
        raise WXRError(
            f"the document is <{name}>, not the <rss> of a WordPress export.", root.sourceline
        )
    if not any((uri or "").startswith(WP_PREFIXES) for uri in root.nsmap.values()):
        raise WXRError(
            "this is an RSS feed, not a WordPress export: it lacks the WordPress export "
            f"namespace ({WP_PREFIXES[0]}1.2/). Export with Tools › Export in WordPress.",
            root.sourceline,
        )


def check_channel(channel, line):
    if not (
        channel.get("wp:base_blog_url") or channel.get("wp:base_site_url") or channel.get("link")
    ):
        raise WXRError("the export does not give the site's address (wp:base_site_url).", line)
    return Record("channel", channel, line or 0)


def describe(error, seen_root, cut_off):
    """A reader's explanation of libxml2's message."""
    message = error.msg or str(error)
    if not seen_root:
        return f"this is not an XML file, or not one that can be read ({message})."
    if cut_off:
        return (
            f"the file ends before the export does ({message}): it was probably cut off during "
            "the download or upload. Export it again."
        )
    if "Entity" in message:
        return f"the export uses an entity it does not define ({message})."
    return f"the XML is broken here ({message})."
