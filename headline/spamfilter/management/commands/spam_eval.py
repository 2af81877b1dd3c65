"""`manage.py spam_eval FILE.jsonl`: how well the spam filter does on comments it has not seen.

Trains a new, empty in-memory model (the site's stored model is never touched) on part of the
file, or on --train FILE, and measures the rest. --folds K cross-validates and --by-source trains
on all sources but one, in turn; both then report the mean and the worst split. The last line
printed is always one JSON object, for scripts.
"""

import json

from django.core.management.base import BaseCommand

from headline.spamfilter.classifier import DEFAULT_THRESHOLD
from headline.spamfilter.evaluation import (
    Result,
    by_source,
    folds,
    holdout,
    train_and_measure,
)
from headline.spamfilter.training import load_examples


def _line(name: str, result: Result) -> str:
    return (
        f"{name}: {result.comments} comments, precision {result.precision:.3f}, "
        f"recall {result.recall:.3f}, F1 {result.f1:.3f}, "
        f"good comments called spam {result.false_positive_rate:.1%}, "
        f"{result.ms_per_comment:.3f} ms/comment"
    )


class Command(BaseCommand):
    help = "Train a fresh spam model on labelled comments and print precision, recall, F1, FPR."

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON Lines: text, author, email, url, label")
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--train", help="train on this file and measure all of FILE")
        mode.add_argument("--folds", type=int, help="K-fold cross-validation over FILE")
        mode.add_argument(
            "--by-source", action="store_true", help="leave one `source` of FILE out at a time"
        )
        parser.add_argument(
            "--test-share", type=float, default=0.3, help="held-out share (default 0.3)"
        )
        parser.add_argument("--seed", type=int, default=0, help="shuffling seed (default 0)")
        parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)

    def handle(self, *args, **options):
        examples = load_examples(options["file"])
        if options["train"]:
            splits = [("trained on --train", load_examples(options["train"]), examples)]
        elif options["folds"]:
            splits = folds(examples, options["folds"], options["seed"])
        elif options["by_source"]:
            splits = by_source(examples)
        else:
            train, test = holdout(examples, options["test_share"], options["seed"])
            splits = [(f"held out {options['test_share']:.0%}", train, test)]

        results = []
        for name, train, test in splits:
            result = train_and_measure(train, test, options["threshold"])
            results.append(result)
            self.stdout.write(_line(name, result))
        self.stdout.write(json.dumps(self._summary(results)))

    @staticmethod
    def _summary(results: list[Result]) -> dict:
        def mean(field):
            return round(sum(getattr(r, field) for r in results) / len(results), 4)

        summary = {
            "comments": sum(r.comments for r in results),
            "precision": mean("precision"),
            "recall": mean("recall"),
            "f1": mean("f1"),
            "false_positive_rate": mean("false_positive_rate"),
            "ms_per_comment": mean("ms_per_comment"),
        }
        if len(results) > 1:
            summary["splits"] = len(results)
            summary["worst_f1"] = round(min(r.f1 for r in results), 4)
            summary["worst_false_positive_rate"] = round(
                max(r.false_positive_rate for r in results), 4
            )
        return summary
