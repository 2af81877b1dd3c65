from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "headline.core"
    label = "core"
    verbose_name = "Site"

    def ready(self):
        from . import converters

        converters.register()
