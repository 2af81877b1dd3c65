"""Author, tag and corrections pages (listings that are not pages in the tree), and embed frames."""

from csp.constants import HEADER
from django.shortcuts import get_object_or_404, render
from django.views.decorators.clickjacking import xframe_options_sameorigin
from taggit.models import Tag
from wagtail.embeds.models import Embed

from .embeds import frame_policy
from .models import (
    ARTICLES,
    TAGS,
    ArticleCorrection,
    ArticlePage,
    Author,
    declare_page,
    lazy_listing,
    paginate,
)


def render_listing(request, template, articles, **context):
    """A paginated, newest-first list of published articles with everything their cards show."""
    return render(
        request, template, lazy_listing(request, articles.newest_first().for_cards(), context)
    )


def author_detail(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    articles = ArticlePage.objects.published().filter(article_authors__author=author)
    return render_listing(request, "news/author_page.html", articles, author=author)


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    declare_page(request, TAGS)  # the tag's name, shown outside the cards
    articles = ArticlePage.objects.published().filter(tags=tag)
    return render_listing(request, "news/tag_page.html", articles, tag=tag)


def corrections(request):
    """Every correction and update on a published article, newest first."""
    declare_page(request, ARTICLES)
    notes = ArticleCorrection.objects.published()
    return render(request, "news/corrections_page.html", {"corrections": paginate(request, notes)})


@xframe_options_sameorigin
def embed_frame(request, embed_hash):
    """The provider's HTML for an embedded post, as its own small page for the article's frame.

    The article page inserts the frame only when the reader asks (headline.js), so the provider
    hears of the reader only then. Only answers an editor already stored are served: a reader's
    request never makes Headline ask a provider anything. Its Content-Security-Policy admits the
    provider's hosts (`embeds.frame_policy`), written here so every cached copy carries it.
    """
    embed = get_object_or_404(Embed.objects.exclude(html=""), hash=embed_hash)
    response = render(request, "news/embed_frame.html", {"embed": embed})
    response[HEADER] = frame_policy(embed)
    return response
