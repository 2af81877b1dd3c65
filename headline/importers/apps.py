from django.apps import AppConfig


class ImportersConfig(AppConfig):
    name = "headline.importers"
    label = "importers"
    verbose_name = "Importers"

    def ready(self):
        from . import signals  # noqa: F401 — connects the receivers
