from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "headline.sharing"
    label = "sharing"
    verbose_name = "Sharing"
