"""Print, as JSON, everything stored about the comments written from one email address."""

import json

from django.core.management.base import BaseCommand

from headline.comments.privacy import export


class Command(BaseCommand):
    help = "Export a commenter's data (their comments and what is stored with them) as JSON."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        self.stdout.write(json.dumps(export(email), indent=2, ensure_ascii=False))
