"""Staff sign-in pages: the lockout answer, the code step, and setting two-factor sign-in up.

The pages are admin URLs (wagtail_hooks), so Wagtail lets only signed-in staff reach them.

Codes tried are limited per staff member (RATE_LIMITS["two-factor"]) on top of the password
lockout, so a stolen password does not open the way to guessing six digits.
"""

import django_otp
import segno
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from headline.core import ratelimit

from . import twofactor
from .forms import CodeForm


def locked_out(request, original_response=None, credentials=None):
    """django-axes's answer to a locked-out sign-in (AXES_LOCKOUT_CALLABLE): the 429 page."""
    minutes = settings.AXES_COOLOFF_MINUTES
    refusal = ratelimit.RateLimited(
        "Too many failed sign-in attempts for this account or from this network. Sign-in is "
        f"paused for {minutes} minutes; if you have forgotten your password, ask an "
        "administrator to reset it.",
        minutes * 60,
    )
    return ratelimit.too_many_requests(request, refusal)


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def _try_code(request, form, check):
    """Whether the form's code passes `check`. Wrong codes are counted against the staff
    member's limit (RATE_LIMITS["two-factor"]); once it is used up, every try answers 429."""
    if not form.is_valid():
        return False
    limit = ratelimit.Limit.named("two-factor")
    message = "Too many wrong codes. Please wait before trying again."
    ratelimit.refuse_if_over(limit, request.user.pk, message)
    if check(form.cleaned_data["code"]):
        return True
    ratelimit.hit(limit, request.user.pk, message)
    form.add_error(
        "code", "That code is not right. Check the time on your phone, or use a recovery code."
    )
    return False


@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step of sign-in: a code from the app, or a recovery code (used up once)."""
    form = CodeForm(request.POST or None)
    device = []

    def check(code):
        device[:] = [django_otp.match_token(request.user, code)]
        return device[0] is not None

    if request.method == "POST" and _try_code(request, form, check):
        django_otp.login(request, device[0])
        return redirect(_next_url(request))
    return render(
        request, "accounts/verify.html", {"form": form, "next": _next_url(request)}, status=200
    )


@require_http_methods(["GET", "POST"])
def setup(request):
    """Turn two-factor sign-in on (scan, then confirm with a first code) or manage it."""
    user = request.user
    if twofactor.is_enabled(user):
        return render(
            request,
            "accounts/two_factor.html",
            {"enabled": True, "required": twofactor.is_required(user)},
        )
    device = twofactor.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and _try_code(request, form, device.verify_token):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        django_otp.login(request, device)
        return _show_codes(request, twofactor.new_recovery_codes(user), next_url=_next_url(request))
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "accounts/two_factor.html",
        {
            "enabled": False,
            "required": twofactor.is_required(user),
            "form": form,
            "qr_svg": qr.svg_inline(scale=4, dark="#000", light="#fff"),
            "secret": twofactor.secret_for_app(device),
            "next": _next_url(request),
        },
    )


def _show_codes(request, codes, next_url):
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url})


@require_POST
def recovery_codes(request):
    """New recovery codes, replacing the old ones."""
    if not twofactor.is_enabled(request.user):
        return redirect("two_factor_setup")
    return _show_codes(
        request, twofactor.new_recovery_codes(request.user), next_url=reverse("two_factor_setup")
    )


@require_POST
def turn_off(request):
    if twofactor.is_required(request.user):
        messages.error(request, "Your role requires two-factor sign-in: it cannot be turned off.")
    else:
        twofactor.turn_off(request.user)
        messages.success(request, "Two-factor sign-in is off.")
    return redirect("two_factor_setup")
