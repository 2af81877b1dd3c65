"""Ship a trained starting model: a fresh `migrate` trains it from the project's seed comments."""

from django.db import migrations


def train_starting_model(apps, schema_editor):
    from headline.spamfilter.training import SEED_FILE, load_examples, train

    FeatureWeight = apps.get_model("spamfilter", "FeatureWeight")
    weights = train(load_examples(SEED_FILE)).weights
    FeatureWeight.objects.bulk_create(
        [FeatureWeight(feature=f, weight=w) for f, w in weights.items()], batch_size=1000
    )


def forget_model(apps, schema_editor):
    apps.get_model("spamfilter", "FeatureWeight").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("spamfilter", "0001_initial")]

    operations = [migrations.RunPython(train_starting_model, forget_model)]
