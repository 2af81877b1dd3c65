"""Signed tokens: the links we email to readers and the proof a browser keeps of its address.

Readers have no accounts, so each thing they may do by email (confirm their address and reply
notifications, unsubscribe, export or erase their data) is a link carrying a signed, salted,
expiring token. The proof cookie says which addresses this browser has shown it owns (by such a
link) and which comments it wrote (an approved one proves the address too). It is scoped to
the /comments/ path, so article pages are requested without it and stay cacheable.
"""

from django.core import signing

from .models import Comment, email_digest

PROOF_COOKIE = "headline_commenter"
PROOF_COOKIE_PATH = "/comments/"
PROOF_MAX_AGE = 60 * 60 * 24 * 365
PROOF_KEEP = 20
LINK_MAX_AGE = 60 * 60 * 24 * 7


def make_link_token(purpose, value):
    return signing.dumps(value, salt=f"headline.comments.{purpose}", compress=True)


def read_link_token(purpose, token, max_age=LINK_MAX_AGE):
    """The signed value, or None when the token is forged, for another purpose or expired."""
    try:
        return signing.loads(token, salt=f"headline.comments.{purpose}", max_age=max_age)
    except signing.BadSignature:
        return None


class BrowserProof:
    """Addresses this browser proved it owns, and comments it wrote, from the proof cookie."""

    def __init__(self, request):
        loaded = read_link_token("proof", request.COOKIES.get(PROOF_COOKIE, ""), PROOF_MAX_AGE)
        loaded = loaded if isinstance(loaded, dict) else {}
        self.digests = [d for d in loaded.get("p", []) if isinstance(d, str)]
        self.comment_ids = [i for i in loaded.get("c", []) if isinstance(i, int)]
        self.changed = False

    def owns(self, email):
        """True when this browser confirmed `email` or wrote an approved comment from it."""
        digest = email_digest(email)
        if digest in self.digests:
            return True
        authored = Comment.objects.filter(
            pk__in=self.comment_ids, status=Comment.Status.APPROVED
        ).values_list("email", flat=True)
        if any(email_digest(address) == digest for address in authored):
            self.add_address(email)
            return True
        return False

    def add_address(self, email):
        self.digests = _bounded(self.digests, email_digest(email))
        self.changed = True

    def add_comment(self, comment):
        self.comment_ids = _bounded(self.comment_ids, comment.pk)
        self.changed = True

    def save(self, request, response):
        if self.changed:
            response.set_cookie(
                PROOF_COOKIE,
                make_link_token("proof", {"p": self.digests, "c": self.comment_ids}),
                max_age=PROOF_MAX_AGE,
                path=PROOF_COOKIE_PATH,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response


def _bounded(items, new):
    return [item for item in items if item != new][-(PROOF_KEEP - 1) :] + [new]
