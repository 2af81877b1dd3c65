"""Who moderates comments: Editors, and Moderators, a role for community staff.

Both may work the queue (approve, spam, trash, edit, reply, delete), ban addresses and read the
refusal log. Moderators can reach the Wagtail admin but hold no page, image or document
permission: they do not edit articles. Wagtail's own first migration creates a "Moderators" group
that may publish pages and use the image library; this one takes those rights away, so the group
holds exactly the moderation permissions below. Exporting or erasing a commenter's data is a
permission of its own (`comments.manage_commenter_data`) that no group holds by default.
"""

from django.db import migrations

from headline.core.roles import ensure_permissions, grant, permission

MODERATION = [
    ("comments", "view_comment"),
    ("comments", "change_comment"),
    ("comments", "delete_comment"),
    ("comments", "view_ban"),
    ("comments", "add_ban"),
    ("comments", "change_ban"),
    ("comments", "delete_ban"),
    ("comments", "view_refusal"),
]
ADMIN_ACCESS = ("wagtailadmin", "access_admin")


def set_up_moderation_roles(apps, schema_editor):
    ensure_permissions(apps)
    grant(apps, "Editors", MODERATION)
    moderators = grant(apps, "Moderators", [])
    moderators.permissions.set(
        [permission(apps, app, code) for app, code in MODERATION + [ADMIN_ACCESS]]
    )
    for model in ("GroupPagePermission", "GroupCollectionPermission", "GroupSitePermission"):
        apps.get_model("wagtailcore", model).objects.filter(group=moderators).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0002_refusals"),
        ("news", "0003_newsroom_roles"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="comment",
            options={
                "ordering": ["created_at", "pk"],
                "permissions": [
                    ("manage_commenter_data", "Can export and erase a commenter's data")
                ],
            },
        ),
        migrations.RunPython(set_up_moderation_roles, migrations.RunPython.noop),
    ]
