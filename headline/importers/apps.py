from django.apps import AppConfig


class ImportersConfig(AppConfig):
    name = "headline.importers"
    label = "importers"
    verbose_name = "Importers"
