"""Run the benchmarks: `python -m benchmarks [name ...] [--large]`."""

import argparse
import importlib

import django
from django.core.management import call_command

from . import throwaway_database

# Each name maps to a module with run(options); add yours here.
REGISTRY = {"related": "benchmarks.related", "feeds": "benchmarks.feeds"}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help=f"any of {', '.join(REGISTRY)} (default: all)")
    parser.add_argument("--large", action="store_true", help="include the slow 100k-article runs")
    options = parser.parse_args()
    unknown = set(options.names) - set(REGISTRY)
    if unknown:
        parser.error(f"unknown benchmark: {', '.join(sorted(unknown))}")
    throwaway_database()
    django.setup()
    call_command("migrate", verbosity=0)
    for name in options.names or REGISTRY:
        print(f"== {name}")
        importlib.import_module(REGISTRY[name]).run(options)


main()
