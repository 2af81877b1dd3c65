from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "headline.core"
    label = "core"
    verbose_name = "Site"

    def ready(self):
        from . import converters, signals  # noqa: F401

        converters.register()
