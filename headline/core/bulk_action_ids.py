"""Wagtail's bulk actions (`/admin/bulk/<app>/<model>/<action>/?id=…`), with their ids checked.

Wagtail passes every `id` parameter straight to `pk__in` (and `childOf` to `Page.objects.get`), so
an id that is not one — a checkbox's default value "on", a word, a number beyond the column's
range — raised in the database layer and answered 500. Here each is checked against the model's
primary key field first and answered 400, on an admin page that names the offending value (or
says that nothing was chosen) and leads back to the listing; a `childOf` page that does not exist answers 404. The view wears the decorators Wagtail gives every admin view (staff
only, with the audit log's user; the admin's 404 page; never cached), as it answers in their place.
Imported by the URL configuration only: it loads Wagtail's admin URLs.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.bulk_action.dispatcher import index as wagtail_bulk_action

# Wagtail's own value for "every object in the listing" (see BulkAction.get_actionable_objects).
ALL = "all"


@never_cache
@display_custom_404
@require_admin_access
def checked_bulk_action(request, app_label, model_name, action):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    ids = request.GET.getlist("id")
    if not ids:
        return refused(request, "No items were chosen.")
    for value in ids:
        if value != ALL and not is_primary_key(model, value):
            return not_an_id(request, "id", value)
    parent = request.GET.get("childOf")
    if ALL in ids and parent is not None:
        if not is_primary_key(model, parent):
            return not_an_id(request, "childOf", parent)
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


def not_an_id(request, parameter, value):
    shown = value if len(value) <= 40 else value[:40] + "…"
    return refused(request, f"{parameter}={shown!r} is not a valid id.")


def refused(request, problem):
    """400, on an admin page saying `problem` and leading back to the listing."""
    return render(
        request,
        "core/admin/bulk_action_refused.html",
        {
            "page_title": "Nothing done",
            "header_title": "Nothing done",
            "header_icon": "warning",
            "problem": problem,
            "back_url": get_valid_next_url_from_request(request) or "/admin/",
        },
        status=400,
    )
