"""The comment moderator: a policy object that decides what happens to each new comment.

`Policy.for_article()` merges the defaults, the site's CommentSettings and the CommentPolicy of
every section above the article (nearest wins, word lists add up) in one query. `Policy.judge()`
then applies the rules in a fixed order and returns a Verdict naming the rule that decided,
so moderators can see why a comment waits. Refusals (closed, flood, duplicate) are raised as
`Refused` before anything is stored. `decide()` applies a moderator's decision: it retrains the
spam filter, tells listeners and notifies subscribers; `revert()` undoes one. Both write the
decision to Wagtail's audit log (Reports › Site history) under the actions in LOG_ACTIONS.
"""

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone
from wagtail.log_actions import log

from headline.core import ratelimit
from headline.news.models import ArticlePage
from headline.spamfilter import filter as spamfilter

from . import signals
from .markup import count_links
from .models import (
    DEFAULTS,
    Ban,
    Comment,
    CommentPolicy,
    CommentSettings,
    Refusal,
)

Status = Comment.Status
Rule = Comment.Rule

# Audit log actions (registered in wagtail_hooks): (action, label, message).
LOG_ACTIONS = {
    Status.APPROVED: ("headline.comment.approve", "Approve comment", "Comment approved"),
    Status.SPAM: ("headline.comment.spam", "Mark comment as spam", "Comment marked as spam"),
    Status.TRASH: ("headline.comment.trash", "Trash comment", "Comment moved to the trash"),
    "undo": ("headline.comment.undo", "Undo moderation", "Moderation decision undone"),
    "ban": ("headline.comment.ban", "Ban author", "Comment's author banned"),
}


class Refused(Exception):
    """A submission that is not stored; the message is shown to the reader."""

    def __init__(self, rule, message, detail="", retry_after=None):
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.detail = detail
        self.retry_after = retry_after  # seconds, for a refusal that passes with time

    def record(self, article, ip_address):
        """Note the refusal for moderators, at most once a minute per IP address and rule."""
        if cache.add(f"comments:refused:{self.rule}:{ip_address}", 1, timeout=60):
            Refusal.objects.create(article=article, rule=self.rule, detail=self.detail)


@dataclass(frozen=True)
class Verdict:
    status: str
    rule: str = ""
    detail: str = ""


@dataclass
class Submission:
    """What the form delivered, plus what the request says about the browser."""

    name: str
    email: str
    body: str
    url: str = ""
    ip_address: str | None = None
    honeypot_filled: bool = False
    form_age: float | None = None  # seconds since the form was shown
    form_nonce: str | None = None  # the form token's nonce: one stored comment per token
    owns_address: bool = False
    by_staff: bool = False
    spam_score: float | None = field(default=None, init=False)


