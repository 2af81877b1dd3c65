"""Each article's comment feed: its approved comments as RSS 2.0, newest first.

Built on the news app's `RequestBoundFeed` (request-bound items, conditional GET), so comment
feeds behave like every other feed on the site. Names and text only: a reader's email address
never appears.
"""

from django.conf import settings
from django.shortcuts import get_object_or_404

from headline.news.feeds import RequestBoundFeed
from headline.news.models import SECTIONS, ArticlePage, SectionPage, article_scope

from .markup import render_body
from .models import Comment
from .signals import comments_scope


class ArticleCommentsFeed(RequestBoundFeed):
    """An article's approved comments, newest first: names and text only, never an address."""

    def get_object(self, request, section, slug):
        section = get_object_or_404(SectionPage.objects.live().public(), slug=section)
        return get_object_or_404(ArticlePage.objects.published().child_of(section), slug=slug)

    def comments(self, article):
        return Comment.objects.approved().filter(article=article)

    def scopes(self, article):
        # The article's title and URL head the feed; every item links into it.
        return (SECTIONS, article_scope(article.pk), comments_scope(article.pk))

    def title(self, article):
        return f"Comments on {article.title}"

    def description(self, article):
        return f"Readers' comments on {article.title}, from {self.identity.name}."

    def link(self, article):
        return f"{article.get_url(self.request)}#comments"

    def items(self, article):
        self.article_url = article.get_url(self.request)
        return self.comments(article).order_by("-created_at", "-pk")[: settings.FEED_ITEMS]

    def item_title(self, comment):
        return f"Comment by {comment.name}"

    def item_description(self, comment):
        return render_body(comment.body)

    def item_link(self, comment):
        return f"{self.article_url}#{comment.anchor}"

    def item_guid(self, comment):
        host = self.request.get_host().split(":")[0]
        return f"tag:{host},{comment.created_at:%Y-%m-%d}:comment-{comment.pk}"

    item_guid_is_permalink = False

    def item_author_name(self, comment):
        return comment.name

    def item_pubdate(self, comment):
        return comment.created_at
