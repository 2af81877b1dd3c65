"""Two-factor sign-in for staff: TOTP devices (an authenticator app) and recovery codes.

A staff member turns it on from their account page (*Account › More actions › Two-factor
sign-in*); once on, the admin asks for a code after the password on every sign-in
(middleware.TwoFactorMiddleware). Members of the groups named in TWO_FACTOR_REQUIRED_GROUPS
("superusers" for superusers) must turn it on before they can use the admin. Codes are checked by
django-otp: TOTP per RFC 6238 (30-second steps, one step of drift allowed), and recovery codes
are django-otp static tokens, each good once. A staff member who lost both phone and codes is
reset by an administrator (`manage.py reset_two_factor`), which the audit log records.
"""

from base64 import b32encode

from django.conf import settings
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

RECOVERY_CODES = 10
DEVICE_NAME = "Authenticator app"
# Audit log action (registered in wagtail_hooks): (action, label, message).
RESET_ACTION = ("headline.two_factor.reset", "Reset two-factor sign-in", "Two-factor sign-in reset")


def is_required(user):
    """True when `user` must use two-factor sign-in (TWO_FACTOR_REQUIRED_GROUPS)."""
    required = {name.lower() for name in settings.TWO_FACTOR_REQUIRED_GROUPS}
    if not required:
        return False
    if user.is_superuser and "superusers" in required:
        return True
    return any(name.lower() in required for name in user.groups.values_list("name", flat=True))


def is_enabled(user):
    return user_has_device(user, confirmed=True)


def pending_device(user):
    """The unconfirmed authenticator being set up for `user`, made on first ask."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def new_recovery_codes(user):
    """Replace `user`'s recovery codes with RECOVERY_CODES fresh ones; returns them (shown once)."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name="Recovery codes", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def turn_off(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def reset(user):
    """Remove `user`'s authenticator apps and recovery codes so their password alone signs them
    in; the audit log records it when either was there.

    Returns (authenticator apps removed, unused recovery codes removed). A set-up never finished
    (an unconfirmed app) is removed too, uncounted: it never signed anyone in.
    """
    apps = TOTPDevice.objects.filter(user=user, confirmed=True).count()
    codes = StaticToken.objects.filter(device__user=user).count()
    turn_off(user)
    if apps or codes:
        log(user, RESET_ACTION[0], data={"authenticator_apps": apps, "recovery_codes": codes})
    return apps, codes


def secret_for_app(device):
    """The device's key in base32, as authenticator apps take it typed in."""
    return b32encode(device.bin_key).decode()
