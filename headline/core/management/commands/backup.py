"""Back the site up into a new folder: database, media and a manifest (headline.core.backup)."""

from django.core.management.base import BaseCommand, CommandError

from headline.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and media into DIR (a new or empty folder)."

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR", help="Where the backup goes.")

    def handle(self, *args, directory, **options):
        try:
            manifest = backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from None
        media = sum(name.startswith("media/") for name in manifest["files"])
        size = sum(file["size"] for file in manifest["files"].values())
        self.stdout.write(
            f"Backed up the {manifest['engine']} database and {media} media file(s) "
            f"({size / 1e6:.1f} MB) into {directory}."
        )
        if manifest["media"] != "local":
            self.stdout.write(manifest["media"])
