"""`manage.py reset_two_factor`: a staff member who lost both phone and recovery codes gets back in
with their password, and sets two-factor sign-in up again."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from headline.accounts import twofactor

from .test_admin_security import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def ed():
    """An editor with an authenticator app and recovery codes."""
    user = User.objects.create_user("ed", "ed@newsroom.example", "right-horse-42")
    user.groups.add(Group.objects.get(name="Editors"))
    TOTPDevice.objects.create(user=user, name=twofactor.DEVICE_NAME, confirmed=True)
    twofactor.new_recovery_codes(user)
    return user


def reset(username):
    out = StringIO()
    call_command("reset_two_factor", username, stdout=out)
    return out.getvalue()


def test_a_reset_lets_the_staff_member_in_with_their_password_and_is_in_the_audit_log(
    client, admin_user, ed
):
    # Before: the password leads only to the code page.
    sign_in(client, username="ed")
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")
    client.logout()

    said = reset("ed")
    assert "ed" in said and "authenticator app" in said and "10 unused recovery codes" in said
    assert not TOTPDevice.objects.filter(user=ed).exists()
    assert not StaticDevice.objects.filter(user=ed).exists()
    sign_in(client, username="ed")
    assert client.get("/admin/").status_code == 200
    client.logout()

    entry = ModelLogEntry.objects.get(action="headline.two_factor.reset")
    assert entry.object_id == str(ed.pk) and entry.user is None
    client.force_login(admin_user)
    history = client.get("/admin/reports/site-history/").content.decode()
    assert "Two-factor sign-in reset" in history


def test_a_member_of_a_group_that_must_use_two_factor_is_sent_to_set_it_up(client, settings, ed):
    settings.TWO_FACTOR_REQUIRED_GROUPS = ["Editors"]
    said = reset("ed")
    assert "must set it up again" in said
    sign_in(client, username="ed")
    sent = client.get("/admin/")
    assert sent.status_code == 302 and sent["Location"].startswith("/admin/two-factor/?")


def test_a_staff_member_without_two_factor_is_told_nothing_was_removed(ed):
    reset("ed")
    assert "has no two-factor" in reset("ed")
    assert ModelLogEntry.objects.filter(action="headline.two_factor.reset").count() == 1


def test_an_unknown_username_is_a_clear_error():
    with pytest.raises(CommandError, match="No user is called 'nobody'"):
        reset("nobody")
