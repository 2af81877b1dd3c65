"""Helpers for the data migrations that give the newsroom's groups (roles) their permissions.

Django creates permissions after all migrations have run (post_migrate), but a migration that
grants them must find them while it runs; these helpers create and look them up in the
migration's historical app registry. Each app grants the permissions on its own models in its own
migration (news: pages, images, documents, authors, tags; comments: comments, bans, refusals).
"""

from django.contrib.auth.management import create_permissions


def ensure_permissions(apps):
    """Create every model permission known to the migration state `apps` that is missing."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permission(apps, app_label, codename):
    """The `auth.Permission` `app_label.codename`; DoesNotExist if no model declares it."""
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant(apps, group_name, permissions):
    """Add the model permissions [(app_label, codename), …] to the group, creating the group."""
    Group = apps.get_model("auth.Group")
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(*[permission(apps, app, code) for app, code in permissions])
    return group
