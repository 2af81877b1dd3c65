"""Wagtail's bulk-action bar offers each action only to who can use it.

Wagtail's bar (its `bulk_action_choices` tag) shows every action registered for a
model, so a reporter picking pages saw Publish, Unpublish, Move and Delete, and each answered that
they may not. `bulk_action_choices` here replaces that tag in Wagtail's own tag library, for every
listing (pages, images, documents, users, snippets such as comments) and every action, ours too.
The ids a bulk action is asked for are checked in `bulk_action_ids`.
"""

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import Button, ButtonWithDropdown
from wagtail.admin.widgets.button import ListingButton


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
