"""SQLite's full-text table stems English words, as PostgreSQL does in production.

Wagtail's SQLite backend matches in an FTS5 table made with FTS5's default tokenizer, which
keeps words as typed: "rent" did not find "rents", where PostgreSQL (its `english` text search
configuration, the server's default) finds both. The table is made again with FTS5's `porter`
tokenizer around `unicode61` (https://sqlite.org/fts5.html#porter_tokenizer) and its rows
copied over; the triggers that keep it in step with `wagtailsearch_indexentry` name the table,
not its tokenizer, and go on working. Other databases get nothing.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry_fts"
COLUMNS = "autocomplete, body, title"


def remake(tokenize):
    def operation(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "sqlite":
            return
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [TABLE])
            if cursor.fetchone() is None:  # an SQLite without FTS5: Wagtail made no table
                return
            cursor.execute(
                f"CREATE TEMP TABLE fts_rows AS SELECT rowid AS id, {COLUMNS} FROM {TABLE}"
            )  # noqa: S608
            cursor.execute(f"DROP TABLE {TABLE}")
            cursor.execute(f"CREATE VIRTUAL TABLE {TABLE} USING fts5({COLUMNS}{tokenize})")
            cursor.execute(
                f"INSERT INTO {TABLE}(rowid, {COLUMNS}) SELECT id, {COLUMNS} FROM fts_rows"  # noqa: S608
            )
            cursor.execute("DROP TABLE fts_rows")

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_match_index"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [
        migrations.RunPython(remake(", tokenize = 'porter unicode61'"), remake("")),
    ]
