"""Uploads the admin takes (Wagtail images and documents) are what they say they are.

Wagtail checks an image's extension and header with Willow, then reads its size; a file whose
header says GIF but whose body is something else (an HTML page, a polyglot) passed the first check
and broke the second with Pillow's UnidentifiedImageError, a 500. Here the whole image must also
decode with Pillow, and anything that does not is refused with the form's "not a valid image"
message. Documents are checked the same way against their extension's signature, so a page of
HTML or script is never stored as a PDF or a spreadsheet. Pillow and Wagtail refuse decompression
bombs and oversized images (`WAGTAILIMAGES_MAX_IMAGE_PIXELS`, `WAGTAILIMAGES_MAX_UPLOAD_SIZE`);
SVG is not among `WAGTAILIMAGES_EXTENSIONS`, so an SVG with a script is refused by its extension.
"""

import struct
import zipfile

from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# What Pillow raises for a file it cannot read as the image its header promised.
UNREADABLE = (
    OSError,
    SyntaxError,
    ValueError,
    IndexError,
    struct.error,
    EOFError,
    PILImage.DecompressionBombError,
)


class DecodedImageField(WagtailImageField):
    """Wagtail's image field, refusing any file Pillow cannot read to the end."""

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
            f.seek(0)
            with PILImage.open(f) as picture:
                picture.verify()  # reads the whole file: chunk checksums, truncation
        except UNREADABLE:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from None
        finally:
            f.seek(0)


class ImageForm(BaseImageForm):
    """The admin's image form (`WAGTAILIMAGES_IMAGE_FORM_BASE`), with `DecodedImageField` for the file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(self.fields.get("file"), WagtailImageField):
            # Wagtail builds this field in a callback no setting reaches; the subclass adds checks only.
            self.fields["file"].__class__ = DecodedImageField


# The first bytes each document extension's files start with (ISO 32000 for PDF, the ZIP local
# header for Office Open XML, OpenDocument and ZIP, RTF 1.9's group); text files have no NUL.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "zip": (b"PK\x03\x04", b"PK\x05\x06"),
    "rtf": (b"{\\rtf",),
}
TEXT_EXTENSIONS = {"csv", "txt"}
SNIFF_BYTES = 64 * 1024


class DocumentForm(BaseDocumentForm):
    """The admin's document form (`WAGTAILDOCS_DOCUMENT_FORM_BASE`): contents match the extension."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None or "file" not in self.changed_data:  # the stored file, already checked
            return upload
        extension = upload.name.rpartition(".")[2].lower()
        upload.seek(0)
        head = upload.read(SNIFF_BYTES)
        upload.seek(0)
        if extension in SIGNATURES:
            valid = head.startswith(SIGNATURES[extension]) and (
                extension in ("pdf", "rtf") or zipfile.is_zipfile(upload)
            )
            upload.seek(0)
        else:
            valid = extension not in TEXT_EXTENSIONS or b"\x00" not in head
        if not valid:
            raise ValidationError(
                f"This file is not a .{extension} file inside: its contents are of another kind. "
                "Upload the document itself, saved in that format.",
                code="invalid_document",
            )
        return upload
