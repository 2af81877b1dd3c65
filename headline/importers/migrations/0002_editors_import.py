"""Editors may import from WordPress (superusers may anyway); reporters and moderators may not."""

from django.db import migrations

from headline.core.roles import ensure_permissions, grant


def allow_editors(apps, schema_editor):
    ensure_permissions(apps)
    grant(apps, "Editors", [("importers", "add_wordpressimport")])


class Migration(migrations.Migration):
    dependencies = [("importers", "0001_initial"), ("news", "0003_newsroom_roles")]

    operations = [migrations.RunPython(allow_editors, migrations.RunPython.noop)]
