"""What readers do with comments: post one, confirm their address, unsubscribe, manage their data.

Posting follows Post/Redirect/Get: a stored comment redirects to its anchor on the page (an article
or a standard page, see `COMMENTABLE`); a form with errors re-renders the page with the reader's
text kept and a message beside each field. Those pages are shared by every reader, so their form
carries no CSRF token or timestamp: `form_token` gives both to the page's script, and a form posted
without them (no JavaScript) comes back on a page of its own that has them, text kept
(`csrf_failure`). Readers have no accounts: what only an address owner may do goes through emailed
links (see tokens.py). Nothing a reader typed is logged.
"""

import json
import logging
import time

from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Site

from headline.core.ratelimit import (
    Limit,
    RateLimited,
    check,
    client_ip,
    too_many_requests,
    with_retry_after,
)

from . import privacy
from .forms import CommentForm, PrivacyRequestForm, read_timestamp, signed_timestamp
from .models import COMMENTABLE, Comment
from .moderation import (
    DUPLICATE,
    Policy,
    Refused,
    Submission,
    announce_approval,
    ensure_unique,
)
from .tasks import notify_moderators, send_confirmation, send_privacy_link
from .tokens import BrowserProof, read_link_token

SESSION_HELD = "comments_held"
SESSION_HELD_KEEP = 20
# Comments whose confirmation email an email limit stopped: {comment id: when it may be sent,
# seconds since the epoch}, so the author's page can say so.
SESSION_UNSENT = "comments_confirmation_unsent"

logger = logging.getLogger(__name__)


def check_email_limits(email, ip_address, message):
    """Count one email to `email` asked for from `ip_address` against RATE_LIMITS
    (emails-address, emails-ip, emails-site); raise RateLimited with `message` when one is over.
    Without these, anyone could make the site mail any number of strangers."""
    limits = [(Limit.named("emails-address"), email)]
    if ip_address:
        limits.append((Limit.named("emails-ip"), ip_address))
    limits.append((Limit.named("emails-site"), "site"))
    check(limits, message)


def is_moderator(user):
    return user.is_authenticated and user.has_perm("comments.change_comment")


def commentable_page(pk):
    """The published page `pk` that takes comments, as its own type (an article is looked up
    first, in one query as ever), or None."""
    for model in COMMENTABLE:
        page = model.objects.published().filter(pk=pk).first()
        if page is not None:
            return page
    return None


def render_article_with_form(request, article, form, status):
    context = article.get_context(request)
    context["comment_form"] = form
    return TemplateResponse(request, article.get_template(request), context, status=status)


@never_cache
@require_GET
def form_token(request):
    """The comment form's two per-reader values, fetched by comments.js: {"csrfmiddlewaretoken":
    the CSRF token (its cookie is set with it), "timestamp": the signed moment the form is shown}.
    Never cached anywhere, and never compressed (it holds a secret)."""
    return JsonResponse(
        {"csrfmiddlewaretoken": get_token(request), "timestamp": signed_timestamp()}
    )


def csrf_failure(request, reason=""):
    """Django's CSRF failure page, except for a comment posted without a valid token.

    That is a reader without JavaScript (the shared article page has no token), or one whose
    token cookie expired: the comment comes back, nothing lost, on a page of its own with a
    token and a "Post Comment" button (403: nothing was stored yet). The posted timestamp is kept
    when it is genuine, so the form's age still counts from when the article showed it.
    """
    match = request.resolver_match
    if request.method != "POST" or match is None or match.view_name != "comments:post":
        return django_csrf_failure(request, reason)
    article = commentable_page(match.kwargs["article_id"])
    if article is None:
        return django_csrf_failure(request, reason)
    data = request.POST.copy()
    if read_timestamp(data.get("timestamp")) is None:
        data["timestamp"] = signed_timestamp()
    form = CommentForm(data, article=article, policy=Policy.for_article(article, request))
    form.is_valid()  # what needs correcting is shown now, not after one more round
    context = {
        "page": article,
        "form": form,
        "form_secrets": True,
        "replying_to": form.parent_comment,
        "action": reverse("comments:post", args=[article.pk]) + "#respond",
        "page_url": article.get_url(request),
    }
    return render(request, "comments/confirm_post.html", context, status=403)


