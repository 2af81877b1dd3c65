"""The importer's admin: *Settings › Import from WordPress*, and its entry in the audit log."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .runs import ACTION


@hooks.register("register_admin_urls")
def importer_urls():
    return [
        path("import/wordpress/", views.start, name="importers_wordpress"),
        path("import/wordpress/<int:pk>/", views.status, name="importers_wordpress_status"),
        path(
            "import/wordpress/<int:pk>/status.json",
            views.status_json,
            name="importers_wordpress_status_json",
        ),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_import(request.user)


@hooks.register("register_settings_menu_item")
def import_menu_item():
    return ImportMenuItem(
        "Import from WordPress", reverse("importers_wordpress"), icon_name="download", order=950
    )


@hooks.register("register_log_actions")
def import_log_action(actions):
    actions.register_action(ACTION, "Import from WordPress", "Imported a WordPress export")
