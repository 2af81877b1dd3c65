"""Reader comments, the moderation settings that judge them, and the bans moderators set.

A comment keeps the reader's email for moderation and notifications only; public pages show a
name, an optional website and an avatar derived from a keyed hash, never the address. Each
comment that is not simply approved records the rule that decided it (`rule` and `rule_detail`),
so the moderation queue can say why it is there.

Comments belong to a page: an article, or a standard page (one brought from WordPress with its
comments, or one an editor opened to comments). The key points at Wagtail's `Page`, whose primary
key every page type shares, so an article's comments kept their key when standard pages joined;
the field keeps its name `article` (and its column) for the same reason. `COMMENTABLE` lists the
page types that take comments, with their own visibility (`published()`) and switch
(`comments_enabled`).
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from headline.news.models import ArticlePage, StandardPage
from headline.spamfilter.filter import as_percent

from .managers import CommentQuerySet

# Who may see and change a commenter's email address (it also lets them export or erase
# everything written from it): superusers unless a group is given it.
COMMENTER_DATA_PERMISSION = "comments.manage_commenter_data"

# The page types readers may comment on; each has `published()`, `comments_enabled` and
# `publication_date` (what "close after N days" counts from).
COMMENTABLE = (ArticlePage, StandardPage)


def email_digest(email):
    """A keyed hash of an address: lets us compare and key caches without storing it again."""
    return salted_hmac("headline.comments.email", email.strip().lower()).hexdigest()


class Comment(models.Model):
    class Status(models.TextChoices):
        APPROVED = "approved", "Approved"
        PENDING = "pending", "Awaiting moderation"
        SPAM = "spam", "Spam"
        TRASH = "trash", "Trash"

    class Rule(models.TextChoices):
        FIRST_TIME = "first_time", "First comment from this address"
        UNPROVEN = "unproven", "Address not proven in this browser"
        LINKS = "links", "Too many links"
        MODERATION_WORD = "moderation_word", "Word on the moderation list"
        BLOCK_WORD = "block_word", "Word on the block list"
        BANNED = "banned", "Banned email or IP"
        SPAM_SCORE = "spam_score", "Spam score"
        HONEYPOT = "honeypot", "Honeypot field filled"
        TIMING = "timing", "Form timing"
        FLOOD = "flood", "Flood control"
        DUPLICATE = "duplicate", "Duplicate comment"
        CLOSED = "closed", "Comments closed"

    # The page commented on: an article or a standard page (see the module's docstring).
    article = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="comments", verbose_name="page"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    depth = models.PositiveSmallIntegerField(default=1, editable=False)
    name = models.CharField(max_length=100)
    email = models.EmailField(max_length=254)
    url = models.URLField("website", max_length=200, blank=True)
    body = models.TextField("comment", max_length=10_000)
    status = models.CharField(max_length=10, choices=Status.choices, db_index=True)
    rule = models.CharField(max_length=20, choices=Rule.choices, blank=True, editable=False)
    rule_detail = models.CharField(max_length=200, blank=True, editable=False)
    spam_score = models.FloatField(null=True, blank=True, editable=False)
    trained_as = models.CharField(
        max_length=10, blank=True, editable=False, help_text="Last label taught to the filter."
    )
    ip_address = models.GenericIPAddressField(null=True, blank=True, editable=False)
    by_staff = models.BooleanField(default=False, editable=False)
    notify_requested = models.BooleanField(default=False, editable=False)
    notify_replies = models.BooleanField(default=False, editable=False)
    # One row per author, article and text, even when the same form arrives twice at once.
    fingerprint = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)

    objects = CommentQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("email", permission=COMMENTER_DATA_PERMISSION),
        FieldPanel("url"),
        FieldPanel("body"),
    ]

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["article", "status", "created_at"])]
        # Answering a privacy request reaches every comment from one address, whoever moderates
        # them: its own permission, held by superusers unless a group is given it.
        permissions = [("manage_commenter_data", "Can export and erase a commenter's data")]

    def __str__(self):
        excerpt = " ".join(self.body.split())[:60]
        return f"{self.name}: {excerpt}"

    def save(self, *args, **kwargs):
        self.fingerprint = self.compute_fingerprint()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.article.url}#{self.anchor}"

    def compute_fingerprint(self):
        normalised = " ".join(self.body.split()).lower()
        return salted_hmac(
            "headline.comments.fingerprint",
            f"{self.article_id}\n{email_digest(self.email)}\n{normalised}",
        ).hexdigest()

    @property
    def anchor(self):
        return f"comment-{self.pk}"

    def explanation(self):
        """The rule that decided this comment, in a moderator's words."""
        if not self.rule:
            return ""
        label = self.get_rule_display()
        return f"{label}: {self.rule_detail}" if self.rule_detail else label

    explanation.short_description = "Why"

    def spam_verdict(self):
        """The spam filter's score as moderators read it ("99.9 % spam"); empty if unscored."""
        return "" if self.spam_score is None else f"{as_percent(self.spam_score)} spam"

    spam_verdict.short_description = "Spam filter"


