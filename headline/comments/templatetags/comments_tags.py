"""The comments section under an article or a standard page: the thread, the reader's own held
comments, the form. A standard page closed to comments shows its comments, without a form, and
nothing at all when it has none (an "About us" page grows no empty comments section).

The thread is loaded in one query and nested in Python. Everything on it is the same for every
reader except the held comments of the reader's own session and the note under any comment of
theirs whose confirmation email an email limit stopped (read only when the reader has a session,
which the page cache passes through), and the form's CSRF token and timestamp, which the page's
script fetches. The section declares for the page cache the moment comments close. The
rendered thread and the article's comment policy are kept in the shared cache under content
versions (`headline.core.freshness`); a reader with held comments or such a note gets the thread
made for them.
"""

import math
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from headline.core import freshness
from headline.core.ratelimit import in_words
from headline.core.signals import SITE
from headline.news.models import SECTIONS, ArticlePage, article_scope

from ..forms import CommentForm
from ..markup import avatar_svg, render_body
from ..models import Comment, email_digest
from ..moderation import Policy
from ..signals import POLICY, comments_scope
from ..views import SESSION_HELD, SESSION_UNSENT, confirmation_due

register = template.Library()


@dataclass
class Node:
    comment: Comment
    held: bool = False
    can_reply: bool = False
    confirmation_wait: str = ""  # when its unsent confirmation email can be sent, in words
    confirmation_sent: bool = False  # its author was emailed a link to confirm the address
    replies: list = field(default_factory=list)

    @property
    def avatar(self):
        return avatar_svg(self.comment.name, email_digest(self.comment.email))

    @property
    def body_html(self):
        return render_body(self.comment.body)


def build_thread(comments, held_ids, policy, unsent=None):
    """Nest comments under their parents, oldest first; orphans of a hidden parent go on top.
    `unsent` maps the reader's comments whose confirmation is unsent to seconds left to wait."""
    unsent = unsent or {}
    nodes = {
        comment.pk: Node(
            comment,
            held=comment.pk in held_ids,
            can_reply=comment.pk not in held_ids and policy.allows_reply_to(comment),
            confirmation_wait=in_words(unsent[comment.pk]) if comment.pk in unsent else "",
            confirmation_sent=(
                comment.pk in held_ids and comment.pk not in unsent and confirmation_due(comment)
            ),
        )
        for comment in sorted(comments, key=lambda c: (c.created_at, c.pk))
    }
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.comment.parent_id)
        (parent.replies if parent else roots).append(node)
    return roots


def _session(request):
    # A reader without a session cookie has none: reading it would only add `Vary: Cookie`.
    session = getattr(request, "session", None)
    if session is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return {}
    return session


def _unsent_confirmations(request, comments):
    """{comment id: whole seconds until its confirmation email can be sent} for the reader's
    comments among `comments` (SESSION_UNSENT), leaving out those whose wait is over."""
    unsent = _session(request).get(SESSION_UNSENT, {})
    if not unsent:
        return {}
    now = time.time()
    waits = {int(pk): math.ceil(until - now) for pk, until in unsent.items() if until > now}
    return {comment.pk: waits[comment.pk] for comment in comments if comment.pk in waits}


def _held_ids(request, article):
    ids = _session(request).get(SESSION_HELD, [])
    if not ids:
        return set()
    held = Comment.objects.filter(
        pk__in=ids, article=article, status__in=[Comment.Status.PENDING, Comment.Status.SPAM]
    )
    return set(held.values_list("pk", flat=True))


def thread_html(request, page, comments, held_ids, policy, closed):
    """The heading and the nested comments, cached for every reader without held comments or
    unsent confirmations.

    Shown from the article (reply links: `sections`, `site`, `article:<pk>`), its comments and
    the policy's reply depth; `closed` moves with time, so it is part of the key.
    """
    unsent = _unsent_confirmations(request, comments)

    def render():
        return render_to_string(
            "comments/thread.html",
            {
                "thread": build_thread(comments, held_ids, policy, unsent),
                "count": sum(1 for comment in comments if comment.pk not in held_ids),
                "held": bool(held_ids),
                "closed": closed,
                "page_url": page.get_url(request),
            },
        )

    if held_ids or unsent:
        return render()
    scopes = (SITE, SECTIONS, POLICY, article_scope(page.pk), comments_scope(page.pk))
    return freshness.cached(
        "comment-thread", scopes, render, vary=(page.pk, closed), request=request
    )


def article_policy(request, page):
    """`Policy.for_article`, cached while the settings, policies and the article's place hold."""
    return freshness.cached(
        "comment-policy",
        (SITE, SECTIONS, POLICY, article_scope(page.pk)),
        lambda: Policy.for_article(page, request),
        vary=(page.path,),
        request=request,
    )


@register.inclusion_tag("comments/comments_section.html", takes_context=True)
def comments_section(context, page):
    request = context["request"]
    if page.pk is None:  # a preview of an article not saved yet
        return {"preview": True}
    policy = article_policy(request, page)
    if policy.close_after_days and page.comments_enabled:
        freshness.declare_until(
            request, page.publication_date + timedelta(days=policy.close_after_days)
        )
    held_ids = _held_ids(request, page)
    # Read only when the thread is not cached or a reader without JavaScript picked a reply.
    comments = SimpleLazyObject(
        lambda: list(
            Comment.objects.approved().filter(article=page)
            | Comment.objects.filter(pk__in=held_ids)
        )
    )
    closed = policy.is_closed(page)
    if not page.comments_enabled and not isinstance(page, ArticlePage) and not comments:
        # Read without the thread's cache: the page shows that it has no comments.
        freshness.declare(request, comments_scope(page.pk))
        return {"empty": True}
    form = context.get("comment_form")
    replying_to = None
    # A form posted back (with errors) is answered to its reader alone: it gets a fresh token.
    form_secrets = form is not None
    if form is None:
        initial_parent = _reply_target(request, comments, held_ids, policy)
        form = CommentForm(
            article=page,
            policy=policy,
            initial={"parent": initial_parent.pk if initial_parent else None},
        )
        replying_to = initial_parent
    else:
        replying_to = form.parent_comment
    return {
        "page": page,
        "thread": thread_html(request, page, comments, held_ids, policy, closed),
        "closed": closed,
        "form": form,
        "form_secrets": form_secrets,
        "replying_to": replying_to,
        # A refused post comes back at the form, where its messages are, not at the top.
        "action": reverse("comments:post", args=[page.pk]) + "#respond",
        "page_url": page.get_url(request),
    }


def _reply_target(request, comments, held_ids, policy):
    """The comment a reader without JavaScript chose to answer (?replyto=<id>)."""
    # Compared as text: the links we make carry ASCII digits, and reading any other string as a
    # number could fail (`²` passes isdigit(), not int(); 5,000 digits exceed int()'s limit).
    wanted = request.GET.get("replyto", "")
    if not wanted:
        return None
    for comment in comments:
        if str(comment.pk) == wanted and comment.pk not in held_ids:
            return comment if policy.allows_reply_to(comment) else None
    return None


@register.simple_tag
def comment_count_label(count, held=False):
    """The thread's heading. With none published, a reader who sees their own held comment under
    it reads that it is not published yet, not "0 comments" above a comment."""
    if count == 0:
        return "No published comments yet" if held else "No comments yet"
    return f"{count} comment{'s' if count != 1 else ''}"
