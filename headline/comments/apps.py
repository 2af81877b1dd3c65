from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "headline.comments"
    label = "comments"
    verbose_name = "Comments"
