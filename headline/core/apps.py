from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "headline.core"
    label = "core"
    verbose_name = "Site"

    def ready(self):
        from . import converters, signals  # noqa: F401 (signals connect on import)

        converters.register()
        clean_text_in_admin_forms()


def clean_text_in_admin_forms():
    """Give every plain text field of every Wagtail admin form `CleanCharField`.

    Wagtail builds its model forms through one registry of per-field overrides, so this one
    entry makes the admin refuse a required headline, standfirst, name or correction made only
    of invisible characters with "This field is required.", as it refuses an empty one. Wagtail's
    own override (the auto-height text area) is kept. URL fields (a comment's website, a
    redirect's target) get `CleanURLField`, which refuses invisible characters inside an address.
    """
    from django.db import models
    from wagtail.admin.forms.models import register_form_field_override, registry

    from .text import CleanCharField, CleanURLField

    for field_class in (models.CharField, models.TextField):
        current = registry.get(field_class()) or {}
        register_form_field_override(
            field_class, override={**current, "form_class": CleanCharField}, exact_class=True
        )
    register_form_field_override(
        models.URLField, override={"form_class": CleanURLField}, exact_class=True
    )
