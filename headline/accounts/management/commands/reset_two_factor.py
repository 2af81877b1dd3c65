"""Let a staff member who lost both their phone and their recovery codes sign in again."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from headline.accounts import twofactor


def _count(number, thing):
    return f"{number} {thing}{'s' if number != 1 else ''}"


class Command(BaseCommand):
    help = (
        "Remove a staff member's two-factor devices (authenticator app and recovery codes), so "
        "they sign in with their password and set two-factor sign-in up again."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="the staff member's username, as they sign in with it")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user is called {username!r}.") from None
        apps, codes = twofactor.reset(user)
        if not apps and not codes:
            self.stdout.write(f"{username} has no two-factor sign-in set up; nothing to remove.")
            return
        then = (
            "must set it up again at sign-in, as their role requires it."
            if twofactor.is_required(user)
            else "may set it up again from their account."
        )
        self.stdout.write(
            f"Removed {username}'s {_count(apps, 'authenticator app')} and "
            f"{_count(codes, 'unused recovery code')}. They sign in with their password and {then}"
        )
