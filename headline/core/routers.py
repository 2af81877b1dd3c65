"""Read replicas: readers' page views read from a PostgreSQL replica, everything else from the primary.

With `DATABASE_REPLICA_URLS` set (settings/base.py), `ReplicaRouter` is installed and
`ReplicaReadsMiddleware` picks one replica for each GET or HEAD request outside the admin; that
request's reads go there. Everything else reads and writes on the primary (`default`):

- POST and other unsafe requests, from their first query: a form's checks (duplicate comment,
  flood, bans) must see the rows the write is about to join;
- the admin (`/admin/`), so editors always see what they have just saved;
- the rest of a request after its first statement that changes data on the primary, and
  anything inside `transaction.atomic()`;
- code outside a request (the task worker, management commands, cron jobs).

Across requests, read-your-writes comes from replication itself: with replicas configured the
primary's connections commit with `synchronous_commit = remote_apply`, so once a commit returns
every synchronous standby has applied it (name the replicas in the primary's
`synchronous_standby_names`, see README). A reader redirected after posting a comment, and a page
cached under a content version bumped on commit (core.freshness), can therefore never be served
from a replica that has not seen the change.
"""

import random
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.urls import reverse

# The replica alias the current request reads from, or None for the primary.
_replica = ContextVar("headline_replica", default=None)

SAFE_METHODS = frozenset({"GET", "HEAD"})
# Statements that change data (first six letters). Transaction control (BEGIN, SAVEPOINT…) is not
# one: a read-only atomic block leaves the request on its replica.
WRITES = frozenset({"INSERT", "UPDATE", "DELETE", "MERGE "})


class ReplicaRouter:
    """Send reads to the request's replica when one was chosen; all writes to the primary."""

    def db_for_read(self, model, **hints):
        alias = _replica.get()
        if alias is None or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return alias

    def db_for_write(self, model, **hints):
        # Also asked for the lookup of get_or_create() (site settings, on every page): that
        # reads the primary, but only a statement that changes data moves the whole request.
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, **hints):
        return db == DEFAULT_DB_ALIAS  # replicas follow the primary's schema by replication


class ReplicaReadsMiddleware:
    """Choose the replica a reader's GET or HEAD reads from; a no-op when none is configured."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = reverse("wagtailadmin_home")

    def __call__(self, request):
        replicas = getattr(settings, "DATABASE_REPLICAS", ())
        if (
            not replicas
            or request.method not in SAFE_METHODS
            or request.path_info.startswith(self.admin_prefix)
        ):
            return self.get_response(request)
        token = _replica.set(random.choice(replicas))
        try:
            with connections[DEFAULT_DB_ALIAS].execute_wrapper(_primary_after_write):
                return self.get_response(request)
        finally:
            _replica.reset(token)


def _primary_after_write(execute, sql, params, many, context):
    """Read-your-writes within a request: after its first change of data, it reads the primary."""
    if sql.lstrip()[:6].upper() in WRITES:
        _replica.set(None)
    return execute(sql, params, many, context)
