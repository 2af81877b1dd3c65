"""Builders for comment tests: a filled-in form as a reader's browser would send it."""

import itertools
import time

from django.urls import reverse
from wagtail.models import Site

from headline.comments.forms import signed_timestamp
from headline.comments.models import Comment, CommentSettings

_ips = itertools.count(1)


def shown_ago(seconds):
    """The signed token of a form shown `seconds` ago (a fresh one each call)."""
    return signed_timestamp(time.time() - seconds)


def form_data(**overrides):
    data = {
        "name": "Ada Reader",
        "email": "ada@example.org",
        "url": "",
        "body": "A thoughtful comment.",
        "timestamp": shown_ago(60),
        "address": "",
        "parent": "",
    }
    data.update(overrides)
    return data


def post_comment(client, article, ip=None, **overrides):
    """POST the comment form; each call comes from its own IP unless told, to pass flood control."""
    n = next(_ips)
    ip = ip or f"10.1.{n // 250 % 250}.{n % 250 + 1}"
    return client.post(
        reverse("comments:post", args=[article.pk]), form_data(**overrides), REMOTE_ADDR=ip
    )


def make_comment(article, **fields):
    """A comment stored directly, approved unless told otherwise."""
    fields.setdefault("name", "Grace Commenter")
    fields.setdefault("email", "grace@example.org")
    fields.setdefault("body", f"Comment {next(_ips)}")
    fields.setdefault("status", Comment.Status.APPROVED)
    parent = fields.get("parent")
    fields.setdefault("depth", parent.depth + 1 if parent else 1)
    return Comment.objects.create(article=article, **fields)


def posted(response):
    """The comment a successful post redirected to."""
    if response.status_code != 302:
        from .html import parse, texts

        errors = texts(parse(response), "//*[@class='form-errors' or @class='field-error']")
        raise AssertionError(f"not posted ({response.status_code}): {errors}")
    anchor = response["Location"].rsplit("#comment-", 1)[1]
    return Comment.objects.get(pk=int(anchor))


def set_rules(**values):
    """Change the site's comment settings, as a moderator would in the admin."""
    rules = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in values.items():
        setattr(rules, name, value)
    rules.save()
