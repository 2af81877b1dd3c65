"""Run the benchmarks: `python -m benchmarks [name ...] [--large] [--profile]`."""

import argparse
import importlib
import subprocess
import sys

import django
from django.core.management import call_command

from . import throwaway_database

# Each name maps to a module with run(options); add yours here.
REGISTRY = {
    "related": "benchmarks.related",
    "feeds": "benchmarks.feeds",
    "pages": "benchmarks.pages",
    "scale": "benchmarks.scale",
    "comments-load": "benchmarks.comments_load",
    "wordpress-import": "benchmarks.wordpress_import",
}
# Run only when named: the archive-size comparison builds a 20,000-article site, and the load test
# writes comments into the site it targets.
ON_REQUEST = {"scale", "comments-load", "wordpress-import"}
# Benchmarks that configure Django themselves (their own database and settings) through the
# module's `prepare(options)`, called before Django starts; the others get a throwaway SQLite file.
PREPARED = {
    "pages": "benchmarks.pages_setup",
    "scale": "benchmarks.scale",
    "comments-load": "benchmarks.comments_load",
    "wordpress-import": "benchmarks.wordpress_import",
}


def main():
    sys.stdout.reconfigure(line_buffering=True)  # progress shows as it happens, also in a log
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "names",
        nargs="*",
        help=f"any of {', '.join(REGISTRY)} (default: all but {', '.join(sorted(ON_REQUEST))})",
    )
    parser.add_argument("--large", action="store_true", help="include the slow 100k-article runs")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="pages: profile article renders in-process instead of the load run",
    )
    options = parser.parse_args()
    unknown = set(options.names) - set(REGISTRY)
    if unknown:
        parser.error(f"unknown benchmark: {', '.join(sorted(unknown))}")
    names = options.names or [name for name in REGISTRY if name not in ON_REQUEST]
    if len(names) > 1:
        # Django is set up once per process with one database, and benchmarks differ in theirs:
        # each runs in its own process.
        flags = [flag for flag in ("--large", "--profile") if getattr(options, flag[2:])]
        for name in names:
            subprocess.run([sys.executable, "-m", "benchmarks", name, *flags], check=True)
        return
    (name,) = names
    if name in PREPARED:
        importlib.import_module(PREPARED[name]).prepare(options)
    else:
        throwaway_database()
        django.setup()
        call_command("migrate", verbosity=0)
    print(f"== {name}")
    importlib.import_module(REGISTRY[name]).run(options)


main()
