"""`manage.py import_wordpress EXPORT.xml [--media-dir DIR] [--dry-run] [--overwrite]`."""

import logging
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from headline.importers.models import WordPressImport
from headline.importers.runs import perform

# Loggers that note every page saved and task run: thousands of lines around the report, unless
# asked for with --verbosity 2 or more.
PER_PAGE_LOGGERS = ("wagtail", "django_tasks")


class Command(BaseCommand):
    help = (
        "Import a WordPress export (Tools › Export in WordPress): authors, categories, tags, "
        "posts, pages, attachments, comments and old addresses; again to update."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="the WXR file")
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="a copy of the site's wp-content/uploads, where attachments' files are found",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would happen, save nothing"
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="replace what was edited in Headline since the last import",
        )

    def handle(self, export, media_dir, dry_run, overwrite, **options):
        export, media_dir = Path(export), media_dir and Path(media_dir)  # also from call_command
        if not export.is_file():
            raise CommandError(f"{export}: no such file.")
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"{media_dir}: no such folder.")
        run = WordPressImport.objects.create(
            file_name=export.name, dry_run=dry_run, overwrite=overwrite
        )
        with quiet(PER_PAGE_LOGGERS if options["verbosity"] < 2 else ()):
            report = perform(run, export, media_dir)
        if report is None:
            raise CommandError(f"{export}: {run.error} Nothing was imported.")
        self.stdout.write(report.as_text())


@contextmanager
def quiet(names):
    """Only warnings and errors from the loggers `names` while the block runs."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.level, logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
