"""Content versions move again when the transaction that changed the content commits."""

from contextlib import suppress

import pytest
from django.db import connection, transaction

from headline.core import freshness

SCOPES = [f"article:{number}" for number in range(200)] + ["articles", "sections"]


# Real transactions (commit callbacks run), leaving the database's initial rows (content types,
# the site) as later tests expect them.
TRANSACTIONS = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class Abandoned(Exception):
    pass


@TRANSACTIONS
def test_every_scope_bumped_in_a_transaction_moves_again_at_commit_in_one_write():
    with transaction.atomic():
        for scope in SCOPES[:100]:
            freshness.bump(scope)
        # A savepoint rolled back takes its callbacks with it; bumps after it still move at commit.
        with suppress(Abandoned), transaction.atomic():
            freshness.bump("comments:1")
            raise Abandoned
        for scope in SCOPES[100:]:
            freshness.bump(scope, "articles")
        during = {scope: freshness.version(scope) for scope in SCOPES}
        # What an import of thousands of articles holds until it commits: one callback.
        assert len(connection.run_on_commit) == 1
    after = {scope: freshness.version(scope) for scope in SCOPES}
    assert [scope for scope in SCOPES if after[scope] == during[scope]] == []


@TRANSACTIONS
def test_a_transaction_rolled_back_leaves_nothing_to_write_into_the_next():
    with suppress(Abandoned), transaction.atomic():
        freshness.bump("articles")
        raise Abandoned
    with transaction.atomic():
        freshness.bump("sections")
        during = freshness.version("sections")
        assert len(connection.run_on_commit) == 1
    assert freshness.version("sections") != during
