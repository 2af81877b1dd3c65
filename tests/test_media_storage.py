"""Media on S3-compatible object storage: uploads land in the bucket and pages link to it.

A local S3-compatible server (moto's `moto_server`) runs on loopback for the module; the storage
is configured from the same MEDIA_S3_* environment variables production reads
(`headline.settings.base.media_storage`).
"""

import io
import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import boto3
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images.models import Image

from headline.settings.base import media_storage

from .factories import make_article, make_section
from .html import parse
from .test_production import free_port

BIN = Path(sys.executable).parent
BUCKET = "headline-media"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}
KEYS = {"MEDIA_S3_ACCESS_KEY_ID": "testing", "MEDIA_S3_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory):
    """The URL of a fresh moto S3 server on 127.0.0.1 with an empty bucket."""
    port = free_port()
    log = (tmp_path_factory.mktemp("moto") / "moto.log").open("w")
    server = subprocess.Popen(
        [BIN / "moto_server", "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=log
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(endpoint, timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(f"moto_server did not start on {endpoint}") from None
                time.sleep(0.2)
        client = bucket_client(endpoint)
        client.create_bucket(Bucket=BUCKET)
        # As the README asks of a production bucket: readers may GET its objects.
        client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def bucket_client(endpoint):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def stored_keys(endpoint):
    listing = bucket_client(endpoint).list_objects_v2(Bucket=BUCKET)
    return {item["Key"] for item in listing.get("Contents", [])}


@pytest.fixture
def s3_media(s3_endpoint, settings, monkeypatch):
    """Uploads go to the bucket, and readers get them from its own address (the custom domain)."""
    monkeypatch.setenv("MEDIA_S3_BUCKET", BUCKET)
    monkeypatch.setenv("MEDIA_S3_ENDPOINT_URL", s3_endpoint)
    monkeypatch.setenv("MEDIA_S3_REGION", "us-east-1")
    monkeypatch.setenv("MEDIA_S3_CUSTOM_DOMAIN", f"{s3_endpoint.removeprefix('http://')}/{BUCKET}")
    monkeypatch.setenv("MEDIA_S3_URL_PROTOCOL", "http:")
    for name, value in KEYS.items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {**settings.STORAGES, "default": media_storage()}
    return s3_endpoint


def jpeg(color):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), color).save(buffer, "JPEG")
    return buffer.getvalue()


def upload(client, title, name, content):
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": title, "file": SimpleUploadedFile(name, content, "image/jpeg")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Image.objects.get(title=title)


@pytest.mark.django_db
def test_an_uploaded_image_is_stored_in_the_bucket_and_served_from_it(s3_media, admin_user):
    section = make_section("International")
    editor = Client()
    editor.force_login(admin_user)
    image = upload(editor, "Harbour at dawn", "harbour.jpg", jpeg((20, 80, 160)))
    assert image.file.name in stored_keys(s3_media)

    article = make_article(section, "Ships return", lead_image=image)
    page = parse(Client().get(article.url))
    (src,) = page.xpath("//figure[@class='lead-image']/img/@src")
    assert src.startswith(f"{s3_media}/{BUCKET}/images/")
    rendition_key = src.removeprefix(f"{s3_media}/{BUCKET}/")
    assert rendition_key in stored_keys(s3_media)
    with urllib.request.urlopen(src, timeout=10) as response:
        served = response.read()
    assert PILImage.open(io.BytesIO(served)).size == (1200, 675)


@pytest.mark.django_db
def test_two_uploads_with_the_same_file_name_are_two_files(s3_media, admin_user):
    editor = Client()
    editor.force_login(admin_user)
    first = upload(editor, "First photo", "photo.jpg", jpeg((200, 30, 30)))
    second = upload(editor, "Second photo", "photo.jpg", jpeg((30, 200, 30)))
    assert first.file.name != second.file.name
    with default_storage.open(first.file.name) as stored:
        assert PILImage.open(stored).getpixel((10, 10))[0] > 150  # still the red one


def test_without_a_bucket_uploads_stay_local_files(monkeypatch):
    monkeypatch.delenv("MEDIA_S3_BUCKET", raising=False)
    assert media_storage() == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
