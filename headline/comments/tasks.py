"""Every email the comments app sends, as background tasks.

Mail goes through Django's tasks framework so that a slow mail server never slows a reader's
request: views enqueue a task with ids, and the worker renders and sends. Each task re-reads
the database, so a comment deleted or erased in the meantime simply sends nothing.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from .models import Comment
from .tokens import make_link_token

MODERATOR_PERMISSIONS = ("wagtailadmin.access_admin", "comments.change_comment")


def _site_url(comment):
    site = comment.article.get_site()
    return site.root_url if site else ""


def _send(subject, template, context, to, headers=None):
    body = render_to_string(f"comments/email/{template}.txt", context)
    EmailMessage(subject=subject, body=body, to=to, headers=headers).send()


def moderators():
    """Active users with an address whom the queue's link answers: those who may reach the admin
    and moderate (change) comments. Editors, Moderators and superusers by default."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    can_moderate = Permission.objects.filter(
        content_type__app_label="comments", codename="change_comment"
    )
    candidates = users.filter(
        Q(is_superuser=True)
        | Q(groups__permissions__in=can_moderate)
        | Q(user_permissions__in=can_moderate)
    ).distinct()
    return [user for user in candidates if user.has_perms(MODERATOR_PERMISSIONS)]


@task()
def notify_moderators(comment_id):
    comment = Comment.objects.filter(pk=comment_id).select_related("article").first()
    if comment is None or comment.status != Comment.Status.PENDING:
        return
    recipients = [user.email for user in moderators()]
    if not recipients:
        return
    admin_url = _site_url(comment) + reverse("comments_moderation:edit", args=[comment.pk])
    _send(
        f"Comment awaiting moderation on “{comment.article.title}”",
        "moderators",
        {"comment": comment, "admin_url": admin_url},
        recipients,
    )


@task()
def send_confirmation(comment_id):
    """Ask the commenter to confirm their address (and reply notifications, if they asked)."""
    comment = Comment.objects.filter(pk=comment_id).select_related("article").first()
    if comment is None:
        return
    token = make_link_token("confirm", comment.pk)
    link = _site_url(comment) + reverse("comments:confirm", args=[token])
    _send(
        "Please confirm your email address",
        "confirm",
        {"comment": comment, "link": link},
        [comment.email],
    )


@task()
def notify_reply(reply_id):
    """Tell the parent comment's author about an approved reply, if they subscribed."""
    reply = Comment.objects.filter(pk=reply_id).select_related("parent", "article").first()
    if reply is None or reply.parent is None or reply.status != Comment.Status.APPROVED:
        return
    parent = reply.parent
    if not parent.notify_replies or parent.email.lower() == reply.email.lower():
        return
    site_url = _site_url(reply)
    unsubscribe = site_url + reverse(
        "comments:unsubscribe", args=[make_link_token("unsubscribe", parent.pk)]
    )
    _send(
        f"New reply to your comment on “{reply.article.title}”",
        "reply",
        {"reply": reply, "link": site_url + reply.get_absolute_url(), "unsubscribe": unsubscribe},
        [parent.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


@task()
def send_privacy_link(email, site_url):
    """Mail a link to export or erase the comments written from `email`, if there are any."""
    if not Comment.objects.by_email(email).exists():
        return
    token = make_link_token("privacy", email.strip().lower())
    link = site_url + reverse("comments:privacy_manage", args=[token])
    _send("Your comments: export or erase", "privacy", {"link": link}, [email])
