"""A log line when a staff member signs in after failed passwords, with how many failed.

django-axes logs each failure and the lockout itself; its line for a sign-in counts database
rows, not failures. This receiver reads the failures before django-axes clears them, which works
because this app comes before django-axes in INSTALLED_APPS, so its receiver is connected first.
Only the username and IP address are written, never a password.
"""

import logging

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.contrib.auth.signals import user_logged_in
from django.db.models import Sum
from django.dispatch import receiver
from django.utils import timezone

logger = logging.getLogger("headline.accounts")


@receiver(user_logged_in)
def log_sign_in_after_failures(sender, request, user, **kwargs):
    username = user.get_username()
    recent = AccessAttempt.objects.filter(
        username=username, attempt_time__gte=timezone.now() - get_cool_off(request)
    )
    failures = recent.aggregate(total=Sum("failures_since_start"))["total"]
    if failures:
        logger.warning(
            "Sign-in by %r from %s after %d failed password(s)",
            username,
            getattr(request, "axes_ip_address", None),
            failures,
        )
