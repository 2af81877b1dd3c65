"""Holds staff at the second step of sign-in until they give a code.

After the password, a staff member who has turned on two-factor sign-in reaches only the code page
(and sign-out) until django-otp has verified a code this session; one whose group must use it
(TWO_FACTOR_REQUIRED_GROUPS) and has not set it up reaches only the set-up page.
"""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import twofactor

# Reachable halfway through sign-in: the pages themselves, sign-out, and what they load.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_verify",
}


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        match = request.resolver_match
        if (
            not request.path.startswith(reverse("wagtailadmin_home"))
            or not user.is_authenticated
            or match.url_name in OPEN_URL_NAMES
            or user.is_verified()
        ):
            return None
        query = urlencode({"next": request.get_full_path()})
        if twofactor.is_enabled(user):
            return redirect(f"{reverse('two_factor_verify')}?{query}")
        if match.url_name != "two_factor_setup" and twofactor.is_required(user):
            return redirect(f"{reverse('two_factor_setup')}?{query}")
        return None
