"""The "Related Articles" box under an article: editors' pins first, then the engine's list."""

from django import template
from django.db.models import F, FilteredRelation, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.template.loader import render_to_string

from headline.core import freshness
from headline.core.signals import SITE
from headline.news.models import ARTICLES, SECTIONS, ArticlePage, SectionPage

from ..engine import MAX_RELATED
from ..models import RELATED, RelatedArticle, RelatedPin

register = template.Library()


def related_cards(page, limit=MAX_RELATED):
    """Pinned then stored related articles that a reader may see, in one query plus thumbnails."""
    home_section = SectionPage.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - ArticlePage.steplen)
    ).values("title")[:1]
    # Unordered: SQLite takes no ORDER BY inside a UNION (pins are ordered by default).
    pinned = RelatedPin.objects.filter(page=page).order_by().values("article_id")
    listed = RelatedArticle.objects.filter(article=page).order_by().values("related_id")
    shown = pinned.union(listed)
    return list(
        ArticlePage.objects.published()
        .annotate(
            pin=FilteredRelation("pinned_on", condition=Q(pinned_on__page=page)),
            link=FilteredRelation("related_from", condition=Q(related_from__article=page)),
        )
        # The ids first, from the two lists' own indexes: a condition on the joins above would be
        # tested against every article of the archive.
        .filter(pk__in=shown)
        .exclude(pk=page.pk)
        .annotate(section_title=Subquery(home_section))
        .order_by(F("pin__sort_order").asc(nulls_last=True), "link__rank", "pk")
        .select_related("lead_image")
        .prefetch_related("lead_image__renditions")[:limit]
    )


@register.simple_tag(takes_context=True)
def related_articles(context, page):
    """The box, cached while the stored lists and what their cards show are unchanged.

    Cards show other articles (`articles`: titles, images, dates, visibility, pins) under their
    sections' titles and addresses (`sections`, `site`).
    """
    request = context.get("request")

    def render():
        # The request lets `pageurl` read the site root paths once per request, not once per
        # card. A new article being previewed has no stored list yet.
        articles = related_cards(page) if page.pk else []
        return render_to_string(
            "related/related_articles.html", {"articles": articles, "request": request}
        )

    return freshness.cached(
        "related", (SITE, SECTIONS, ARTICLES, RELATED), render, vary=(page.pk,), request=request
    )
