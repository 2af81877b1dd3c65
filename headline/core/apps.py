from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "headline.core"
    label = "core"
    verbose_name = "Site"

    def ready(self):
        from . import bulk_actions, converters, signals  # noqa: F401 (signals connect on import)

        converters.register()
        clean_text_in_admin_forms()
        name_the_zone_on_admin_times()
        bulk_actions.offer_only_usable_bulk_actions()
        no_autosave_before_the_first_save()


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


def name_the_zone_on_admin_times():
    """Name the time zone with every date-and-time input and side-panel time of the admin.

    A go-live time typed as "2026-11-30 22:36" is read in the user's zone (their account's, or
    settings.TIME_ZONE), which Wagtail's picker never names, while the site shows "22:36 UTC".
    Wagtail builds these inputs in several places (model forms, the schedule dialog's
    PublishingPanel), all from `AdminDateTimeInput`: its template is swapped for one that names
    the zone above the input (the picker opening below it would hide it), then renders Wagtail's.
    The status side panel's times of today get the zone too (`admin_times`).
    """
    from wagtail.admin.widgets.datetime import AdminDateTimeInput

    from . import admin_times

    AdminDateTimeInput.template_name = "core/widgets/zoned_datetime_input.html"
    admin_times.register()


def no_autosave_before_the_first_save():
    """Wagtail 8 autosaves the page editor; on a new page, not until the editor first saves it.

    On a new page an autosave creates the page in the background while its headline is still
    being typed: "Save draft" clicked while that request was on its way created it a second time
    and failed ("slug already in use"), and an article opened and left stayed behind as a draft
    nobody saved. Once saved, a page autosaves as Wagtail means it to (the editor's schedule and
    workflow steps rely on it), so only the create view's template is told autosave is off.
    """
    from wagtail.admin.views.pages.create import CreateView

    context_with_autosave = CreateView.get_context_data

    def get_context_data(self, **kwargs):
        return {**context_with_autosave(self, **kwargs), "autosave_enabled": False}

    CreateView.get_context_data = get_context_data