@require_POST
def post_comment(request, article_id):
    article = commentable_page(article_id)
    if article is None:
        raise Http404("No page takes comments here.")
    policy = Policy.for_article(article, request)
    form = CommentForm(request.POST, article=article, policy=policy)
    try:
        policy.refuse_if_closed(article)
    except Refused as refusal:
        return refuse(request, article, form, refusal, 403)
    if not form.is_valid():
        return render_article_with_form(request, article, form, 400)

    data = form.cleaned_data
    parent = form.parent_comment
    proof = BrowserProof(request)
    submission = Submission(
        name=data["name"],
        email=data["email"],
        url=data["url"],
        body=data["body"],
        ip_address=client_ip(request),
        honeypot_filled=form.honeypot_filled(),
        by_staff=is_moderator(request.user),
    )
    submission.form_age, submission.form_nonce = form.form_token()
    submission.owns_address = proof.owns(submission.email)
    comment = Comment(
        article=article,
        parent=parent,
        depth=parent.depth + 1 if parent else 1,
        name=submission.name,
        email=submission.email,
        url=submission.url,
        body=submission.body,
        ip_address=submission.ip_address,
        by_staff=submission.by_staff,
        notify_requested=data["notify"],
    )
    give_back_form = None
    try:
        ensure_unique(comment)
        policy.check_flood(submission)
        verdict = policy.judge(submission)
        comment.status, comment.rule, comment.rule_detail = (
            verdict.status,
            verdict.rule,
            verdict.detail,
        )
        comment.spam_score = submission.spam_score
        give_back_form = policy.claim_form(submission)
        with transaction.atomic():
            comment.save()
    except IntegrityError:  # the same comment, sent twice at once, won the race elsewhere
        give_back_form()
        return refuse(request, article, form, DUPLICATE, 400)
    except Refused as refusal:
        return refuse(request, article, form, refusal, 429 if refusal.retry_after else 400)

    after_posting(request, comment, proof)
    response = redirect(f"{article.url}#{comment.anchor}")
    return proof.save(request, response)


def refuse(request, article, form, refusal, status):
    refusal.record(article, client_ip(request))
    form.errors  # noqa: B018 -- validates the form once, so the message can be added to it
    form.add_error(None, refusal.message)
    response = render_article_with_form(request, article, form, status)
    if refusal.retry_after:
        with_retry_after(response, refusal)
    return response


def confirmation_due(comment):
    """Whether `comment` calls for an email asking its author to confirm the address: they asked
    for reply notifications, or it waits because the address is new or unproven here."""
    if comment.by_staff or comment.status == Comment.Status.SPAM:
        return False
    if comment.status == Comment.Status.APPROVED:
        return comment.notify_requested
    return comment.notify_requested or comment.rule in (
        Comment.Rule.FIRST_TIME,
        Comment.Rule.UNPROVEN,
    )


def send_confirmation_within_limits(request, comment):
    """Queue the confirmation email unless the email limits are reached; the comment stands
    either way (it is already stored, and a held one still reaches the moderators). When a limit
    stops it, the author's session remembers when it could be sent, for the note under their
    comment; which limit it was is not kept, so the note cannot tell anything about others."""
    try:
        check_email_limits(comment.email, comment.ip_address, "")
    except RateLimited as over:
        logger.info("Confirmation email for comment %s not sent: email limit reached", comment.pk)
        unsent = {
            **request.session.get(SESSION_UNSENT, {}),
            str(comment.pk): time.time() + over.retry_after,
        }
        request.session[SESSION_UNSENT] = dict(list(unsent.items())[-SESSION_HELD_KEEP:])
        return
    send_confirmation.enqueue(comment.pk)


