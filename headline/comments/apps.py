from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "headline.comments"
    label = "comments"
    verbose_name = "Comments"

    def ready(self):
        from . import signals  # noqa: F401
