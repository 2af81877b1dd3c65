"""Posting under concurrency: many readers at once all get stored, each exactly once.

Meaningful on PostgreSQL (the CI's services lane), where requests really run in parallel
transactions; SQLite serialises writers, so the test is skipped there with the reason.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client

from headline.comments.models import Comment

from .comment_helpers import post_comment, set_rules
from .factories import make_article, make_section

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        "sqlite" in settings.DATABASES["default"]["ENGINE"],
        reason="SQLite serialises writers; this runs on the PostgreSQL lane (make test-services)",
    ),
]


def post_all_at_once(article, submissions):
    barrier = threading.Barrier(len(submissions))

    def submit(fields):
        try:
            barrier.wait(timeout=30)
            return post_comment(Client(), article, **fields).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(submissions)) as pool:
        return list(pool.map(submit, submissions))


def test_fifty_concurrent_comments_are_stored_exactly_once():
    article = make_article(make_section("International"))
    set_rules(spam_threshold=1.0)
    distinct = [
        {"ip": f"10.9.0.{n + 1}", "email": f"reader{n}@example.org", "body": f"Comment number {n}."}
        for n in range(50)
    ]
    assert post_all_at_once(article, distinct) == [302] * 50
    bodies = sorted(Comment.objects.values_list("body", flat=True))
    assert bodies == sorted(f"Comment number {n}." for n in range(50))

    set_rules(flood_seconds=0)
    same = [
        {"ip": f"10.9.1.{n + 1}", "email": "twice@example.org", "body": "Sent twice."}
        for n in range(10)
    ]
    codes = post_all_at_once(article, same)
    assert sorted(codes) == [302] + [400] * 9
    assert Comment.objects.filter(body="Sent twice.").count() == 1
