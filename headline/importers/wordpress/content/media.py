"""How a post's body refers to uploaded files, and how the importer answers for them.

WordPress stores one original per upload and writes resized copies beside it, named after it:
`photo.jpg` becomes `photo-300x200.jpg`, `photo-scaled.jpg` (WordPress 5.3+ shrinks big
uploads), `photo-rotated.jpg` (5.3+, EXIF rotation) and `photo-e1588888888888.jpg` (an edit in
the image editor, suffixed with a 10–13 digit timestamp). A body may link any of them; the
importer matches them all to the one attachment through `attachment_path`.
"""

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

# A size or edit suffix before the extension; repeated (`-scaled-300x200`, `-e123…-1024x768`).
_VARIANT = re.compile(r"(?:-(?:\d+x\d+|scaled|rotated|e\d{10,13}))+(?=\.[A-Za-z0-9]+$)")
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


def attachment_path(url: str) -> str:
    """The canonical upload path an attachment URL or any of its size variants refers to.

    `https://example.com/wp-content/uploads/2013/09/photo-300x200.jpg?w=640` →
    `2013/09/photo.jpg`. The path below the uploads folder when there is one (so the site's
    host, scheme and multisite number do not matter), else the whole path without its leading
    slash; percent-escapes decoded, query and fragment dropped. Never raises.
    """
    path = unquote(_parts(url).path)
    found = _UPLOADS.search(path)
    path = found["path"] if found else path.lstrip("/")
    return _VARIANT.sub("", path)


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
