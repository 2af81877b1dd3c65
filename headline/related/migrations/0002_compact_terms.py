# Stored terms are derived data (rebuild_related recreates them), so the table is replaced
# rather than converted: compact binary columns read ten thousand rows without JSON parsing.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('related', '0001_initial'),
    ]

    operations = [
        migrations.DeleteModel(name='ArticleTerms'),
        migrations.CreateModel(
            name='ArticleTerms',
            fields=[
                ('article', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to='news.articlepage')),
                ('terms', models.BinaryField(help_text='Hashed term ids, int32.')),
                ('weights', models.BinaryField(help_text='Log term frequencies, float32.')),
                ('day', models.FloatField(help_text='Publication time in days since the epoch.')),
                ('sections', models.BinaryField(help_text='Section page ids, int64.')),
                ('tags', models.BinaryField(help_text='Tag ids, int64.')),
            ],
            options={
                'verbose_name_plural': 'article terms',
            },
        ),
    ]
