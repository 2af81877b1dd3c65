"""Every post and page of every WordPress export in ../shared/corpus/wxr converts into a body the
article page accepts and shows: valid blocks, nothing unsafe, none of the post's text lost.

Media are matched as the importer matches them: by the attachments the export declares
(`wp:attachment_url`, size variants through `Uploads`, `?attachment_id=N`); images get
one Wagtail image, other files a document address, and anything else is missing.
"""

import lxml.etree
import lxml.html
import pytest

from headline.importers.wordpress.content import MediaRef, Uploads, convert

from .factories import make_article, make_image, make_section
from .test_import_content import checked_body, rendered_text, source_texts, unsafe

pytestmark = pytest.mark.django_db

EXPORTS = ["themeunittestdata.wordpress.xml", "wxr-utf-8-challenges.xml", "small-export.xml"]
IMAGE_TYPES = (".jpg", ".jpeg", ".png", ".gif", ".webp")


def items(path):
    """(title, content, post id, site url, attached ids) of each post and page in an export."""
    tree = lxml.etree.parse(str(path), lxml.etree.XMLParser(resolve_entities=False))
    site = tree.findtext("channel/{*}base_site_url") or tree.findtext("channel/link")
    everything = tree.findall("channel/item")
    children = {}
    for item in everything:
        if item.findtext("{*}post_type") == "attachment":
            children.setdefault(item.findtext("{*}post_parent"), []).append(
                int(item.findtext("{*}post_id"))
            )
    for item in everything:
        if item.findtext("{*}post_type") in ("post", "page"):
            post_id = item.findtext("{*}post_id")
            yield (
                item.findtext("title") or "",
                item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded") or "",
                site,
                children.get(post_id, []),
            )


def excerpt(item):
    return next((c.text or "" for c in item if "excerpt" in c.tag and "encoded" in c.tag), "")


def media_of(path, image):
    """The importer's media lookup for one export, all images shown by `image`."""
    tree = lxml.etree.parse(str(path), lxml.etree.XMLParser(resolve_entities=False))
    uploads = Uploads()
    for item in tree.findall("channel/item"):
        url = item.findtext("{*}attachment_url")
        if url:
            ref = (
                MediaRef(image_id=image.pk, caption=excerpt(item))
                if url.lower().endswith(IMAGE_TYPES)
                else MediaRef(url=f"/documents/{item.findtext('{*}post_id')}")
            )
            uploads.add(item.findtext("{*}post_id"), url, ref)
    return uploads.get


@pytest.mark.parametrize("export", EXPORTS)
def test_every_post_converts_into_a_valid_safe_body_that_keeps_its_text(
    client, shared_corpus, export
):
    path = shared_corpus / "wxr" / export
    image = make_image("Imported")
    media = media_of(path, image)
    section = make_section("Imported", slug="imported")
    problems, converted_posts = [], 0
    for number, (title, content, site, attached) in enumerate(items(path)):
        converted = convert(content, media, site_url=site, attachments=attached)
        checked_body(converted.body)
        article = make_article(
            section, title[:200] or "Untitled", slug=f"post-{number}", body=converted.body
        )
        response = client.get(article.url)
        assert response.status_code == 200, title
        page = lxml.html.fromstring(response.content.decode())
        body = page.xpath("//div[@class='article-body']")[0]
        assert unsafe(body) == [], title
        shown = rendered_text(body)
        problems += [(title, text) for text in source_texts(content) if text not in shown]
        converted_posts += 1
    assert converted_posts, "no posts found"
    assert not problems, "\n".join(f"{title}: {text!r} not shown" for title, text in problems)
