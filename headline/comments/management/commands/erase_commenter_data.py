"""Erase the comments written from one email address (a privacy-law erasure request)."""

from django.core.management.base import BaseCommand

from headline.comments.privacy import erase


class Command(BaseCommand):
    help = "Delete every comment written from an email address; replies to them move up."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        self.stdout.write(f"Erased {erase(email)} comment(s).")
