"""A small local oEmbed provider, so embed tests never reach the internet.

It answers like YouTube would, on 127.0.0.1 at a free port: `/oembed?url=…` (JSON), the
thumbnail it names (`/thumb.png`), and the player its HTML frames (`/player/<id>`), which it
addresses as `localhost` so a browser test can tell a request to "another host" from one to the
site (127.0.0.1). Posts whose address ends in `/gone` answer 404, as a deleted post does.
"""

import io
import json
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image as PILImage
from wagtail.embeds.finders import get_finders

# The addresses editors paste: one provider that answers, one that is down.
VIDEO_URL = "https://video.example/watch/harbour-42"
DOWN_URL = "https://down.example/watch/1"


def thumbnail_png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), (200, 120, 40)).save(buffer, "PNG")
    return buffer.getvalue()


class FakeProvider:
    def __init__(self):
        self.requests = []
        self.authorizations = []  # each request's Authorization header (None without one)
        self.thumbnail = thumbnail_png()
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                provider.requests.append(self.path)
                provider.authorizations.append(self.headers.get("Authorization"))
                provider.answer(self)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def answer(self, handler):
        parts = urlsplit(handler.path)
        if parts.path == "/oembed":
            url = parse_qs(parts.query).get("url", [""])[0]
            if url.endswith("/gone"):
                return self.send(handler, 404, "text/plain", b"Not found")
            post = url.rsplit("/", 1)[-1]
            body = {
                "version": "1.0",
                "type": "video",
                "title": f"Harbour reopens: video {post}",
                "author_name": "Port Authority",
                "provider_name": "Fakeview",
                "thumbnail_url": f"http://127.0.0.1:{self.port}/thumb.png",
                "width": 480,
                "height": 270,
                "html": (
                    f'<iframe src="http://localhost:{self.port}/player/{post}" width="480" '
                    'height="270" title="Harbour video" allowfullscreen></iframe>'
                ),
            }
            return self.send(handler, 200, "application/json", json.dumps(body).encode())
        if parts.path == "/thumb.png":
            return self.send(handler, 200, "image/png", self.thumbnail)
        if re.fullmatch(r"/player/[\w-]+", parts.path):
            page = b"<!DOCTYPE html><title>Player</title><p class='player'>Fakeview player</p>"
            return self.send(handler, 200, "text/html", page)
        return self.send(handler, 404, "text/plain", b"Not found")

    def send(self, handler, status, content_type, body):
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def embed_provider(settings):
    """The fake provider, set as the only oEmbed provider (with a second one that is down)."""
    provider = FakeProvider()
    settings.WAGTAILEMBEDS_FINDERS = [
        {
            "class": "wagtail.embeds.finders.oembed",
            "providers": [
                {
                    "endpoint": f"http://127.0.0.1:{provider.port}/oembed",
                    "urls": [r"^https://video\.example/.+$"],
                },
                {
                    "endpoint": f"http://127.0.0.1:{closed_port()}/oembed",
                    "urls": [r"^https://down\.example/.+$"],
                },
            ],
        }
    ]
    get_finders.cache_clear()
    yield provider
    get_finders.cache_clear()
    provider.stop()
