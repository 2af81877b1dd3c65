from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Staff sign-in: lockout after failed passwords (django-axes), two-factor codes (django-otp)."""

    name = "headline.accounts"
    label = "accounts"
    verbose_name = "Staff accounts"

    def ready(self):
        from . import signals  # noqa: F401
