"""Share links that are plain URLs: no third-party script, no counters, no request to another host
until the reader clicks.

Each network's share endpoint takes the canonical URL and the headline; both are URL-encoded
here, once, so the template only prints them.
"""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.urls import reverse


@dataclass(frozen=True)
class ShareLink:
    key: str
    name: str
    url: str

    @property
    def label(self):
        return f"Share on {self.name}" if self.key != "email" else "Share by email"


def encode_query(params):
    return urlencode(params, quote_via=quote)


def share_links(url, title):
    """The share targets, in the order shown under "Share this:"."""
    text = f"{title} {url}"
    return [
        ShareLink(
            "x", "X", "https://x.com/intent/post?" + encode_query({"text": title, "url": url})
        ),
        ShareLink(
            "facebook",
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + encode_query({"u": url}),
        ),
        ShareLink(
            "linkedin",
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + encode_query({"url": url}),
        ),
        ShareLink(
            "reddit",
            "Reddit",
            "https://www.reddit.com/submit?" + encode_query({"url": url, "title": title}),
        ),
        ShareLink("whatsapp", "WhatsApp", "https://wa.me/?" + encode_query({"text": text})),
        ShareLink(
            "telegram",
            "Telegram",
            "https://t.me/share/url?" + encode_query({"url": url, "text": title}),
        ),
        ShareLink(
            "bluesky", "Bluesky", "https://bsky.app/intent/compose?" + encode_query({"text": text})
        ),
        # Mastodon has no central server: our own page asks the reader for their instance.
        ShareLink(
            "mastodon", "Mastodon", reverse("sharing:mastodon") + "?" + encode_query({"text": text})
        ),
        ShareLink("email", "Email", "mailto:?" + encode_query({"subject": title, "body": url})),
    ]
