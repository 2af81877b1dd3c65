"""Staff actions appear in Wagtail's audit log (Reports › Site history), with who did them."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from headline.comments.models import Ban

from .comment_helpers import make_comment
from .factories import make_article, make_section
from .html import parse, texts

pytestmark = pytest.mark.django_db


def site_history(client):
    rows = texts(parse(client.get("/admin/reports/site-history/")), "//tbody/tr")
    return " | ".join(rows)


def bulk(client, action, comments):
    url = reverse("wagtail_bulk_action", args=["comments", "comment", action])
    query = "&".join(f"id={comment.pk}" for comment in comments)
    return client.post(f"{url}?{query}&next=/admin/")


def test_publishing_unpublishing_and_deleting_are_in_site_history(client, admin_user):
    client.force_login(admin_user)
    section = make_section("International")
    article = make_article(section, "Harbour reopens", publish=False)
    article.save_revision(user=admin_user).publish(user=admin_user)
    client.post(f"/admin/pages/{article.pk}/unpublish/", {})
    doomed = make_article(section, "Draft to drop", publish=False)
    client.post(f"/admin/pages/{doomed.pk}/delete/", {})

    actions = set(PageLogEntry.objects.filter(user=admin_user).values_list("action", flat=True))
    assert {"wagtail.publish", "wagtail.unpublish", "wagtail.delete"} <= actions
    history = site_history(client)
    for message in ("Published", "Unpublished", "Deleted"):
        assert message in history


def test_moderation_decisions_undo_and_bans_are_in_site_history(client, admin_user):
    client.force_login(admin_user)
    article = make_article(make_section("International"))
    first, second, troll = (make_comment(article, status="pending") for _ in range(3))
    decide = reverse("comments_admin_decide", args=[first.pk])
    client.post(decide, {"status": "approved"})
    client.post(decide, {"status": "spam"})
    client.post(reverse("comments_admin_undo"), {})
    bulk(client, "trash", [second])
    bulk(client, "ban", [troll])
    bulk(client, "delete", [second])

    logged = list(
        ModelLogEntry.objects.filter(user=admin_user)
        .order_by("timestamp", "pk")
        .values_list("action", "object_id")
    )
    assert logged[:5] == [
        ("headline.comment.approve", str(first.pk)),
        ("headline.comment.spam", str(first.pk)),
        ("headline.comment.undo", str(first.pk)),
        ("headline.comment.trash", str(second.pk)),
        ("headline.comment.ban", str(troll.pk)),
    ]
    assert ("wagtail.delete", str(second.pk)) in logged
    assert Ban.objects.filter(email=troll.email).exists()
    history = site_history(client)
    for message in (
        "Comment approved",
        "Comment marked as spam",
        "Moderation decision undone",
        "Comment moved to the trash",
        "Comment's author banned",
    ):
        assert message in history
