from django.apps import AppConfig


class RelatedConfig(AppConfig):
    name = "headline.related"
    label = "related"
    verbose_name = "Related articles"

    def ready(self):
        from . import signals  # noqa: F401
