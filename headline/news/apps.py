from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "headline.news"
    label = "news"
    verbose_name = "News"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals

        post_migrate.connect(signals.start_sweeps, sender=self)
