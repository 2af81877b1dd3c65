"""`manage.py import_wordpress EXPORT.xml [--media-dir DIR] [--dry-run] [--overwrite]`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from headline.importers.models import WordPressImport
from headline.importers.runs import perform


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
        report = perform(run, export, media_dir)
        if report is None:
            raise CommandError(f"{export}: {run.error} Nothing was imported.")
        self.stdout.write(report.as_text())
