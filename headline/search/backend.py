"""Wagtail's database search backend, with PostgreSQL's reading of an excluded phrase mended.

The PostgreSQL query compiler of modelsearch 1.3.2 (Wagtail 8's search library, the latest
release) drops a `Not` around a `Phrase`: `strike -"rail strike"` found the articles holding the
phrase instead of the others. Every other query, and every other database, is the library's own.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import Phrase


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor != "postgresql":
        return database_backend(params)
    from modelsearch.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )

    class QueryCompiler(PostgresSearchQueryCompiler):
        def build_tsquery_content(self, query, config=None, invert=False):
            built = super().build_tsquery_content(query, config=config, invert=invert)
            return ~built if invert and isinstance(query, Phrase) else built

    class Backend(PostgresSearchBackend):
        query_compiler_class = QueryCompiler

    return Backend(params)
