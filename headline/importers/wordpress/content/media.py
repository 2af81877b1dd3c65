"""How a post's body refers to uploaded files, and how the importer answers for them.

WordPress stores one original per upload and writes resized copies beside it, named after it:
`photo.jpg` becomes `photo-300x200.jpg`, `photo-scaled.jpg` (WordPress 5.3+ shrinks big
uploads), `photo-rotated.jpg` (5.3+, EXIF rotation) and `photo-e1588888888888.jpg` (an edit in
the image editor, suffixed with a 10–13 digit timestamp). A body may link any of them; the
importer matches them all to the one attachment through `Uploads`. An original may itself be
named like a variant (`image-alignment-580x300.jpg` is a file of its own), so an exact match wins
and suffixes are taken off one at a time.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

# The last size or edit suffix before the extension (`-300x200` of `photo-scaled-300x200.jpg`).
_VARIANT = re.compile(r"-(?:\d+x\d+|scaled|rotated|e\d{10,13})(?=\.[A-Za-z0-9]+$)")
# Where uploads live: self-hosted `wp-content/uploads/` (multisite adds `sites/N/`), older
# multisite and WordPress.com `files/`.
_UPLOADS = re.compile(r"/(?:wp-content/uploads(?:/sites/\d+)?|files)/(?P<path>.+)$")


@dataclass(frozen=True)
class MediaRef:
    """What the importer made of an attachment: a Wagtail image (`image_id`, its primary key),
    or a file served at `url` (a Wagtail document, or any file that is not an image).

    `caption` and `alt` are the attachment's own (its excerpt and `_wp_attachment_image_alt` in
    WordPress): galleries show them, and an image without alt text in the body takes `alt`.
    """

    image_id: int | None = None
    url: str = ""
    caption: str = ""
    alt: str = ""


def upload_path(url: str) -> str:
    """The path an upload's address names, whatever site served it.

    `https://example.com/wp-content/uploads/2013/09/photo-300x200.jpg?w=640` →
    `2013/09/photo-300x200.jpg`. The path below the uploads folder when there is one (so the
    site's host, scheme and multisite number do not matter), else the whole path without its
    leading slash; percent-escapes decoded, query and fragment dropped. Never raises.
    """
    path = unquote(_parts(url).path)
    found = _UPLOADS.search(path)
    return found["path"] if found else path.lstrip("/")


def original_paths(url: str):
    """The upload paths `url` may be a variant of, nearest first: `2013/09/a-580x300-150x150.jpg`,
    then `2013/09/a-580x300.jpg`, then `2013/09/a.jpg`."""
    path = upload_path(url)
    while True:
        yield path
        shorter = _VARIANT.sub("", path, count=1)
        if shorter == path:
            return
        path = shorter


class Uploads:
    """Values (what the importer made of each attachment, or its missing address) found by any
    address a body uses for the attachment: its file, a size variant of it, or
    `<site>/?attachment_id=N`."""

    def __init__(self):
        self.by_id = {}  # WordPress ID → value
        self.by_path = {}  # upload_path of the attachment's own file → value

    def add(self, wp_id, url, value):
        self.by_id[wp_id] = value
        self.by_path[upload_path(url)] = value

    def get(self, address):
        """The value for `address`, or None."""
        by_id = attachment_id(address)
        if by_id is not None:
            return self.by_id.get(by_id)
        return next((self.by_path[p] for p in original_paths(address) if p in self.by_path), None)


def attachment_id(url: str) -> str | None:
    """The WordPress ID `<site>/?attachment_id=N` names, or None for any other address."""
    found = parse_qs(_parts(url).query).get("attachment_id")
    return found[0].strip() if found else None


def is_upload(url: str) -> bool:
    """Whether a link points into a WordPress uploads folder (so at an attachment's file); on
    WordPress.com uploads have a host of their own, `<site>.files.wordpress.com`."""
    parts = _parts(url)
    return bool(_UPLOADS.search(parts.path)) or (parts.hostname or "").endswith(
        ".files.wordpress.com"
    )


def _parts(url: str):
    """`url` split; one Python cannot split (a broken IPv6 host) counts as a bare path."""
    try:
        return urlsplit(url.strip())
    except ValueError:
        return urlsplit("/" + url.strip().lstrip("/").replace(":", "%3A"))
