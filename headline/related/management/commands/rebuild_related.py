"""Recompute every article's related list from scratch, with a progress bar."""

import time

from django.core.management.base import BaseCommand

from headline.core import freshness
from headline.news.models import ArticlePage

from ... import index
from ...models import RELATED

BAR_WIDTH = 40


class Command(BaseCommand):
    help = "Rebuild the stored related-article lists of every published article."

    def handle(self, *args, **options):
        started = time.perf_counter()
        total = ArticlePage.objects.published().count()
        done = 0

        def progress(step):
            nonlocal done
            done += step
            filled = BAR_WIDTH * done // max(total, 1)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            self.stdout.write(f"\rScoring [{bar}] {done}/{total}", ending="")
            self.stdout.flush()

        self.stdout.write(f"Reading {total} published articles…")
        count = index.rebuild(progress=progress)
        freshness.bump(RELATED)
        self.stdout.write("")
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(f"Rebuilt related lists of {count} articles in {seconds:.1f} s.")
        )
