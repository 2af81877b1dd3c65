"""The "Related Articles" box under an article: editors' pins first, then the engine's list."""

from django import template
from django.db.models import F, FilteredRelation, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr

from headline.news.models import ArticlePage, SectionPage

from ..engine import MAX_RELATED

register = template.Library()


def related_cards(page, limit=MAX_RELATED):
    """Pinned then stored related articles that a reader may see, in one query plus thumbnails."""
    home_section = SectionPage.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - ArticlePage.steplen)
    ).values("title")[:1]
    return list(
        ArticlePage.objects.published()
        .annotate(
            pin=FilteredRelation("pinned_on", condition=Q(pinned_on__page=page)),
            link=FilteredRelation("related_from", condition=Q(related_from__article=page)),
        )
        .filter(Q(pin__isnull=False) | Q(link__isnull=False))
        .exclude(pk=page.pk)
        .annotate(section_title=Subquery(home_section))
        .order_by(F("pin__sort_order").asc(nulls_last=True), "link__rank", "pk")
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions")[:limit]
    )


@register.inclusion_tag("related/related_articles.html", takes_context=True)
def related_articles(context, page):
    # The request lets `pageurl` read the site root paths once per request, not once per card.
    # A new article being previewed has no stored list yet.
    return {
        "request": context.get("request"),
        "articles": related_cards(page) if page.pk else [],
    }
