"""The admin's sign-in: lockout after failed passwords, two-factor codes, password rules."""

import logging
import re
import time
from datetime import timedelta

import pyotp
import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken

from .html import parse, texts

LOGIN = "/admin/login/"
SECRET = re.compile(r"data-two-factor-secret>([A-Z2-7]+)<")

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return User.objects.create_superuser("editor", "editor@newsroom.example", "right-horse-42")


def sign_in(client, username="editor", password="right-horse-42", ip="192.0.2.10"):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=ip
    )


def test_five_wrong_passwords_lock_the_account_with_a_message_that_expires(client, editor, caplog):
    caplog.set_level(logging.INFO)
    for _ in range(4):
        assert sign_in(client, password="guess").status_code == 200
    locked = sign_in(client, password="guess")
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) == 15 * 60
    assert "Too many failed sign-in attempts" in locked.content.decode()
    # Locked out, the right password does not sign in either, from another address too.
    refused = sign_in(client, ip="192.0.2.99")
    assert refused.status_code == 429 and "_auth_user_id" not in client.session
    assert 'Locking out {username: "editor", ip_address: "192.0.2.10"' in caplog.text
    assert "guess" not in caplog.text

    caplog.clear()
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert sign_in(client).status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)
    assert "right-horse-42" not in caplog.text


def assert_admin_wait_page(response, wait):
    """A 429 in the admin's own sign-in layout (not the reader's site), saying when to retry."""
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    page = parse(response)
    assert page.xpath("//body[@id='wagtail' and contains(@class, 'login')]")
    assert not page.xpath("//header[contains(@class, 'site-header')]")
    assert texts(page, "//main//h1") == ["Please wait"]
    assert f"You can try again in {wait}." in texts(page, "//main//p")
    assert page.xpath("//main//a[@href='/admin/login/']")


def test_the_lockout_answers_in_the_admins_sign_in_layout(client, editor):
    for _ in range(5):
        sign_in(client, password="guess")
    assert_admin_wait_page(sign_in(client), "15 minutes")


def test_a_sign_in_after_failed_passwords_is_logged(client, editor, caplog):
    caplog.set_level(logging.INFO)
    for _ in range(3):
        sign_in(client, password="guess")
    assert sign_in(client).status_code == 302
    assert "Sign-in by 'editor' from 192.0.2.10 after 3 failed password(s)" in caplog.text
    caplog.clear()
    client.logout()
    sign_in(client)
    assert "failed password" not in caplog.text


def test_many_accounts_guessed_from_one_address_lock_that_address(client, editor):
    for number in range(5):
        sign_in(client, username=f"someone{number}", password="guess")
    assert sign_in(client).status_code == 429
    assert sign_in(client, ip="192.0.2.20").status_code == 302


def test_weak_passwords_are_refused_when_an_administrator_sets_one(client, editor):
    sign_in(client)
    response = client.post(
        "/admin/users/new/",
        {
            "username": "reporter",
            "email": "reporter@newsroom.example",
            "first_name": "Rae",
            "last_name": "Porter",
            "password1": "12345678",
            "password2": "12345678",
        },
    )
    assert response.status_code == 200
    assert "This password is too common." in response.content.decode()
    assert not User.objects.filter(username="reporter").exists()


def turn_on_two_factor(client):
    """Set up two-factor sign-in on its admin page; returns (TOTP, recovery codes)."""
    page = client.get("/admin/two-factor/").content.decode()
    assert "<svg" in page  # the QR code, drawn here
    totp = pyotp.TOTP(SECRET.search(page).group(1))
    wrong = client.post("/admin/two-factor/", {"code": "000000"})
    assert "That code is not right" in wrong.content.decode()
    done = client.post("/admin/two-factor/", {"code": totp.now(), "next": "/admin/"})
    codes = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
    assert len(codes) == 10
    return totp, codes


def test_two_factor_sign_in_asks_for_a_code_and_takes_a_recovery_code_once(client, editor):
    sign_in(client)
    assert 'href="/admin/two-factor/"' in client.get("/admin/account/").content.decode()
    totp, codes = turn_on_two_factor(client)
    client.logout()

    assert sign_in(client)["Location"] == "/admin/"
    held = client.get("/admin/pages/")
    assert held.status_code == 302 and held["Location"].startswith("/admin/two-factor/verify/")
    assert client.get(held["Location"]).status_code == 200
    # Halfway through, one may still sign out.
    assert client.post("/admin/logout/").status_code == 302
    assert "_auth_user_id" not in client.session
    sign_in(client)
    # The code used to set it up is spent; the app's next one (one step of drift is allowed).
    spent = client.post("/admin/two-factor/verify/", {"code": totp.now()})
    assert "That code is not right" in spent.content.decode()
    next_code = totp.at(time.time() + 30)
    client.post("/admin/two-factor/verify/", {"code": next_code, "next": "/admin/pages/"})
    assert client.get("/admin/pages/").status_code == 200
    client.logout()

    sign_in(client)
    used = client.post("/admin/two-factor/verify/", {"code": codes[0], "next": "/admin/"})
    assert used.status_code == 302 and used["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    client.logout()
    sign_in(client)
    again = client.post("/admin/two-factor/verify/", {"code": codes[0]})
    assert "That code is not right" in again.content.decode()
    assert client.get("/admin/").status_code == 302
    assert StaticToken.objects.count() == 9


def test_wrong_codes_are_limited_per_staff_member(client, editor):
    sign_in(client)
    turn_on_two_factor(client)
    client.logout()
    sign_in(client)
    # Five wrong codes within five minutes: one while setting up, four now.
    answers = [client.post("/admin/two-factor/verify/", {"code": "123456"}) for _ in range(4)]
    assert {answer.status_code for answer in answers} == {200}
    over = client.post("/admin/two-factor/verify/", {"code": "123456"})
    assert_admin_wait_page(over, "5 minutes")


def test_a_group_that_must_use_two_factor_cannot_reach_the_admin_without_it(
    client, settings, editor
):
    settings.TWO_FACTOR_REQUIRED_GROUPS = ["Editors"]
    member = User.objects.create_user("ed", "ed@newsroom.example", "right-horse-42")
    member.groups.add(Group.objects.get(name="Editors"))
    sign_in(client, username="ed")
    sent = client.get("/admin/")
    assert sent.status_code == 302 and sent["Location"].startswith("/admin/two-factor/")
    turn_on_two_factor(client)
    assert client.get("/admin/").status_code == 200
    page = client.get("/admin/two-factor/").content.decode()
    assert "cannot be turned off" in page
    client.post("/admin/two-factor/turn-off/")
    assert "is <strong>on</strong>" in client.get("/admin/two-factor/").content.decode()
    # Staff outside the group are free to leave it off.
    client.logout()
    sign_in(client)
    assert client.get("/admin/").status_code == 200
