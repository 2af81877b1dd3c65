"""Which provider Wagtail asks about an address an editor pastes in an embed block.

`finders()` builds `WAGTAILEMBEDS_FINDERS` from the settings (settings/base.py reads them from the
environment). Wagtail's oEmbed list already covers YouTube, Vimeo, X and many others; added here,
with the endpoints and address forms their own oEmbed documentation gives:
- Bluesky (docs.bsky.app, "oEmbed") and TikTok (developers.tiktok.com, "Embed Videos");
- Mastodon, which has no central server: each server in `mastodon_servers` answers for its own
  posts at `https://<server>/api/oembed` (docs.joinmastodon.org, "oEmbed"), posts being
  `https://<server>/@<account>/<id>`, or `…/@<account>@<home server>/<id>` when seen from
  another server;
- Instagram and Facebook, whose oEmbed answers only with a Facebook app's token
  (developers.facebook.com, "oEmbed Read"): Wagtail's own finders, used when an app id and secret
  are given. Without them an Instagram address is refused with a message saying why.

This module imports no models: the settings import it.
"""

import re

from wagtail.embeds.finders.instagram import INSTAGRAM_PROVIDER
from wagtail.embeds.oembed_providers import all_providers

BLUESKY = {
    "endpoint": "https://embed.bsky.app/oembed",
    "urls": [r"^https://bsky\.app/profile/[^/]+/post/[^/]+$"],
}
TIKTOK = {
    "endpoint": "https://www.tiktok.com/oembed",
    "urls": [r"^https://(?:www\.)?tiktok\.com/@[^/]+/video/\d+"],
}


def mastodon(server):
    """The oEmbed provider of one Mastodon server (a host name such as `mastodon.social`)."""
    host = re.escape(server.lower())
    return {
        "endpoint": f"https://{server.lower()}/api/oembed",
        "urls": [rf"^https://{host}/@[^/?#]+/\d+/?$"],
    }


def finders(mastodon_servers=(), facebook_app_id="", facebook_app_secret=""):
    """The `WAGTAILEMBEDS_FINDERS` list: Facebook's token-holding finders first when configured,
    then the open oEmbed providers."""
    configured = []
    if facebook_app_id and facebook_app_secret:
        token = {"app_id": facebook_app_id, "app_secret": facebook_app_secret}
        configured += [
            {"class": "wagtail.embeds.finders.instagram", **token},
            {"class": "wagtail.embeds.finders.facebook", **token},
        ]
    providers = [BLUESKY, TIKTOK, *map(mastodon, mastodon_servers), *all_providers]
    configured.append({"class": "wagtail.embeds.finders.oembed", "providers": providers})
    return configured


def needs_facebook_token(url):
    """Whether `url` is an Instagram post, which only a configured Facebook app can embed."""
    return any(re.match(pattern, url) for pattern in INSTAGRAM_PROVIDER["urls"])
