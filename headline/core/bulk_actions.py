"""Wagtail's bulk actions (`/admin/bulk/<app>/<model>/<action>/?id=…`): their ids checked, and
each offered only to who can use it.

Wagtail passes every `id` parameter straight to `pk__in` (and `childOf` to `Page.objects.get`), so
an id that is not one — a checkbox's default value "on", a word, a number beyond the column's
range — raised in the database layer and answered 500. Here each is checked against the model's
primary key field first and answered 400 with the offending value named; a `childOf` page that
does not exist answers 404.

Wagtail's bulk-action bar (its `bulk_action_choices` tag) shows every action registered for a
model, so a reporter picking pages saw Publish, Unpublish, Move and Delete, and each answered that
they may not. `bulk_action_choices` here replaces that tag in Wagtail's own tag library, for every
listing (pages, images, documents, users, snippets such as comments) and every action, ours too.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404, HttpResponseBadRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.admin.views.bulk_action.dispatcher import index as wagtail_bulk_action
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import Button, ButtonWithDropdown
from wagtail.admin.widgets.button import ListingButton

# Wagtail's own value for "every object in the listing" (see BulkAction.get_actionable_objects).
ALL = "all"


def checked_bulk_action(request, app_label, model_name, action):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    ids = request.GET.getlist("id")
    for value in ids:
        if value != ALL and not is_primary_key(model, value):
            return not_an_id("id", value)
    parent = request.GET.get("childOf")
    if ALL in ids and parent is not None:
        if not is_primary_key(model, parent):
            return not_an_id("childOf", parent)
        if not model._default_manager.filter(pk=parent).exists():
            raise Http404("No such parent page.")
    return wagtail_bulk_action(request, app_label, model_name, action)


def is_primary_key(model, value):
    """Whether `value` (a query-string str) can be one of `model`'s primary keys: it converts with
    the field's `to_python` and, for integer keys, lies in the database column's range."""
    field = model._meta.pk
    try:
        key = field.to_python(value)
    except ValidationError:
        return False
    if key in (None, ""):
        return False
    low, high = connection.ops.integer_field_range(field.get_internal_type())
    if isinstance(key, int):
        return (low is None or key >= low) and (high is None or key <= high)
    return True


def not_an_id(parameter, value):
    shown = value if len(value) <= 40 else value[:40] + "…"
    return HttpResponseBadRequest(
        f"{parameter}={shown!r} is not a valid id: choose the items again in the listing.",
        content_type="text/plain; charset=utf-8",
    )


def usable_bulk_actions(request, app_label, model_name, objects):
    """The bulk action classes registered for `app_label.model_name` that `request.user` may apply
    to at least one of `objects` (the items the listing shows), in Wagtail's order (priority).

    Each action's own rules decide, the ones its confirmation step applies: the permission its
    view requires, if any (users: to add, change or delete users), then its `check_perm` for each
    item (pages: `can_publish()`, `can_move()`…; images: "change" on that image; comments:
    `may_moderate`).
    """
    model = apps.get_model(app_label, model_name)
    usable = []
    for action_class in bulk_action_registry.get_bulk_actions_for_model(app_label, model_name):
        action = action_class(request, model)
        if _passes_view_permission(action) and any(map(action.check_perm, objects)):
            usable.append(action_class)
    return sorted(usable, key=lambda action_class: action_class.action_priority)


def _passes_view_permission(action):
    if not isinstance(action, PermissionCheckedMixin):
        return True
    required, any_required = action.permission_required, action.any_permission_required
    return (required is None or action.user_has_permission(required)) and (
        any_required is None or action.user_has_any_permission(any_required)
    )


# Wagtail's bar: four buttons, the rest under "More".
BUTTONS_IN_BAR = 4


def bulk_action_choices(context, app_label, model_name):
    """The buttons of a listing's bulk-action bar (Wagtail's template `bulk_actions/footer.html`,
    which names the listed items `objects`): only the actions `usable_bulk_actions` gives."""
    objects = context.get("objects")
    if objects is None:  # a listing that does not say what it shows: Wagtail's own choice
        return _wagtails_choices(context, app_label, model_name)
    actions = usable_bulk_actions(context["request"], app_label, model_name, objects)

    def button(action, button_class, **kwargs):
        return button_class(
            action.display_name,
            reverse("wagtail_bulk_action", args=[app_label, model_name, action.action_type]),
            attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
            priority=action.action_priority,
            **kwargs,
        )

    buttons = [
        button(action, ListingButton, classname=" ".join(action.classes | {"bulk-action-btn"}))
        for action in actions[:BUTTONS_IN_BAR]
    ]
    if more := actions[BUTTONS_IN_BAR:]:
        buttons.append(
            ButtonWithDropdown(
                label=_("More"),  # Wagtail's words, so its translations apply
                attrs={"title": _("More bulk actions")},
                classname="button button-secondary button-small",
                buttons=[button(action, Button) for action in more],
            )
        )
    return {"buttons": buttons}


_wagtails_choices = wagtailadmin_tags.bulk_action_choices


def offer_only_usable_bulk_actions():
    """Put `bulk_action_choices` in place of Wagtail's, for every template loaded after."""
    wagtailadmin_tags.register.inclusion_tag(
        "wagtailadmin/shared/buttons.html", takes_context=True, name="bulk_action_choices"
    )(bulk_action_choices)
