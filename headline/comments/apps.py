from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "headline.comments"
    label = "comments"
    verbose_name = "Comments"

    def ready(self):
        from headline.news.frontend_cache import article_dependents
        from headline.news.models import card_annotations, card_scopes

        from . import signals
        from .managers import approved_count_subquery

        # Cards in every listing show how many public comments each article has.
        card_annotations["comment_count"] = approved_count_subquery
        card_scopes.add(signals.COUNTS)
        # The comment feed is headed by the article's title and links into it.
        article_dependents.append(signals.comment_feed_paths)
