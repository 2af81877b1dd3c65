"""Commenters' privacy: addresses never published, IPs forgotten, data exported and erased."""

import io
import json
import logging
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from headline.comments.models import Comment

from .comment_helpers import make_comment, post_comment, posted, set_rules
from .factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db

SECRET = "secret.reader@example.org"


def link_in(message):
    """The path of the first link of ours in an email."""
    url = next(word for word in message.body.split() if word.startswith("http"))
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_no_public_page_feed_or_log_line_shows_a_commenters_address(client, caplog):
    section = make_section("International")
    author = make_author("Jo Writer")
    article = make_article(section, "A state visit", authors=[author], tags=["diplomacy"])
    parent = make_comment(
        article, email=SECRET, name="Secret Reader", url="https://reader.example/"
    )
    make_comment(article, email=SECRET.upper(), parent=parent, name="Secret Reader")
    make_comment(article, email=SECRET, status=Comment.Status.PENDING, body="Held one")
    caplog.set_level(logging.DEBUG)
    set_rules(flood_seconds=0)
    posted(post_comment(client, article, email=SECRET, body="Posted through the form."))
    post_comment(client, article, email=SECRET, body="")  # an error page re-rendered
    assert not [r for r in caplog.records if SECRET in r.getMessage().lower()]

    public = [
        "/",
        section.url,
        article.url,
        f"{article.url}?replyto={parent.pk}",
        "/tags/diplomacy/",
        author.get_absolute_url(),
        "/feed/",
        "/feed/atom/",
        "/feed.json",
        f"/{section.slug}/feed/",
        "/tags/diplomacy/feed/",
        f"{author.get_absolute_url()}feed/",
        "/sitemap.xml",
        "/news-sitemap.xml",
    ]
    reader = Client()
    for url in public:
        response = reader.get(url)
        assert response.status_code == 200, url
        text = (response.content.decode() + str(response.headers)).lower()
        assert SECRET not in text and "secret.reader" not in text, url
    assert "Secret Reader" in reader.get(article.url).content.decode()


def test_ip_addresses_are_erased_after_the_retention_period():
    article = make_article(make_section("International"))
    now = timezone.now()
    old = make_comment(article, ip_address="192.0.2.1", created_at=now - timedelta(days=61))
    recent = make_comment(article, ip_address="192.0.2.2", created_at=now - timedelta(days=59))
    out = io.StringIO()
    call_command("purge_comment_ips", stdout=out)
    assert "Erased 1 IP address(es) older than 60 days." in out.getvalue()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.ip_address, recent.ip_address) == (None, "192.0.2.2")
    with time_machine.travel(now + timedelta(days=2)):
        call_command("purge_comment_ips", stdout=io.StringIO())
    recent.refresh_from_db()
    assert recent.ip_address is None


def test_staff_commands_export_and_erase_by_address():
    article = make_article(make_section("International"))
    mine = make_comment(article, email="Ada@example.org", body="Mine.", ip_address="192.0.2.3")
    make_comment(article, email="bob@example.org", body="Bob's reply.", parent=mine)
    make_comment(article, email="bob@example.org", body="Not Ada's.")
    out = io.StringIO()
    call_command("export_commenter_data", "ada@example.org", stdout=out)
    data = json.loads(out.getvalue())
    assert [(c["comment"], c["ip_address"]) for c in data["comments"]] == [("Mine.", "192.0.2.3")]
    out = io.StringIO()
    call_command("erase_commenter_data", "ADA@example.org", stdout=out)
    assert "Erased 1 comment(s)." in out.getvalue()
    assert sorted(Comment.objects.values_list("body", "depth")) == [
        ("Bob's reply.", 1),
        ("Not Ada's.", 1),
    ]


def test_a_commenter_exports_and_erases_their_data_through_an_emailed_link(client):
    article = make_article(make_section("International"))
    make_comment(article, email="ada@example.org", body="My old comment.")
    response = client.post("/comments/privacy/", {"email": "ada@example.org"})
    assert "If comments were written with that address" in response.content.decode()
    client.post("/comments/privacy/", {"email": "nobody@example.org"})
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]
    manage = link_in(mail.outbox[0])
    assert "We keep 1 comment written with your address." in client.get(manage).content.decode()
    exported = client.post(manage, {"action": "export"})
    assert exported["Content-Disposition"] == 'attachment; filename="my-comments.json"'
    assert json.loads(exported.content)["comments"][0]["comment"] == "My old comment."
    assert "1 comment erased." in client.post(manage, {"action": "erase"}).content.decode()
    assert not Comment.objects.exists()
    assert client.get(manage[:-3] + "xyz/").status_code == 404


def test_reply_notifications_need_confirmation_and_unsubscribe_in_one_click(client):
    article = make_article(make_section("International"))
    set_rules(moderate_first_time=False, flood_seconds=0)
    parent = posted(post_comment(client, article, email="ada@example.org", notify="on"))
    confirm = [m for m in mail.outbox if m.to == ["ada@example.org"]]
    assert len(confirm) == 1 and "when someone replies" in confirm[0].body
    mail.outbox.clear()
    posted(
        post_comment(
            Client(), article, email="bob@example.org", parent=str(parent.pk), body="Unconfirmed"
        )
    )
    assert not [m for m in mail.outbox if m.to == ["ada@example.org"]]

    Client().post(link_in(confirm[0]))
    posted(
        post_comment(
            Client(), article, email="carol@example.org", parent=str(parent.pk), body="Hello Ada"
        )
    )
    notice = [m for m in mail.outbox if m.to == ["ada@example.org"]]
    assert len(notice) == 1 and "Hello Ada" in notice[0].body
    assert "bob@example.org" not in notice[0].body and "carol@example.org" not in notice[0].body
    unsubscribe = notice[0].extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe.split("/", 3)[3] in notice[0].body
    assert notice[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    one_click = Client(enforce_csrf_checks=True).post("/" + unsubscribe.split("/", 3)[3])
    assert "no more reply notifications" in one_click.content.decode()
    mail.outbox.clear()
    posted(
        post_comment(
            Client(), article, email="dan@example.org", parent=str(parent.pk), body="Again"
        )
    )
    assert not [m for m in mail.outbox if m.to == ["ada@example.org"]]
