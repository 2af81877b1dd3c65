"""The import started from the admin, run by the task worker (`manage.py db_worker`; under
`make run`, a thread of the development server)."""

from pathlib import Path

from django.conf import settings
from django_tasks import task

from .models import WordPressImport
from .runs import perform


@task()
def import_wordpress(run_pk):
    run = WordPressImport.objects.get(pk=run_pk)
    try:
        perform(run, Path(run.export.path), settings.WORDPRESS_MEDIA_DIR)
    finally:
        # The export holds commenters' addresses: it is not kept once read.
        run.export.delete(save=False)
        WordPressImport.objects.filter(pk=run.pk).update(export="")
