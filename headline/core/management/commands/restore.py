"""Replace the site's database and media with a backup (headline.core.backup)."""

from django.core.management.base import BaseCommand, CommandError

from headline.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the database and media with the backup in DIR (made by `manage.py backup`). "
        "Everything is checked first: a wrong, corrupt or partial backup changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR", help="The backup folder.")

    def handle(self, *args, directory, **options):
        try:
            restore(directory, log=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
