"""Template tags of the news app."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def prefetch_for_page(context, page):
    """Load the article's authors, tags and images (`ArticlePage.prefetch_for_page`); no output.

    Placed inside the cached fragments that show them, so a cached page reads none of them.
    """
    page.prefetch_for_page(preview=getattr(context.get("request"), "is_preview", False))
    return ""
