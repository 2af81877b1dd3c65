"""Hostile files uploaded in the admin are refused with a message, never a 500 (issue 11, case 8).

Each file goes through Wagtail's own upload views, the one-file form and the multiple uploader
the image and document listings open, as an editor's browser sends it.
"""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

pytestmark = pytest.mark.django_db

SCRIPT = b"<html><body><script>alert(document.cookie)</script></body></html>"


def encoded(size, mode="RGB", format="PNG"):
    buffer = io.BytesIO()
    PILImage.new(mode, size).save(buffer, format)
    return buffer.getvalue()


def zipped(name, data):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


HOSTILE_IMAGES = {
    "not an image": ("notes.jpg", b"Minutes of the meeting, not a picture."),
    "GIF header, then HTML": ("cat.gif", b"GIF89a" + SCRIPT),
    "PNG header, then HTML": ("chart.png", b"\x89PNG\r\n\x1a\n" + SCRIPT),
    "JPEG header, then HTML": ("photo.jpg", b"\xff\xd8\xff\xe0" + SCRIPT),
    "truncated PNG": ("cut.png", encoded((400, 300))[:200]),
    "SVG with script": (
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
    ),
    "HTML named .png": ("page.png", SCRIPT),
    # 30,000 x 30,000 one-bit pixels: about 110 KB of PNG, 900 million pixels once decoded.
    "decompression bomb": ("bomb.png", encoded((30_000, 30_000), mode="1")),
    # 9,000 x 9,000: 81 million pixels, over WAGTAILIMAGES_MAX_IMAGE_PIXELS.
    "huge image": ("poster.png", encoded((9_000, 9_000), mode="L")),
    "PNG named .gif": ("mislabelled.gif", encoded((10, 10))),
}
HOSTILE_DOCUMENTS = {
    "HTML named .pdf": ("report.pdf", SCRIPT),
    "HTML named .docx": ("letter.docx", SCRIPT),
    "ZIP header, then HTML, named .xlsx": ("sheet.xlsx", b"PK\x03\x04" + SCRIPT),
    "binary named .txt": ("notes.txt", b"MZ\x90\x00\x03\x00\x00\x00"),
    "HTML page": ("page.html", SCRIPT),
    "SVG with script": ("logo.svg", b"<svg><script>alert(1)</script></svg>"),
}


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@newsroom.test", "x"))
    return client


def upload_one(client, kind, name, data):
    return client.post(
        f"/admin/{kind}/add/",
        {"title": name, "collection": 1, "file": SimpleUploadedFile(name, data)},
    )


def upload_many(client, kind, name, data):
    return client.post(
        f"/admin/{kind}/multiple/add/",
        {"files[]": SimpleUploadedFile(name, data)},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )


def form_errors(response):
    return response.context["form"].errors["file"]


HOSTILE = [("images", Image, case, *file) for case, file in HOSTILE_IMAGES.items()] + [
    ("documents", Document, case, *file) for case, file in HOSTILE_DOCUMENTS.items()
]


@pytest.mark.parametrize(
    ("kind", "model", "case", "name", "data"), HOSTILE, ids=lambda v: str(v)[:40]
)
def test_hostile_files_are_refused_with_a_message_by_both_upload_views(
    editor, kind, model, case, name, data
):
    one = upload_one(editor, kind, name, data)
    assert one.status_code == 200, case
    assert form_errors(one), case
    many = upload_many(editor, kind, name, data)
    assert many.status_code == 200, case
    answer = many.json()
    assert answer["success"] is False and answer["error_message"], case
    assert not model.objects.exists()


def test_the_messages_say_what_is_wrong(editor):
    assert form_errors(upload_one(editor, "images", *HOSTILE_IMAGES["GIF header, then HTML"])) == [
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    ]
    assert (
        "too many pixels"
        in form_errors(upload_one(editor, "images", *HOSTILE_IMAGES["huge image"]))[0]
    )
    assert (
        "Not a supported image format"
        in form_errors(upload_one(editor, "images", *HOSTILE_IMAGES["SVG with script"]))[0]
    )


def test_real_images_and_documents_are_still_taken(editor):
    for name, data in (
        ("photo.jpg", encoded((1200, 800), format="JPEG")),
        ("icon.gif", encoded((32, 32), mode="P", format="GIF")),
    ):
        assert upload_one(editor, "images", name, data).status_code == 302, name
    documents = (
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        ("letter.docx", zipped("[Content_Types].xml", b"<Types/>")),
        ("notes.txt", "Notes from Zürich.\n".encode()),
        ("data.csv", b"year,seats\n2026,51\n"),
    )
    for name, data in documents:
        assert upload_one(editor, "documents", name, data).status_code == 302, name
    assert Image.objects.count() == 2 and Document.objects.count() == 4
