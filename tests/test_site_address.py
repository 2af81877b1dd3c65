"""A deployment configured by environment variables reaches its readers: SITE_URL becomes the
address in readers' emails (not only in the admin's), and EMAIL_HOST and friends name the mail
server those emails go through. Before, production settings read neither: readers' confirmation
links pointed at `localhost` until someone edited Settings › Sites, and mail could only go to
localhost:25.
"""

import socketserver
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from .comment_helpers import make_comment, post_comment, posted, set_rules
from .factories import make_article, make_section
from .test_production import manage, production_env

pytestmark = pytest.mark.django_db


def confirmation_link():
    message = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    return next(word for word in message.body.split() if "://" in word)


@override_settings(SITE_URL="https://news.example.org")
def test_after_migrate_readers_emails_link_to_site_url(client):
    call_command("migrate", verbosity=0)
    assert Site.objects.get(is_default_site=True).root_url == "https://news.example.org"
    set_rules(flood_seconds=0)
    article = make_article(make_section("World"), "Rail strike ends")
    make_comment(article, email="ada@example.org", name="Ada Reader")
    held = posted(post_comment(client, article, body="From a new laptop."))
    assert held.rule == "unproven"
    assert confirmation_link().startswith("https://news.example.org/comments/")


@override_settings(SITE_URL="http://127.0.0.1:8080")
def test_a_port_in_site_url_is_kept():
    call_command("migrate", verbosity=0)
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8080"


@override_settings(SITE_URL="")
def test_without_site_url_the_newsrooms_own_setting_stays():
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "paper.example.net", 443
    site.save()
    call_command("migrate", verbosity=0)
    assert Site.objects.get(is_default_site=True).root_url == "https://paper.example.net"


class SMTPSink(socketserver.StreamRequestHandler):
    """Just enough SMTP to take one message; what the client sent is kept in `server.received`."""

    def handle(self):
        self.wfile.write(b"220 sink ready\r\n")
        in_data = False
        for line in self.rfile:
            self.server.received.append(line)
            if in_data:
                if line == b".\r\n":
                    in_data = False
                    self.wfile.write(b"250 queued\r\n")
                continue
            verb = line[:4].upper()
            if verb == b"DATA":
                in_data = True
                self.wfile.write(b"354 go on\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            elif verb == b"EHLO":
                self.wfile.write(b"250 sink\r\n")
            else:
                self.wfile.write(b"250 ok\r\n")


def test_mail_goes_to_the_server_named_by_email_host_and_port(tmp_path):
    with socketserver.TCPServer(("127.0.0.1", 0), SMTPSink) as server:
        server.received = []
        threading.Thread(target=server.handle_request, daemon=True).start()
        env = production_env(
            tmp_path,
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(server.server_address[1]),
            SINGLE_PROCESS="1",
        )
        result = manage(env, "sendtestemail", "desk@newsroom.test")
    assert result.returncode == 0, result.stderr
    sent = b"".join(server.received)
    assert b"rcpt to:<desk@newsroom.test>" in sent.lower()
    assert b"Test email from" in sent


def test_production_settings_read_every_email_setting(tmp_path):
    env = production_env(
        tmp_path,
        SINGLE_PROCESS="1",
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="587",
        EMAIL_HOST_USER="newsroom",
        EMAIL_HOST_PASSWORD="secret",
        EMAIL_USE_TLS="1",
    )
    result = manage(
        env,
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.EMAIL_HOST, s.EMAIL_PORT, "
        "s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-6:] == [
        "smtp.example.org",
        "587",
        "newsroom",
        "secret",
        "True",
        "False",
    ]
