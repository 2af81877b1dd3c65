"""Comment moderation in the Wagtail admin.

A "Comments" menu item (showing how many wait) opens the queue: filters by status, article and
date, search, a "Why" column naming the rule that held each comment, and bulk approve / spam /
trash / ban / delete. Approving and marking spam retrain the spam filter (moderation.decide).
Moderators also reply as staff, edit and manage bans. Section policies and site-wide rules
are for those given their permissions (superusers by default); so is exporting or erasing a
commenter's data (`comments.manage_commenter_data`). Every entry here is shown only to the
users its view answers, so no one is offered a link that says "no permission".
"""

import json

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from headline.core.text import CleanCharField

from . import privacy, signals
from .models import Ban, Comment, CommentPolicy, Refusal
from .moderation import announce_approval, decide

permission_policy = ModelPermissionPolicy(Comment)
ban_policy = ModelPermissionPolicy(Ban)
COMMENTER_DATA_PERMISSION = "comments.manage_commenter_data"


class PendingCountMenuItem(MenuItem):
    """The Comments menu entry, its label carrying the number of comments awaiting moderation."""

    def is_shown(self, request):
        return permission_policy.user_has_permission(request.user, "change")

    def render_component(self, request):
        pending = Comment.objects.in_moderation().count()
        label = f"{self.label} ({pending})" if pending else self.label
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, attrs=self.attrs)


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = "Comments"
    menu_name = "comments"
    menu_order = 250
    add_to_admin_menu = True
    menu_item_class = PendingCountMenuItem
    admin_url_namespace = "comments_moderation"
    base_url_path = "comments/queue"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["__str__", "article", "status", "explanation", "spam_score", "created_at"]
    list_filter = {"status": ["exact"], "article": ["exact"], "created_at": ["range"]}
    search_fields = ["name", "email", "body"]
    search_backend_name = None
    ordering = ["-created_at"]

    @property
    def menu_url(self):
        return reverse(self.get_url_name("list")) + "?status=pending"


class BanViewSet(SnippetViewSet):
    model = Ban
    icon = "cross"
    base_url_path = "comments/bans"
    list_display = ["__str__", "reason", "created_at"]


class CommentPolicyViewSet(SnippetViewSet):
    model = CommentPolicy
    icon = "cogs"
    base_url_path = "comments/policies"


class RefusalViewSet(SnippetViewSet):
    """Submissions turned away before they were stored (flood, duplicate, closed), by rule."""

    model = Refusal
    icon = "warning"
    base_url_path = "comments/refused"
    list_display = ["rule", "detail", "article", "created_at"]
    list_filter = {"rule": ["exact"], "created_at": ["range"]}
    ordering = ["-created_at"]


register_snippet(CommentViewSet)
register_snippet(RefusalViewSet)
register_snippet(BanViewSet)
register_snippet(CommentPolicyViewSet)


class ModerationBulkAction(SnippetBulkAction):
    """A bulk action that gives the selected comments one status (and trains the filter)."""

    models = [Comment]
    template_name = "comments/admin/confirm_bulk_moderate.html"
    status = None

    def check_perm(self, obj):
        return permission_policy.user_has_permission(self.request.user, "change")

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return decide(objects, cls.status), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{num_parent_objects} comment(s) {self.done}."

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}


class ApproveBulkAction(ModerationBulkAction):
    display_name = "Approve"
    action_type = "approve"
    aria_label = "Approve selected comments"
    action_priority = 10
    status = Comment.Status.APPROVED
    done = "approved"


class SpamBulkAction(ModerationBulkAction):
    display_name = "Spam"
    action_type = "spam"
    aria_label = "Mark selected comments as spam"
    action_priority = 11
    status = Comment.Status.SPAM
    done = "marked as spam"


class TrashBulkAction(ModerationBulkAction):
    display_name = "Trash"
    action_type = "trash"
    aria_label = "Move selected comments to the trash"
    action_priority = 12
    status = Comment.Status.TRASH
    done = "moved to the trash"


