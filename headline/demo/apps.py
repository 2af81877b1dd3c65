from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "headline.demo"
    label = "demo"
    verbose_name = "Demo newsroom"