def _words(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def _find_word(words, text):
    for word in words:
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
            return word
    return None


@dataclass(frozen=True)
class Policy:
    moderate_first_time: bool = DEFAULTS["moderate_first_time"]
    max_links: int = DEFAULTS["max_links"]
    moderation_words: tuple = ()
    block_words: tuple = ()
    flood_seconds: int = DEFAULTS["flood_seconds"]
    close_after_days: int = DEFAULTS["close_after_days"]
    max_depth: int = DEFAULTS["max_depth"]
    spam_threshold: float = spamfilter.DEFAULT_THRESHOLD
    min_form_seconds: int = DEFAULTS["min_form_seconds"]
    max_form_age_hours: int = DEFAULTS["max_form_age_hours"]

    @classmethod
    def for_article(cls, article, request=None):
        """The rules for `article`; pass the request serving it to reuse its cached site."""
        if request is not None:
            layers = [CommentSettings.for_request(request)]
        else:
            site = article.get_site()
            layers = [CommentSettings.for_site(site)] if site else []
        prefixes = [
            article.path[:end]
            for end in range(article.steplen, len(article.path) + 1, article.steplen)
        ]
        layers += CommentPolicy.objects.filter(page__path__in=prefixes).order_by("page__depth")
        values = {}
        moderation_words, block_words = [], []
        for layer in layers:
            for name in cls.__dataclass_fields__:
                value = getattr(layer, name)
                if name == "moderation_words":
                    moderation_words += _words(value)
                elif name == "block_words":
                    block_words += _words(value)
                elif value is not None:
                    values[name] = value
        return cls(
            **values,
            moderation_words=tuple(dict.fromkeys(moderation_words)),
            block_words=tuple(dict.fromkeys(block_words)),
        )

    def is_closed(self, article):
        if not article.comments_enabled:
            return True
        if not self.close_after_days:
            return False
        return article.publication_date < timezone.now() - timedelta(days=self.close_after_days)

    def allows_reply_to(self, comment):
        return comment.depth < self.max_depth

    def check_flood(self, submission):
        """Refuse a second comment within flood_seconds from one IP or one address.

        Counted in the shared cache (headline.core.ratelimit), so every app process sees the
        comment one of them accepted; the refusal says how long to wait (Retry-After).
        """
        if not self.flood_seconds:
            return
        limits = [(ratelimit.Limit("comment-email", 1, self.flood_seconds), submission.email)]
        if submission.ip_address:
            limits.insert(
                0, (ratelimit.Limit("comment-ip", 1, self.flood_seconds), submission.ip_address)
            )
        for limit, key in limits:
            try:
                ratelimit.hit(limit, key, "")
            except ratelimit.RateLimited as over:
                source = "IP address" if limit.name == "comment-ip" else "email address"
                raise Refused(
                    Rule.FLOOD,
                    "You are commenting too quickly. Please wait "
                    f"{ratelimit.in_words(self.flood_seconds)} between comments. You can post "
                    f"again in {ratelimit.in_words(over.retry_after)}.",
                    f"another comment from this {source} within {self.flood_seconds} s",
                    retry_after=over.retry_after,
                ) from over

    def claim_form(self, submission):
        """Mark the submission's form token used, refusing one already used for a stored
        comment; the mark lasts as long as the token is accepted (max_form_age_hours).

        Returns a function that gives the token back, for a comment that is not stored after
        all. Forms without a genuine token have nothing to claim (judge() holds them)."""
        nonce = submission.form_nonce
        if nonce is None:
            return lambda: None
        key = f"comments:form-used:{nonce}"
        if not cache.add(key, 1, timeout=self.max_form_age_hours * 3600):
            raise Refused(
                Rule.TIMING,
                "This form has already been used to post a comment. Please reload the page "
                "to write another.",
                "a form already used for a comment was sent again",
            )
        return lambda: cache.delete(key)

    def refuse_if_closed(self, article):
        """Refuse a comment on a closed page: an article, or a standard page (`COMMENTABLE`)."""
        noun = "article" if isinstance(article, ArticlePage) else "page"
        if not article.comments_enabled:
            detail = f"comments are switched off on this {noun}"
        elif self.is_closed(article):
            detail = f"{noun} older than {self.close_after_days} days"
        else:
            return
        raise Refused(Rule.CLOSED, f"Comments are closed on this {noun}.", detail)

    def judge(self, submission):
        """The Verdict for a submission, from the first rule that applies.

        Every submission is scored, even one another rule decides, so moderators can compare
        the filter's opinion with theirs.
        """
        score = spamfilter.spam_score(
            submission.body, author=submission.name, email=submission.email, url=submission.url
        )
        submission.spam_score = score
        if submission.by_staff:
            return Verdict(Status.APPROVED)
        text = f"{submission.name}\n{submission.url}\n{submission.body}"
        if submission.honeypot_filled:
            return Verdict(Status.SPAM, Rule.HONEYPOT, "the hidden field was filled in")
        age = submission.form_age
        if age is not None and age < self.min_form_seconds:
            return Verdict(
                Status.SPAM,
                Rule.TIMING,
                f"sent {age:.0f} s after the form was shown (minimum {self.min_form_seconds} s)",
            )
        ban = _ban_for(submission)
        if ban:
            return Verdict(Status.SPAM, Rule.BANNED, ban)
        word = _find_word(self.block_words, text)
        if word:
            return Verdict(Status.SPAM, Rule.BLOCK_WORD, f"“{word}”")
        if score >= self.spam_threshold:
            return Verdict(
                Status.SPAM,
                Rule.SPAM_SCORE,
                f"score {spamfilter.as_percent(score)} ≥ threshold "
                f"{spamfilter.as_percent(self.spam_threshold)}",
            )
        if age is None:
            return Verdict(
                Status.PENDING, Rule.TIMING, "the form's timestamp was missing or altered"
            )
        if age > self.max_form_age_hours * 3600:
            return Verdict(
                Status.PENDING,
                Rule.TIMING,
                f"sent {age / 3600:.0f} h after the form was shown (maximum {self.max_form_age_hours} h)",
            )
        links = count_links(submission.body)
        if links > self.max_links:
            return Verdict(
                Status.PENDING, Rule.LINKS, f"{links} links (more than {self.max_links})"
            )
        word = _find_word(self.moderation_words, text)
        if word:
            return Verdict(Status.PENDING, Rule.MODERATION_WORD, f"“{word}”")
        if self.moderate_first_time:
            if (
                not Comment.objects.by_email(submission.email)
                .filter(status=Status.APPROVED)
                .exists()
            ):
                return Verdict(Status.PENDING, Rule.FIRST_TIME, "no earlier approved comment")
            if not submission.owns_address:
                return Verdict(
                    Status.PENDING,
                    Rule.UNPROVEN,
                    "earlier comments exist, but this browser has not proved the address",
                )
        return Verdict(Status.APPROVED)


def _ban_for(submission):
    bans = Ban.objects.filter(email__iexact=submission.email)
    if submission.ip_address:
        bans = bans | Ban.objects.filter(ip_address=submission.ip_address)
    ban = bans.first()
    if ban is None:
        return ""
    if ban.email and ban.email.lower() == submission.email.strip().lower():
        return "email address is banned"
    return "IP address is banned"


DUPLICATE = Refused(
    Rule.DUPLICATE,
    "You have already posted this comment on this article.",
    "same text as an earlier comment from this address",
)


def ensure_unique(comment):
    """Refuse a comment whose author already said the same on this article."""
    if Comment.objects.filter(fingerprint=comment.compute_fingerprint()).exists():
        raise DUPLICATE


_TRAINING_LABELS = {Status.APPROVED: "ham", Status.SPAM: "spam"}


def retrain(comment, label):
    """Make `label` ("ham", "spam", or "" for nothing) the filter's only lesson from `comment`."""
    if comment.trained_as == label:
        return
    fields = {"author": comment.name, "email": comment.email, "url": comment.url}
    if comment.trained_as:
        spamfilter.unlearn(comment.body, **fields, is_spam=comment.trained_as == "spam")
    if label:
        spamfilter.learn(comment.body, **fields, is_spam=label == "spam")
    comment.trained_as = label


def train(comment, status):
    """Teach the filter a moderator's label, undoing an earlier different one. Pending and
    trash teach nothing: a trashed comment may be off-topic without being spam."""
    label = _TRAINING_LABELS.get(status)
    if label:
        retrain(comment, label)


def log_decision(comment, decision, **data):
    """Record a moderator's decision (a key of LOG_ACTIONS) on `comment` in the audit log; the
    moderator is taken from the admin request's log context."""
    log(comment, LOG_ACTIONS[decision][0], data=data)


def decide(comments, status):
    """Apply a moderator's status to comments; returns how many changed."""
    changed = 0
    for comment in comments:
        if comment.status == status:
            continue
        train(comment, status)
        _set_status(comment, status)
        log_decision(comment, status)
        changed += 1
    return changed


def revert(comment, status, trained_as):
    """Undo a decision: give `comment` back its earlier status and the filter its earlier lesson."""
    retrain(comment, trained_as)
    _set_status(comment, status)
    log_decision(comment, "undo", status=status)


def _set_status(comment, status):
    previous = comment.status
    comment.status = status
    comment.save(update_fields=["status", "trained_as"])
    if status == Status.APPROVED and previous != Status.APPROVED:
        announce_approval(comment)
    elif previous == Status.APPROVED and status != Status.APPROVED:
        signals.comment_withdrawn.send(Comment, comment=comment, article=comment.article)


def announce_approval(comment):
    """Tell listeners (page caches, feeds) and the parent's subscribed author."""
    from .tasks import notify_reply

    signals.comment_approved.send(Comment, comment=comment, article=comment.article)
    if comment.parent_id:
        notify_reply.enqueue(comment.pk)
