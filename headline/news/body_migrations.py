"""What data migrations of stored bodies share: one change to one kind of block, everywhere."""

from wagtail.blocks.migrations.migrate_operation import MigrateStreamData

# The page types whose `body` is an ArticleBodyBlock stream.
BODIES = ("ArticlePage", "StandardPage")


def migrate_bodies(operation, block_path):
    """Migration operations applying `operation` (a Wagtail BaseBlockOperation) to every block at
    `block_path` ("list", "quote.text") in each page's body and every revision of it (drafts and
    scheduled ones included), for each type in BODIES."""
    return [
        MigrateStreamData(
            app_name="news",
            model_name=model,
            field_name="body",
            operations_and_block_paths=[(operation, block_path)],
        )
        for model in BODIES
    ]