class Refusal(models.Model):
    """A submission refused before it was stored: which rule, on which page, and when.

    Nothing the reader typed is kept, nor their address; moderators see how often and why
    readers were turned away. At most one row per IP address and rule a minute is written,
    so a flood of refused requests cannot flood this table.
    """

    article = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name="page"
    )
    rule = models.CharField(max_length=20, choices=Comment.Rule.choices)
    detail = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    panels = [FieldPanel("rule"), FieldPanel("detail")]

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_rule_display()} on “{self.article.title}”"


class Ban(models.Model):
    """An address or IP whose comments go straight to spam."""

    email = models.EmailField(blank=True)
    ip_address = models.GenericIPAddressField("IP address", null=True, blank=True)
    reason = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    panels = [FieldPanel("email"), FieldPanel("ip_address"), FieldPanel("reason")]

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="") | models.Q(ip_address__isnull=False),
                name="ban_has_email_or_ip",
            )
        ]

    def __str__(self):
        return self.email or str(self.ip_address)


DEFAULTS = {
    "moderate_first_time": True,
    "max_links": 2,
    "moderation_words": "",
    "block_words": "",
    "flood_seconds": 15,
    "close_after_days": 0,
    "max_depth": 5,
    "spam_threshold": None,  # the spam filter's own DEFAULT_THRESHOLD
    "min_form_seconds": 3,
    "max_form_age_hours": 72,
}


def _knob(field_class, name, help_text, **options):
    default = DEFAULTS[name]
    if default not in (None, ""):
        help_text += f" Empty: inherited (default {default})."
    return field_class(null=True, blank=True, help_text=help_text, **options)


def _words(effect):
    return models.TextField(
        blank=True,
        help_text=f"One word or phrase per line; a comment containing one is {effect}. "
        "Sections add to the site's list.",
    )


class InheritedChoice(forms.NullBooleanSelect):
    """A yes/no choice whose empty value means 'as above' rather than Django's 'Unknown'."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        default = "yes" if DEFAULTS["moderate_first_time"] else "no"
        self.choices = [
            ("unknown", f"As above (default: {default})"),
            ("true", "Yes"),
            ("false", "No"),
        ]


class PolicyFields(models.Model):
    """The moderation knobs shared by the site-wide settings and the per-section overrides.

    Empty fields inherit: from the nearest section above that sets them, then from the site
    settings, then from DEFAULTS. Word lists add up instead of replacing each other.
    """

    moderate_first_time = _knob(
        models.BooleanField,
        "moderate_first_time",
        "Hold the first comment from an address; later ones from a browser that proved it "
        "owns the address appear at once.",
    )
    max_links = _knob(
        models.PositiveSmallIntegerField, "max_links", "Hold comments with more links than this."
    )
    moderation_words = _words("held")
    block_words = _words("marked spam")
    flood_seconds = _knob(
        models.PositiveIntegerField,
        "flood_seconds",
        "At most one comment per IP address and per email address in this many seconds.",
    )
    close_after_days = _knob(
        models.PositiveIntegerField,
        "close_after_days",
        "Close comments on articles older than this many days; 0 never closes them.",
    )
    max_depth = _knob(
        models.PositiveSmallIntegerField,
        "max_depth",
        "How deep replies may nest; 1 allows no replies.",
        validators=[MinValueValidator(1)],
    )
    spam_threshold = _knob(
        models.FloatField,
        "spam_threshold",
        "Spam score (0 to 1) from which a comment is marked spam. Empty: the filter's default.",
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
    )
    min_form_seconds = _knob(
        models.PositiveIntegerField,
        "min_form_seconds",
        "A form sent back sooner than this after it was shown is marked spam.",
    )
    max_form_age_hours = _knob(
        models.PositiveIntegerField,
        "max_form_age_hours",
        "A form sent back later than this after it was shown is held.",
    )

    policy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("moderate_first_time", widget=InheritedChoice),
                FieldPanel("max_links"),
                FieldPanel("moderation_words"),
                FieldPanel("block_words"),
                FieldPanel("spam_threshold"),
            ],
            heading="What is held or marked spam",
        ),
        MultiFieldPanel(
            [
                FieldPanel("flood_seconds"),
                FieldPanel("min_form_seconds"),
                FieldPanel("max_form_age_hours"),
                FieldPanel("close_after_days"),
                FieldPanel("max_depth"),
            ],
            heading="Pace, age and threading",
        ),
    ]

    class Meta:
        abstract = True


@register_setting(icon="comment")
class CommentSettings(PolicyFields, BaseSiteSetting):
    """Site-wide comment rules; sections may override them (see CommentPolicy)."""

    ip_retention_days = models.PositiveIntegerField(
        default=60, help_text="Commenters' IP addresses are erased after this many days."
    )

    panels = PolicyFields.policy_panels + [FieldPanel("ip_retention_days")]

    class Meta:
        verbose_name = "comment settings"

    def __str__(self):
        return f"Comment settings for {self.site}"


class CommentPolicy(PolicyFields):
    """Overrides for one section or article and everything below it; empty fields inherit."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="comment_policy"
    )

    panels = [FieldPanel("page")] + PolicyFields.policy_panels

    class Meta:
        verbose_name = "comment policy"
        verbose_name_plural = "comment policies"

    def __str__(self):
        return f"Comment policy for {self.page.title}"