def after_posting(request, comment, proof):
    """Remember the comment for its author, and send whatever mail it calls for."""
    if comment.status != Comment.Status.SPAM:
        proof.add_comment(comment)
    if confirmation_due(comment):
        send_confirmation_within_limits(request, comment)
    if comment.status == Comment.Status.APPROVED:
        announce_approval(comment)
        return
    held = request.session.get(SESSION_HELD, [])
    request.session[SESSION_HELD] = (held + [comment.pk])[-SESSION_HELD_KEEP:]
    if comment.status == Comment.Status.PENDING:
        notify_moderators.enqueue(comment.pk)


def _message(request, title, text, status=200, **extra):
    return render(
        request, "comments/message.html", {"title": title, "text": text, **extra}, status=status
    )


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """Confirm an address from the emailed link: a button, so mail scanners don't confirm."""
    comment_id = read_link_token("confirm", token)
    comment = Comment.objects.filter(pk=comment_id).first() if isinstance(comment_id, int) else None
    if comment is None:
        return _message(request, "Link expired", "This confirmation link is no longer valid.", 404)
    if request.method == "GET":
        return _message(
            request,
            "Confirm your email address",
            "Confirm that this address is yours"
            + (
                " and that you want an email when someone replies."
                if comment.notify_requested
                else "."
            ),
            button="Confirm",
        )
    if comment.notify_requested and not comment.notify_replies:
        comment.notify_replies = True
        comment.save(update_fields=["notify_replies"])
    proof = BrowserProof(request)
    proof.add_address(comment.email)
    text = "Thank you. Your address is confirmed"
    text += "; we will email you when someone replies." if comment.notify_replies else "."
    return proof.save(request, _message(request, "Address confirmed", text))


@csrf_exempt  # mail clients' one-click unsubscribe (RFC 8058) posts without a form token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    comment_id = read_link_token("unsubscribe", token, max_age=None)
    comment = Comment.objects.filter(pk=comment_id).first() if isinstance(comment_id, int) else None
    if comment is None:
        return _message(request, "Link not valid", "This unsubscribe link is not valid.", 404)
    Comment.objects.by_email(comment.email).update(notify_replies=False)
    return _message(
        request, "Unsubscribed", "You will get no more reply notifications at this address."
    )


@require_http_methods(["GET", "POST"])
def privacy_request(request):
    """Ask for a link to export or erase one's comments; the answer never says if any exist."""
    form = PrivacyRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        try:
            check_email_limits(
                email,
                client_ip(request),
                "We have sent as many emails as we may for now to this address, or for "
                "requests from your network.",
            )
        except RateLimited as over:
            return too_many_requests(request, over)
        site = Site.find_for_request(request)
        send_privacy_link.enqueue(email, site.root_url if site else "")
        return _message(
            request,
            "Check your inbox",
            "If comments were written with that address, we have emailed it a link to "
            "download or erase them. The link works for seven days.",
        )
    return render(request, "comments/privacy_request.html", {"form": form})


@require_http_methods(["GET", "POST"])
def privacy_manage(request, token):
    email = read_link_token("privacy", token)
    if not isinstance(email, str):
        raise Http404("This link is no longer valid.")
    if request.method == "POST" and request.POST.get("action") == "export":
        response = HttpResponse(
            json.dumps(privacy.export(email), indent=2, ensure_ascii=False),
            content_type="application/json",
        )
        response["Content-Disposition"] = 'attachment; filename="my-comments.json"'
        return response
    if request.method == "POST" and request.POST.get("action") == "erase":
        count = privacy.erase(email)
        return _message(
            request, "Comments erased", f"{count} comment{'s' if count != 1 else ''} erased."
        )
    count = Comment.objects.by_email(email).count()
    return render(request, "comments/privacy_manage.html", {"count": count})
