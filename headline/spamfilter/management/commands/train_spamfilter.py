"""`manage.py train_spamfilter [FILE]`: replace the site's spam model with one trained afresh.

Trains on FILE (JSON Lines of labelled comments) or, without one, on the seed comments that
ship with the project. Moderators' decisions learned since the last training are not kept: to
keep them, include those comments in FILE.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from headline.spamfilter.filter import model_changed
from headline.spamfilter.models import FeatureWeight
from headline.spamfilter.training import SEED_FILE, load_examples, train


class Command(BaseCommand):
    help = "Retrain the stored spam model from labelled comments (default: the shipped seed set)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(SEED_FILE))

    def handle(self, *args, **options):
        examples = load_examples(options["file"])
        model = train(examples)
        with transaction.atomic():
            FeatureWeight.objects.replace_all(model.weights)
            model_changed()
        spam = sum(e.is_spam for e in examples)
        self.stdout.write(
            f"Trained on {len(examples)} comments ({spam} spam, {len(examples) - spam} good): "
            f"{len(model.weights)} features stored."
        )
