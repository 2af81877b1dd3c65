"""The three feed formats Headline speaks, as `django.utils.feedgenerator` classes.

Django's RSS and Atom generators know titles, dates, one author and enclosures. These add what
news readers look for: the full article (`content:encoded` / Atom `content`), every author, and
the lead image as a Media RSS element with its size and caption. `JsonFeed` writes the same
items as JSON Feed 1.1, so a Feed class only changes its `feed_type` to switch format.
Items carry three extra keys: `authors` (name and url each), `image` (a LeadImage or None) and
`content_html` (None when feeds carry summaries only). Every format cleans what it is given with
`clean_text`, so no stored text, however old, can make a writer fail or write malformed XML.
"""

import json

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed

from headline.core.text import clean_text, clean_tree

MEDIA_RSS = "http://search.yahoo.com/mrss/"


def add_media_content(handler, image):
    if image is None:
        return
    handler.startElement(
        "media:content",
        {
            "url": image.url,
            "type": image.mime_type,
            "medium": "image",
            "width": str(image.width),
            "height": str(image.height),
            **({"fileSize": str(image.length)} if image.length else {}),
        },
    )
    if image.caption:
        handler.addQuickElement("media:description", clean_text(image.caption), {"type": "plain"})
    if image.credit:
        handler.addQuickElement("media:credit", clean_text(image.credit))
    handler.endElement("media:content")


class CleanTextFeed(SyndicationFeed):
    """A feed that cleans every string of the feed and its items as it receives them.

    Django's XML writer refuses control characters with `UnserializableContentError` (a 500 for
    everyone) and writes attribute values unchecked; cleaning here covers both, for every feed
    whichever Feed class feeds it, including text stored before `headline.core.signals` existed.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.feed = clean_tree(self.feed)

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **kwargs)
        self.items[-1] = clean_tree(self.items[-1])


class RssFeed(CleanTextFeed, Rss201rev2Feed):
    """RSS 2.0, the format of the corrections and comment feeds."""


class MediaRssFeed(RssFeed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:media": MEDIA_RSS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        add_media_content(handler, item.get("image"))


class MediaAtomFeed(CleanTextFeed, Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        # Atom allows several authors; Django's generator writes only one.
        super().add_item_elements(handler, {**item, "author_name": None})
        for author in item.get("authors", []):
            handler.startElement("author", {})
            handler.addQuickElement("name", author["name"])
            handler.addQuickElement("uri", author["url"])
            handler.endElement("author")
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        add_media_content(handler, item.get("image"))


class JsonFeed(CleanTextFeed):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        outfile.write(json.dumps(self.as_dict(), ensure_ascii=False, indent=1).encode(encoding))

    def as_dict(self):
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": self.feed["title"],
            "home_page_url": self.feed["link"],
            "feed_url": self.feed["feed_url"],
            "description": self.feed["description"],
            "language": self.feed["language"],
            "items": [self.item_dict(item) for item in self.items],
        }
        return {key: value for key, value in feed.items() if value is not None}

    def item_dict(self, item):
        entry = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "summary": item["description"],
            "date_published": item["pubdate"].isoformat(),
            "date_modified": (item["updateddate"] or item["pubdate"]).isoformat(),
            "authors": item.get("authors") or [],
            "tags": list(item["categories"]),
        }
        if item.get("content_html"):
            entry["content_html"] = item["content_html"]
        else:
            entry["content_text"] = item["description"]
        if item.get("image"):
            entry["image"] = item["image"].url
        return entry
