from django.apps import AppConfig


class SpamfilterConfig(AppConfig):
    name = "headline.spamfilter"
    label = "spamfilter"
    verbose_name = "Spam filter"
