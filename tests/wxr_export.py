"""Small WordPress exports written for the importer's tests, shaped as WordPress writes them."""

import io
from xml.sax.saxutils import escape

from django.core.management import call_command

SITE = "https://news.example.org"


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def comment(
    wp_id,
    *,
    parent=0,
    approved="1",
    kind="",
    email="",
    author="Reader",
    text=None,
    date="2024-03-02 10:00:00",
):
    return f"""<wp:comment><wp:comment_id>{wp_id}</wp:comment_id>
<wp:comment_author>{cdata(author)}</wp:comment_author><wp:comment_author_email>{escape(email)}</wp:comment_author_email>
<wp:comment_author_url>https://reader.example/</wp:comment_author_url><wp:comment_author_IP>192.0.2.7</wp:comment_author_IP>
<wp:comment_date>{date}</wp:comment_date><wp:comment_date_gmt>{date}</wp:comment_date_gmt>
<wp:comment_content>{cdata(text or f"Comment number {wp_id}.")}</wp:comment_content>
<wp:comment_approved>{approved}</wp:comment_approved><wp:comment_type>{kind}</wp:comment_type>
<wp:comment_parent>{parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>"""


def item(
    wp_id,
    title,
    *,
    post_type="post",
    status="publish",
    slug=None,
    content="<p>Text.</p>",
    excerpt="",
    date_gmt="2024-03-01 09:30:00",
    date="2024-03-01 10:30:00",
    creator="jane",
    categories=(("category", "world", "World"),),
    meta=(),
    comments=(),
    parent=0,
    sticky=0,
    link=None,
    comment_status="open",
    extra="",
):
    slug = slug if slug is not None else f"post-{wp_id}"
    link = link or (f"{SITE}/2024/03/01/{slug}/" if post_type == "post" else f"{SITE}/{slug}/")
    terms = "".join(
        f'<category domain="{domain}" nicename="{nicename}">{cdata(name)}</category>'
        for domain, nicename, name in categories
    )
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key><wp:meta_value>{cdata(value)}</wp:meta_value></wp:postmeta>"
        for key, value in meta
    )
    return f"""<item><title>{escape(title)}</title><link>{link}</link>
<dc:creator>{cdata(creator)}</dc:creator><guid isPermaLink="false">{SITE}/?p={wp_id}</guid>
<content:encoded>{cdata(content)}</content:encoded><excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>
<wp:post_id>{wp_id}</wp:post_id><wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{date_gmt}</wp:post_date_gmt>
<wp:comment_status>{comment_status}</wp:comment_status><wp:post_name>{slug}</wp:post_name><wp:status>{status}</wp:status>
<wp:post_parent>{parent}</wp:post_parent><wp:post_type>{post_type}</wp:post_type><wp:is_sticky>{sticky}</wp:is_sticky>
{extra}{terms}{metas}{"".join(comments)}</item>"""


def export(*items, version="1.2", authors=None, categories=None, tags=""):
    authors = (
        authors
        if authors is not None
        else (
            "<wp:author><wp:author_id>7</wp:author_id><wp:author_login>jane</wp:author_login>"
            "<wp:author_email>jane@news.example.org</wp:author_email>"
            "<wp:author_display_name><![CDATA[Jane Doe]]></wp:author_display_name></wp:author>"
        )
    )
    categories = (
        categories
        if categories is not None
        else (
            "<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>world</wp:category_nicename>"
            "<wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[World]]></wp:cat_name></wp:category>"
        )
    )
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/{version}/">
<channel><title>Example News</title><link>{SITE}</link>
<wp:wxr_version>{version}</wp:wxr_version><wp:base_site_url>{SITE}</wp:base_site_url><wp:base_blog_url>{SITE}</wp:base_blog_url>
{authors}{categories}{tags}
{"".join(items)}
</channel></rss>""".encode()


def run_import(tmp_path, content, **options):
    """`manage.py import_wordpress` on `content` (bytes) written to a file; what it printed."""
    path = tmp_path / "export.xml"
    path.write_bytes(content)
    out = io.StringIO()
    call_command("import_wordpress", str(path), stdout=out, **options)
    return out.getvalue()
