"""The "Leave a Reply" form: the reader's fields plus two quiet traps for bots.

A honeypot field (hidden from people and assistive technology, named to tempt a form-filling
bot) and a signed form token (a form sent back within seconds, or days later, is suspect) stop
simple bots without a CAPTCHA. The token carries the moment the form was shown and a random
nonce: it is good for one stored comment (`views.post_comment` records the nonce in the shared
cache), so a bot cannot fetch one form and post it many times. Limits are the model's, with messages that say what to change.

Article pages are shared by every reader (the page cache), so the form they carry has neither
timestamp nor CSRF token: the page's script fetches both (`views.form_token`), and a form posted
without them comes back on a page of its own that has them (`views.csrf_failure`).
"""

import secrets
import time

from django import forms
from django.core import signing

from headline.core.text import CleanCharField, CleanURLField

from .models import Comment

TIMESTAMP_SALT = "headline.comments.form-timestamp"
HONEYPOT = "address"


def _too_long(what):
    return {
        "max_length": f"Please shorten your {what} to %(limit_value)d characters or fewer "
        "(it has %(show_value)d)."
    }


def signed_timestamp(shown=None):
    """The form token: the signed moment a form is shown (seconds since 1970, default now) and a
    nonce of 128 random bits, read back by `CommentForm.form_token`."""
    shown = time.time() if shown is None else shown
    return signing.dumps({"t": shown, "n": secrets.token_urlsafe(16)}, salt=TIMESTAMP_SALT)


def read_timestamp(value):
    """(moment shown, nonce) from a form token, or None when it is missing or forged."""
    try:
        token = signing.loads(value or "", salt=TIMESTAMP_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(token, dict):
        return None
    shown, nonce = token.get("t"), token.get("n")
    if not isinstance(shown, int | float) or not isinstance(nonce, str):
        return None
    return shown, nonce


class CommentForm(forms.Form):
    # Control characters are removed silently: readers cannot see them, so cannot fix them. A
    # name or comment with nothing visible left is refused like an empty one.
    name = CleanCharField(
        label="Name",
        max_length=100,
        error_messages={"required": "Please enter your name.", **_too_long("name")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Email",
        max_length=254,
        error_messages={
            "required": "Please enter your email address; it will not be published.",
            "invalid": "Please enter a valid email address, like name@example.com.",
            **_too_long("email address"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    url = CleanURLField(
        label="Website",
        required=False,
        max_length=200,
        error_messages={
            "invalid": "Please enter a full web address, like https://example.com.",
            **_too_long("web address"),
        },
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    body = CleanCharField(
        label="Comment",
        max_length=10_000,
        strip=True,
        error_messages={"required": "Please write a comment.", **_too_long("comment")},
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    notify = forms.BooleanField(
        label="Email me when someone replies (we will ask you to confirm first)", required=False
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    timestamp = forms.CharField(required=False, widget=forms.HiddenInput)
    # The honeypot: people never see it; bots that fill every field give themselves away.
    address = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, article, policy, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.policy = policy
        self.parent_comment = None

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = Comment.objects.approved().filter(pk=parent_id, article=self.article).first()
        if parent is None:
            raise forms.ValidationError("The comment you are replying to is no longer available.")
        if not self.policy.allows_reply_to(parent):
            raise forms.ValidationError("This conversation is too deep to reply to; comment below.")
        self.parent_comment = parent
        return parent

    def form_token(self):
        """(seconds since this form was shown, its nonce), or (None, None) when the token is
        missing or forged."""
        token = read_timestamp(self.cleaned_data.get("timestamp"))
        if token is None:
            return None, None
        shown, nonce = token
        return time.time() - shown, nonce

    def honeypot_filled(self):
        return bool(self.cleaned_data.get(HONEYPOT))


class PrivacyRequestForm(forms.Form):
    email = forms.EmailField(label="Your email address", max_length=254)
