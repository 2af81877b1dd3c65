from django import template

from ..links import share_links
from ..metadata import SocialMetadata

register = template.Library()


@register.inclusion_tag("sharing/share_box.html", takes_context=True)
def share_box(context, page):
    request = context["request"]
    url = page.get_full_url(request)
    return {"share_url": url, "share_title": page.title, "links": share_links(url, page.title)}


@register.inclusion_tag("sharing/social_meta.html", takes_context=True)
def social_meta(context, noindex=False):
    """Canonical link, OpenGraph, Twitter card and JSON-LD for the page being rendered.

    `noindex` pages (search results, errors) ask search engines to skip them and get no canonical.
    """
    return {"meta": SocialMetadata(context), "noindex": noindex}
