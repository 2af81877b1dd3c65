from django.apps import AppConfig


class RelatedConfig(AppConfig):
    name = "headline.related"
    label = "related"
    verbose_name = "Related articles"

    def ready(self):
        from headline.news.frontend_cache import article_dependents

        from . import signals

        # A related box shows the headline, image, date and section of the articles it lists.
        article_dependents.append(signals.listing_articles_paths)
