"""Comment moderation in the Wagtail admin.

A "Comments" menu item (showing how many wait) opens the queue: filters by status, page (an article
or a standard page) and date, search, a "Why" column naming the rule that held each comment, the
spam filter's score as a percentage, one-click Approve / Spam / Trash buttons on every row and on a
comment's edit page (with keyboard shortcuts and Undo, see static/js/moderation.js), and bulk
approve / spam / trash / ban / delete. Approving and marking spam retrain the spam filter
(moderation.decide); Undo gives the comment and the filter their earlier state back
(moderation.revert). The inspect page shows what a moderator weighs, never the IP address or the
stored fingerprint; the commenter's email only to those who may see commenter data.
Moderators also reply as staff, edit and manage bans. Section policies and site-wide rules
are for those given their permissions (superusers by default); so is exporting or erasing a
commenter's data (`comments.manage_commenter_data`). Every entry here is shown only to the
users its view answers, so no one is offered a link that says "no permission".
"""

import json
from dataclasses import dataclass
from functools import wraps

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet

from headline.core.text import CleanCharField

from . import privacy, signals
from .models import COMMENTABLE, COMMENTER_DATA_PERMISSION, Ban, Comment, CommentPolicy, Refusal
from .moderation import LOG_ACTIONS, announce_approval, decide, log_decision, revert

permission_policy = ModelPermissionPolicy(Comment)
ban_policy = ModelPermissionPolicy(Ban)
Status = Comment.Status


@dataclass(frozen=True)
class Decision:
    """A moderator's verdict as the admin offers it: button, keyboard shortcut, past tense."""

    label: str
    key: str
    done: str


DECISIONS = {
    Status.APPROVED: Decision("Approve", "a", "approved"),
    Status.SPAM: Decision("Spam", "s", "marked as spam"),
    Status.TRASH: Decision("Trash", "t", "moved to the trash"),
}
# The moderator's latest one-click decisions, newest last, kept in their session for Undo.
UNDO_SESSION_KEY = "comments:decisions"
UNDO_DEPTH = 20


def may_moderate(user):
    return permission_policy.user_has_permission(user, "change")


def moderation_context(request, next_url):
    """What the decision buttons, the Undo form and the shortcut legend need."""
    undo = request.session.get(UNDO_SESSION_KEY) or [{}]
    profile = getattr(request.user, "wagtail_userprofile", None)
    return {
        "decisions": DECISIONS,
        "next_url": next_url,
        "undo": undo[-1].get("label", ""),
        # Wagtail's own account setting turns every keyboard shortcut off.
        "shortcuts": getattr(profile, "keyboard_shortcuts", True),
    }


# The script that sends decisions in the background and answers the keys, and its styles.
# Wagtail puts page scripts at the top of <body>: defer it until the page is parsed.
MODERATION_MEDIA = forms.Media(
    css={"all": ["css/moderation.css"]}, js=[forms.Script("js/moderation.js", defer=True)]
)


class DecisionColumn(Column):
    """A queue row's status and its one-click decision buttons (a form of their own)."""

    cell_template_name = "comments/admin/decision_cell.html"
    media = MODERATION_MEDIA

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        # Rows may be rendered by the listing's results view; decisions return to the listing.
        query = request.GET.urlencode()
        next_url = reverse("comments_moderation:list") + (f"?{query}" if query else "")
        context.update(
            moderation_context(request, next_url),
            comment=instance,
            describedby=f"snippet_{instance.pk}_title",  # the row's title cell names the comment
            may_moderate=may_moderate(request.user),
            csrf_token=get_token(request),
        )
        return context


class QueueView(IndexView):
    table_classname = "listing comment-queue"  # static/css/moderation.css: a card a row on phones

    def get_base_queryset(self):
        # Each row names its article: one join, not one query a row.
        return super().get_base_queryset().select_related("article")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, **moderation_context(self.request, self.request.get_full_path())}


