"""Reporters no longer delete pictures and documents other people uploaded.

Wagtail counts deleting an image or document as changing it: the collection-wide "change"
permission Reporters had (0007) let them delete any file in the library, including pictures that
published articles show. Without it they still upload and choose anything, and edit or delete
what they uploaded themselves (Wagtail's ownership rule); Editors keep change and delete on all.
"""

from django.db import migrations

from headline.core.roles import ensure_permissions, permission


def withdraw_change(apps, schema_editor, restore=False):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    reporters = Group.objects.filter(name="Reporters").first()
    if reporters is None:
        return
    root = Collection.objects.get(depth=1)
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        grant = {
            "group": reporters,
            "collection": root,
            "permission": permission(apps, app_label, f"change_{model}"),
        }
        if restore:
            GroupCollectionPermission.objects.get_or_create(**grant)
        else:
            GroupCollectionPermission.objects.filter(**grant).delete()


def restore_change(apps, schema_editor):
    withdraw_change(apps, schema_editor, restore=True)


class Migration(migrations.Migration):
    dependencies = [("news", "0014_gallery_starts_with_two_pictures")]
    operations = [migrations.RunPython(withdraw_change, restore_change)]
