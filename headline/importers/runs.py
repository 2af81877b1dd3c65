"""Running an import and keeping its record, the same from the command and the admin's task.

Progress goes to the shared cache rather than the run's row: the import is one transaction, so
nothing it writes, its own progress included, is visible to the status page until it ends.
"""

from django.core.cache import cache
from django.utils import timezone
from wagtail.log_actions import log

from .models import WordPressImport
from .wordpress.importer import Importer
from .wordpress.wxr import WXRError

ACTION = "headline.import_wordpress"


def progress_key(run):
    return f"importers:wordpress:{run.pk}:progress"


def progress(run):
    """Share of the run done, 0 to 1."""
    if run.finished:
        return 1.0
    return cache.get(progress_key(run), run.progress)


def perform(run, path, media_dir=None, user=None):
    """Import the export at `path` for `run` (a WordPressImport); store its report or error
    and record it in Wagtail's audit log. Returns the Report, or None when the file was refused."""
    run.status = WordPressImport.Status.RUNNING
    run.save(update_fields=["status"])
    importer = Importer(
        path,
        media_dir=media_dir,
        dry_run=run.dry_run,
        overwrite=run.overwrite,
        progress=lambda share: cache.set(progress_key(run), share, 3600),
    )
    report = None
    try:
        report = importer.run()
        run.status, run.report = WordPressImport.Status.DONE, report.as_dict()
    except WXRError as error:
        run.status, run.error = WordPressImport.Status.FAILED, str(error)
    except Exception as error:
        run.status = WordPressImport.Status.FAILED
        run.error = f"The import stopped and was undone: {error}"
        raise
    finally:
        run.finished_at = timezone.now()
        run.progress = 1.0
        run.save()
        cache.delete(progress_key(run))
        data = {"file": run.file_name, "status": run.status, "dry_run": run.dry_run}
        if report is not None:
            data["counts"] = run.report["counts"]
        log(run, ACTION, user=user or run.started_by, data=data)
    return report