class CommentEditView(EditView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(moderation_context(self.request, self.request.get_full_path()))
        context["media"] += MODERATION_MEDIA
        return {**context, "may_moderate": may_moderate(self.request.user)}


class CommentInspectView(InspectView):
    """What a moderator weighs: the comment, who wrote it (as the commenter presented
    themselves), where and when, why it was held and what else came from the same address."""

    labels = {
        "body": "Comment",
        "url": "Website",
        "created_at": "Posted",
        "explanation": "Rule that decided",
        "spam_verdict": "Spam filter",
        "earlier_from_email": "Earlier comments from this email address",
        "earlier_from_ip": "Earlier comments from this IP address",
    }

    def get_fields(self):
        fields = ["body", "name", "email", "url", "article", "created_at", "status"]
        fields += ["explanation", "spam_verdict", "earlier_from_email", "earlier_from_ip"]
        if not self.request.user.has_perm(COMMENTER_DATA_PERMISSION):
            fields.remove("email")
        return fields

    def get_field_label(self, field_name, field):
        return self.labels.get(field_name) or super().get_field_label(field_name, field)

    def get_body_display_value(self):
        return mark_safe(linebreaks(self.object.body, autoescape=True))  # escaped by linebreaks

    def get_url_display_value(self):
        return self.object.url or "None"

    def get_article_display_value(self):
        article = self.object.article
        return format_html('<a href="{}">{}</a>', article.get_url(self.request), article.title)

    def get_explanation_display_value(self):
        return self.object.explanation() or "None: approved when posted"

    def get_spam_verdict_display_value(self):
        return self.object.spam_verdict() or "Not scored"

    def get_earlier_from_email_display_value(self):
        return self._fates(Comment.objects.by_email(self.object.email))

    def get_earlier_from_ip_display_value(self):
        if not self.object.ip_address:
            return "Unknown: no IP address stored (erased after the retention period, or none)"
        return self._fates(Comment.objects.filter(ip_address=self.object.ip_address))

    def _fates(self, comments):
        """How many came before this comment, by what became of them: "3: 2 approved, 1 spam"."""
        counts = comments.filter(created_at__lt=self.object.created_at).count_by_status()
        if not counts:
            return "None"
        fates = [f"{counts[s]} {s.label.lower()}" for s in Status if counts.get(s)]
        return f"{sum(counts.values())}: {', '.join(fates)}"


class PendingCountMenuItem(MenuItem):
    """The Comments menu entry, its label carrying the number of comments awaiting moderation."""

    def is_shown(self, request):
        return may_moderate(request.user)

    def render_component(self, request):
        pending = Comment.objects.in_moderation().count()
        label = f"{self.label} ({pending})" if pending else self.label
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, attrs=self.attrs)


class QueueFilterSet(WagtailFilterSet):
    # The page filter offers the pages that take comments, not the home page and sections.
    article = django_filters.ModelChoiceFilter(
        label="Page", queryset=lambda request: Page.objects.type(*COMMENTABLE)
    )

    class Meta:
        model = Comment
        fields = {"status": ["exact"], "article": ["exact"], "created_at": ["range"]}


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
    index_view_class = QueueView
    edit_view_class = CommentEditView
    inspect_view_class = CommentInspectView
    index_template_name = "comments/admin/queue.html"
    edit_template_name = "comments/admin/edit.html"
    list_display = [
        "__str__",
        "article",
        DecisionColumn("status", label="Status"),
        "explanation",
        "spam_verdict",
        "created_at",
    ]
    filterset_class = QueueFilterSet
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
        return may_moderate(self.request.user)

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return decide(objects, cls.status), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{num_parent_objects} comment(s) {self.done}."

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}


class ApproveBulkAction(ModerationBulkAction):
    action_type = "approve"
    aria_label = "Approve selected comments"
    action_priority = 10
    status = Status.APPROVED
    display_name = DECISIONS[status].label
    done = DECISIONS[status].done


class SpamBulkAction(ModerationBulkAction):
    action_type = "spam"
    aria_label = "Mark selected comments as spam"
    action_priority = 11
    status = Status.SPAM
    display_name = DECISIONS[status].label
    done = DECISIONS[status].done


class TrashBulkAction(ModerationBulkAction):
    action_type = "trash"
    aria_label = "Move selected comments to the trash"
    action_priority = 12
    status = Status.TRASH
    display_name = DECISIONS[status].label
    done = DECISIONS[status].done


class BanBulkAction(ModerationBulkAction):
    display_name = "Ban authors"
    action_type = "ban"
    aria_label = "Ban the selected comments' email and IP addresses and mark them spam"
    action_priority = 13
    status = Status.SPAM
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
    log_decision(comment, "ban")


@hooks.register("register_log_actions")
def register_moderation_actions(actions):
    for action, label, message in LOG_ACTIONS.values():
        actions.register_action(action, label, message)


for action in (ApproveBulkAction, SpamBulkAction, TrashBulkAction, BanBulkAction):
    hooks.register("register_bulk_action", action)


