"""Reporters and Editors work in the shared image and document library; Editors manage tags.

Wagtail checks image and document permissions per collection, not per model, so the model
permissions the roles had (0003) never opened the library: a reporter's image chooser had no
Upload tab and /admin/images/ refused them. Both roles get add, change and choose on the root
collection (so on every collection below it); Editors may also delete. Editors rename, correct and
delete tags under *Tags*.
"""

from django.db import migrations

from headline.core.roles import ensure_permissions, grant, permission

LIBRARY = {
    "Reporters": ["add", "change", "choose"],
    "Editors": ["add", "change", "choose", "delete"],
}
TAGS = [("taggit", f"{action}_tag") for action in ("add", "change", "delete", "view")]


def open_the_library(apps, schema_editor):
    ensure_permissions(apps)
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    root = Collection.objects.get(depth=1)
    for group_name, actions in LIBRARY.items():
        group = grant(apps, group_name, [])
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root,
                    permission=permission(apps, app_label, f"{action}_{model}"),
                )
    grant(apps, "Editors", TAGS)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0006_author_unicode_slug"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]
    operations = [migrations.RunPython(open_the_library, migrations.RunPython.noop)]
