"""Measure the engine on labelled articles from a JSON Lines file, beside a TF-IDF baseline.

Reads only the file (never the site's database). The last line printed is one JSON object, so
scripts can compare runs; the lines before it are for people.
"""

import json

from django.core.management.base import BaseCommand

from ...evaluation import evaluate


class Command(BaseCommand):
    help = "Precision@k and nDCG@k of the related-articles engine and a TF-IDF baseline."

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON Lines: id, title, body, section, published, story")
        parser.add_argument("--k", type=int, default=5, help="Recommendations judged per article.")

    def handle(self, *args, **options):
        summary = evaluate(options["file"], k=options["k"])
        k = summary["k"]
        self.stdout.write(f"{summary['articles']} articles, k={k}, {summary['seconds']} s")
        for name in ("engine", "baseline"):
            figures = summary[name]
            self.stdout.write(
                f"{name:>8}: precision@{k} {figures['precision_at_k']:.4f}  "
                f"nDCG@{k} {figures['ndcg_at_k']:.4f}"
            )
        self.stdout.write(json.dumps(summary))