@hooks.register("register_snippet_listing_buttons")
def reply_button(snippet, user, next_url=None):
    if isinstance(snippet, Comment) and snippet.status != Status.SPAM:
        yield Button(
            "Reply as staff", reverse("comments_admin_reply", args=[snippet.pk]), priority=5
        )


@hooks.register("after_edit_snippet")
def announce_edit(request, instance):
    if isinstance(instance, Comment) and instance.status == Status.APPROVED:
        signals.comment_approved.send(Comment, comment=instance, article=instance.article)


class StaffReplyForm(forms.Form):
    body = CleanCharField(
        label="Reply", max_length=10_000, widget=forms.Textarea(attrs={"rows": 8})
    )


def reply_as_staff(request, pk):
    """Answer a comment as the newsroom; a held comment is approved by being answered."""
    if not may_moderate(request.user):
        raise PermissionDenied
    parent = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    form = StaffReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decide([parent], Status.APPROVED)
        user = request.user
        reply = Comment.objects.create(
            article=parent.article,
            parent=parent,
            depth=parent.depth + 1,
            name=user.get_full_name() or user.get_username(),
            email=user.email,
            body=form.cleaned_data["body"],
            status=Status.APPROVED,
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


def _answer(request, comment, message, status=200):
    """JSON for the queue's script (Accept: application/json); else a message and a redirect
    back to where the moderator was (plain text for a request no button on the page sends).

    Refusals answer 403 themselves: Wagtail would turn PermissionDenied into a redirect.
    """
    if "application/json" in request.headers.get("Accept", ""):
        undo = request.session.get(UNDO_SESSION_KEY) or [{}]
        return JsonResponse(
            {
                "comment": comment and comment.pk,
                "status": comment and comment.status,
                "status_label": comment and comment.get_status_display(),
                "message": message,
                "undo": undo[-1].get("label", ""),
            },
            status=status,
        )
    if status in (400, 403):
        return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    (messages.success if status == 200 else messages.warning)(request, message)
    return redirect(get_valid_next_url_from_request(request) or "comments_moderation:list")


NOT_A_MODERATOR = "You may not moderate comments."


def decision(view):
    """A decision is made with its button (a POST); its address opened as a page (a link
    followed, a reload) leads to the queue instead of an empty 405."""

    @wraps(view)
    def posted_or_to_the_queue(request, *args, **kwargs):
        if request.method != "POST":
            return redirect("comments_moderation:list")
        return view(request, *args, **kwargs)

    return posted_or_to_the_queue


@decision
def decide_comment(request, pk):
    """One click: approve, mark as spam or trash one comment, remembered for Undo."""
    if not may_moderate(request.user):
        return _answer(request, None, NOT_A_MODERATOR, status=403)
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    status = request.POST.get("status")
    if status not in DECISIONS:
        return _answer(request, comment, "Choose Approve, Spam or Trash.", status=400)
    before = {"status": comment.status, "trained_as": comment.trained_as}
    done = f"{DECISIONS[status].done.capitalize()}: “{comment}”"
    if decide([comment], status):
        record = {**before, "pk": comment.pk, "now": status, "label": done}
        stack = request.session.get(UNDO_SESSION_KEY, []) + [record]
        request.session[UNDO_SESSION_KEY] = stack[-UNDO_DEPTH:]
    return _answer(request, comment, done)


@decision
def undo_decision(request):
    """Undo the moderator's latest one-click decision, unless the comment changed since."""
    if not may_moderate(request.user):
        return _answer(request, None, NOT_A_MODERATOR, status=403)
    stack = request.session.get(UNDO_SESSION_KEY, [])
    if not stack:
        return _answer(request, None, "There is no decision to undo.", status=409)
    record = stack.pop()
    request.session[UNDO_SESSION_KEY] = stack
    comment = Comment.objects.select_related("article").filter(pk=record["pk"]).first()
    if comment is None or comment.status != record["now"]:
        message = "Not undone: the comment was changed or deleted since that decision."
        return _answer(request, comment, message, status=409)
    revert(comment, record["status"], record["trained_as"])
    return _answer(
        request, comment, f"Undone: “{comment}” is {comment.get_status_display().lower()} again."
    )


@hooks.register("register_admin_urls")
def comment_admin_urls():
    return [
        path("comments/decide/<int:pk>/", decide_comment, name="comments_admin_decide"),
        path("comments/undo/", undo_decision, name="comments_admin_undo"),
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
