"""Benchmarks run by `make bench` (`python -m benchmarks`): speed is measured here, never in
unit tests. Each module in `__main__.REGISTRY` has a `run(options)` that prints its figures;
`throwaway_database()` gives one a freshly migrated SQLite file so nothing real is touched.
"""

import os
import statistics
import tempfile
import time


def throwaway_database():
    """Point Django at a new SQLite file and migrate it; must run before django.setup()."""
    folder = tempfile.mkdtemp(prefix="headline-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.pop("REDIS_URL", None)
    os.environ["LOG_LEVEL"] = "WARNING"  # not one line per page created
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "headline.settings.test")
    return folder


def timed(function, repeats):
    """Median seconds of `repeats` calls, and the last call's result."""
    durations = []
    result = None
    for _ in range(repeats):
        started = time.perf_counter()
        result = function()
        durations.append(time.perf_counter() - started)
    return statistics.median(durations), result
