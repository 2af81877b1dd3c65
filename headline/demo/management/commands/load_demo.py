"""`manage.py load_demo`: fill a freshly migrated database with the demo newsroom.

Safe to run again: when the database already holds articles no content is added, but the site
address, the site identity and the demo logins are still checked, and the logins printed, so
`make run` always ends by telling you how to get into the admin.
"""

import logging
import os
import time
from contextlib import contextmanager
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from wagtail.signal_handlers import disable_reference_index_auto_update

from headline.demo.loader import (
    DEFAULT_PASSWORD,
    NewsroomLoader,
    configure_site,
    ensure_accounts,
)
from headline.news.models import ArticlePage, HomePage

# Work that publishing hands to background tasks runs inline during the load, so the demo is
# complete at once even when no task worker is running.
INLINE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Each page and task logs a line at INFO; hundreds of them would bury the logins printed at the end.
CHATTY_LOGGERS = ("wagtail", "django_tasks")


@contextmanager
def indexed_once():
    """Index the new content in one pass at the end rather than on each of its many saves.

    Every page is saved two or three times while it is created and published; indexing each save
    for search and for Wagtail's reference index took over half the load time on PostgreSQL.
    """
    backends = {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), disable_reference_index_auto_update():
        yield
    call_command("update_index", stdout=StringIO())
    call_command("rebuild_references_index", stdout=StringIO())


@contextmanager
def quiet_loggers(enabled):
    loggers = [logging.getLogger(name) for name in CHATTY_LOGGERS]
    levels = [logger.level for logger in loggers]
    if enabled:
        for logger in loggers:
            logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = "Load the demo newsroom (sections, authors, articles, images) and the demo logins."

    def handle(self, *args, **options):
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("No home page: run `manage.py migrate` first.")
        started = time.monotonic()
        password = os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD
        with transaction.atomic():
            configure_site()
            if ArticlePage.objects.exists():
                self.stdout.write("The database already has articles: no demo content loaded.")
            else:
                quiet = options["verbosity"] < 2
                with override_settings(TASKS=INLINE_TASKS), quiet_loggers(quiet), indexed_once():
                    counts = NewsroomLoader(home).load()
                self.stdout.write(
                    self.style.SUCCESS(
                        "Loaded the demo newsroom: {sections} sections, {authors} authors, "
                        "{articles} articles, {images} images".format(**counts)
                        + f" in {time.monotonic() - started:.1f} s."
                    )
                )
            accounts = ensure_accounts(password)
        self._print_logins(accounts)

    def _print_logins(self, accounts):
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"
        where = "from DEMO_PASSWORD" if os.environ.get("DEMO_PASSWORD") else DEFAULT_PASSWORD
        self.stdout.write(f"\nAdmin: {admin_url}")
        self.stdout.write(f"Logins (password: {where}):")
        for account in accounts:
            role = "superuser" if account.superuser else f"group {account.group}"
            self.stdout.write(f"  {account.username:<10} {role}")
