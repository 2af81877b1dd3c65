"""Attachments: their files found in a copy of the site's uploads, stored as Wagtail images or
documents.

WordPress keeps an upload at `wp-content/uploads/<path>` (`_wp_attached_file` holds `<path>`) and
serves resized copies beside it as `name-300x200.jpg`; the body may link any of them. A file is
looked for under `--media-dir` at its upload path, then at every shorter tail of its URL's path,
so the folder given may be `uploads`, `wp-content` or the site's root.
"""

from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.files import File
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .content import MediaRef

# What Wagtail's image field accepts (its default WAGTAILIMAGES_EXTENSIONS).
IMAGE_EXTENSIONS = {".avif", ".gif", ".jpg", ".jpeg", ".png", ".webp"}


def find(media_dir, upload_path, url):
    """The file under `media_dir` for an attachment, or None."""
    if not media_dir:
        return None
    root = Path(media_dir).resolve()
    tails = [upload_path] if upload_path else []
    parts = PurePosixPath(unquote(urlsplit(url).path)).parts[1:]
    tails += ["/".join(parts[start:]) for start in range(len(parts))]
    for tail in tails:
        candidate = (root / tail.lstrip("/")).resolve()
        # An upload path is the export's word: it may not lead outside the folder given.
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    return None


def store(path, title, alt=""):
    """A new Wagtail image (or a document, for other files) from `path`; returns (object,
    MediaRef). Raises ValueError for an image file that cannot be read."""
    if path.suffix.lower() in IMAGE_EXTENSIONS:
        try:
            with PILImage.open(path) as picture:
                picture.verify()
        except Exception as error:
            raise ValueError(f"the image file cannot be read ({error})") from None
        with path.open("rb") as handle:
            image = get_image_model()(title=title, description=alt)
            image.file = File(handle, name=path.name)
            image.save()
        return image, MediaRef(image_id=image.pk, url=image.file.url, alt=alt)
    with path.open("rb") as handle:
        document = get_document_model()(title=title)
        document.file = File(handle, name=path.name)
        document.save()
    return document, MediaRef(url=document.url)


def stored_ref(obj, alt=""):
    """The MediaRef of an image or document imported before."""
    if isinstance(obj, get_image_model()):
        return MediaRef(image_id=obj.pk, url=obj.file.url, alt=alt)
    return MediaRef(url=obj.url)
