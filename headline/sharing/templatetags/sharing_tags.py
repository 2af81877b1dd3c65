from django import template

from ..links import share_links

register = template.Library()


@register.inclusion_tag("sharing/share_box.html", takes_context=True)
def share_box(context, page):
    request = context["request"]
    url = page.get_full_url(request)
    return {"share_url": url, "share_title": page.title, "links": share_links(url, page.title)}