class BanBulkAction(ModerationBulkAction):
    display_name = "Ban authors"
    action_type = "ban"
    aria_label = "Ban the selected comments' email and IP addresses and mark them spam"
    action_priority = 13
    status = Comment.Status.SPAM
    done = "marked as spam and their authors banned"

    def check_perm(self, obj):
        return super().check_perm(obj) and ban_policy.user_has_permission(self.request.user, "add")

    @classmethod
    def execute_action(cls, objects, **kwargs):
        for comment in objects:
            ban_author(comment)
        return super().execute_action(objects, **kwargs)


def ban_author(comment):
    if not Ban.objects.filter(email__iexact=comment.email).exists():
        Ban.objects.create(email=comment.email, reason=f"Comment {comment.pk}")
    if comment.ip_address and not Ban.objects.filter(ip_address=comment.ip_address).exists():
        Ban.objects.create(ip_address=comment.ip_address, reason=f"Comment {comment.pk}")


for action in (ApproveBulkAction, SpamBulkAction, TrashBulkAction, BanBulkAction):
    hooks.register("register_bulk_action", action)


@hooks.register("register_snippet_listing_buttons")
def reply_button(snippet, user, next_url=None):
    if isinstance(snippet, Comment) and snippet.status != Comment.Status.SPAM:
        yield Button(
            "Reply as staff", reverse("comments_admin_reply", args=[snippet.pk]), priority=5
        )


@hooks.register("after_edit_snippet")
def announce_edit(request, instance):
    if isinstance(instance, Comment) and instance.status == Comment.Status.APPROVED:
        signals.comment_approved.send(Comment, comment=instance, article=instance.article)


class StaffReplyForm(forms.Form):
    body = CleanCharField(
        label="Reply", max_length=10_000, widget=forms.Textarea(attrs={"rows": 8})
    )


def reply_as_staff(request, pk):
    """Answer a comment as the newsroom; a held comment is approved by being answered."""
    if not permission_policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    parent = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    form = StaffReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decide([parent], Comment.Status.APPROVED)
        user = request.user
        reply = Comment.objects.create(
            article=parent.article,
            parent=parent,
            depth=parent.depth + 1,
            name=user.get_full_name() or user.get_username(),
            email=user.email,
            body=form.cleaned_data["body"],
            status=Comment.Status.APPROVED,
            by_staff=True,
        )
        announce_approval(reply)
        messages.success(request, "Reply published.")
        return redirect(reverse("comments_moderation:list"))
    return render(
        request,
        "comments/admin/form.html",
        {
            "page_title": f"Reply to {parent.name}",
            "header_title": "Reply as staff",
            "header_icon": "comment",
            "quoted": parent,
            "form": form,
            "submit_label": "Publish reply",
        },
    )


class CommenterDataForm(forms.Form):
    email = forms.EmailField(label="Commenter's email address")
    action = forms.ChoiceField(
        choices=[("export", "Export their data (JSON)"), ("erase", "Erase their comments")],
        widget=forms.RadioSelect,
    )


def commenter_data(request):
    """Staff side of a privacy request: export or erase everything tied to one address."""
    if not request.user.has_perm(COMMENTER_DATA_PERMISSION):
        raise PermissionDenied
    form = CommenterDataForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if form.cleaned_data["action"] == "export":
            response = HttpResponse(
                json.dumps(privacy.export(email), indent=2, ensure_ascii=False),
                content_type="application/json",
            )
            response["Content-Disposition"] = 'attachment; filename="commenter-data.json"'
            return response
        messages.success(request, f"{privacy.erase(email)} comment(s) erased.")
        return redirect(reverse("comments_admin_privacy"))
    return render(
        request,
        "comments/admin/form.html",
        {
            "page_title": "Commenter data",
            "header_title": "Commenter data",
            "header_icon": "user",
            "form": form,
            "submit_label": "Go",
        },
    )


@hooks.register("register_admin_urls")
def comment_admin_urls():
    return [
        path("comments/reply/<int:pk>/", reply_as_staff, name="comments_admin_reply"),
        path("comments/commenter-data/", commenter_data, name="comments_admin_privacy"),
    ]


class CommenterDataMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(COMMENTER_DATA_PERMISSION)


@hooks.register("register_settings_menu_item")
def commenter_data_menu_item():
    return CommenterDataMenuItem(
        "Commenter data", reverse("comments_admin_privacy"), icon_name="user", order=900
    )
