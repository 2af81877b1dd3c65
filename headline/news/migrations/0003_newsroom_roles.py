"""The newsroom's two roles and its editorial workflow.

Reporters create and edit drafts and submit them for review; Editors publish, schedule and
unpublish. A reporter's submission goes through the "Editorial review" workflow to the editors.
"""

from django.db import migrations

from headline.core.roles import ensure_permissions
from headline.core.roles import permission as perm


def set_up_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    root = Page.objects.get(depth=1)
    common = [
        ("wagtailadmin", "access_admin"),
        ("wagtailimages", "add_image"), ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("news", "view_author"),
    ]
    roles = {
        "Reporters": (common, ["add_page", "change_page"]),
        "Editors": (
            common + [("news", "add_author"), ("news", "change_author"),
                      ("wagtailimages", "delete_image")],
            ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        ),
    }
    groups = {}
    for name, (model_perms, page_perms) in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[perm(apps, app, code) for app, code in model_perms])
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in page_perms:
            GroupPagePermission.objects.create(
                group=group, page=root, permission=perm(apps, "wagtailcore", codename)
            )
        groups[name] = group

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(
        name="Editors' approval", content_type=task_type, active=True
    )
    task.groups.set([groups["Editors"]])
    workflow = Workflow.objects.create(name="Editorial review", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_home_page"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(set_up_roles, migrations.RunPython.noop)]
