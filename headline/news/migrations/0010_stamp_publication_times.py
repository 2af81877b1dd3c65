"""Every published article gets a publication time, as publishing has stamped it since 0001.

Listings order by `published_at` alone (its index, `ArticlePageQuerySet.newest_first`); a row
published before the stamp existed, or imported without one, takes its first publication time.
"""

from django.db import migrations


def stamp(apps, schema_editor):
    ArticlePage = apps.get_model("news", "ArticlePage")
    unstamped = ArticlePage.objects.filter(published_at__isnull=True, first_published_at__isnull=False)
    # first_published_at lives in Wagtail's page table: an UPDATE cannot read it across the join.
    for pk, first in unstamped.values_list("pk", "first_published_at"):
        ArticlePage.objects.filter(pk=pk).update(published_at=first)


class Migration(migrations.Migration):
    dependencies = [("news", "0009_embed_previews")]

    operations = [migrations.RunPython(stamp, migrations.RunPython.noop)]
