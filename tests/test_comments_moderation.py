"""Each moderation rule, seen from the reader's request, and the queue that explains it."""

import time
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from headline.comments.models import Ban, Comment, CommentPolicy, Refusal

from .comment_helpers import form_data, post_comment, posted, set_rules, shown_ago
from .factories import make_article, make_section
from .html import parse, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def known_readers():
    """Rules other than the first-time rule, judged alone (the spam score only when tested)."""
    set_rules(moderate_first_time=False, spam_threshold=1.0)


def verdict(client, article, **fields):
    comment = posted(post_comment(client, article, **fields))
    return comment.status, comment.rule, comment.rule_detail


def test_more_than_two_links_is_held(client, article, known_readers):
    two = "See https://www.a.example/ and www.b.example for more."
    assert verdict(client, article, body=two)[0] == "approved"
    three = two + " Also http://c.example/x."
    assert verdict(client, article, body=three, email="b@example.org") == (
        "pending",
        "links",
        "3 links (more than 2)",
    )


def test_word_lists_hold_or_mark_spam_and_name_the_word(client, article, known_readers):
    set_rules(moderation_words="tariff\ntrade war", block_words="casino")
    assert verdict(client, article, body="This Trade War will hurt.") == (
        "pending",
        "moderation_word",
        "“trade war”",
    )
    assert verdict(client, article, email="c@example.org", body="Best CASINO bonus") == (
        "spam",
        "block_word",
        "“casino”",
    )
    assert (
        verdict(client, article, email="d@example.org", body="Tariffs are taxes.")[0] == "approved"
    )


def test_banned_email_or_ip_goes_to_spam(client, article, known_readers):
    Ban.objects.create(email="Troll@Example.org")
    Ban.objects.create(ip_address="192.0.2.7")
    assert verdict(client, article, email="troll@example.org")[:2] == ("spam", "banned")
    assert verdict(client, article, email="new@example.org", ip="192.0.2.7") == (
        "spam",
        "banned",
        "IP address is banned",
    )


def test_behind_trusted_proxies_the_readers_address_is_taken_from_x_forwarded_for(
    client, article, known_readers, settings
):
    settings.TRUSTED_PROXY_HOPS = 1
    Ban.objects.create(ip_address="192.0.2.7")
    url = reverse("comments:post", args=[article.pk])

    def send(email, forwarded):
        data = form_data(email=email, body=f"From {email}")
        return posted(
            client.post(url, data, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
        )

    forged = send("a@example.org", "192.0.2.7, 198.51.100.9")
    assert (forged.status, forged.ip_address) == ("approved", "198.51.100.9")
    real = send("b@example.org", "203.0.113.1, 192.0.2.7")
    assert (real.status, real.rule, real.ip_address) == ("spam", "banned", "192.0.2.7")


def test_a_duplicate_is_refused_with_a_clear_message(client, article):
    set_rules(flood_seconds=0)
    posted(post_comment(client, article, body="Same words."))
    response = post_comment(client, article, body="  same   WORDS. ")
    assert response.status_code == 400
    assert "You have already posted this comment on this article." in response.content.decode()
    assert Comment.objects.count() == 1
    assert list(Refusal.objects.values_list("rule", flat=True)) == ["duplicate"]
    other_article = make_article(article.get_parent().specific)
    assert posted(post_comment(client, other_article, body="Same words."))


def test_flood_control_allows_one_comment_per_15_seconds_per_ip_and_per_email(client, article):
    posted(post_comment(client, article, ip="198.51.100.1", body="One."))
    same_ip = post_comment(client, article, ip="198.51.100.1", email="x@example.org", body="Two.")
    same_email = post_comment(client, article, ip="198.51.100.2", body="Three.")
    for response in (same_ip, same_email):
        assert response.status_code == 429
        assert "Please wait 15 seconds between comments." in response.content.decode()
    assert Comment.objects.count() == 1
    assert sorted(Refusal.objects.values_list("rule", "detail")) == [
        ("flood", "another comment from this IP address within 15 s"),
        ("flood", "another comment from this email address within 15 s"),
    ]


def test_flood_control_lets_the_next_comment_through_once_the_interval_is_over(client, article):
    # The limit lives in the cache (Redis in production), whose clock a test cannot move:
    # a one-second interval is waited out for real.
    set_rules(flood_seconds=1)
    posted(post_comment(client, article, ip="198.51.100.1", body="One."))
    assert post_comment(client, article, ip="198.51.100.1", body="Two.").status_code == 429
    time.sleep(1.1)
    posted(post_comment(client, article, ip="198.51.100.1", body="Three."))


def test_comments_close_after_the_configured_age(client, section):
    old = make_article(section, published_at=timezone.now() - timedelta(days=40))
    recent = make_article(section, published_at=timezone.now() - timedelta(days=10))
    set_rules(flood_seconds=0)
    posted(post_comment(client, old))  # off by default
    set_rules(close_after_days=30)
    assert post_comment(client, old, body="Late.").status_code == 403
    assert Refusal.objects.get().detail == "article older than 30 days"
    assert "Comments are closed." in client.get(old.url).content.decode()
    posted(post_comment(client, recent))


def test_honeypot_and_form_timing_catch_bots(client, article, known_readers):
    assert verdict(client, article, address="123 Bot Street")[:2] == ("spam", "honeypot")
    assert Comment.objects.get().spam_score is not None  # scored even when a rule decided
    status, rule, detail = verdict(client, article, email="e@example.org", timestamp=shown_ago(1))
    assert (status, rule) == ("spam", "timing") and "minimum 3 s" in detail
    status, rule, detail = verdict(
        client, article, email="f@example.org", timestamp=shown_ago(4 * 86400)
    )
    assert (status, rule) == ("pending", "timing") and "maximum 72 h" in detail
    assert verdict(client, article, email="g@example.org", timestamp="forged")[:2] == (
        "pending",
        "timing",
    )


def test_spam_score_at_the_threshold_marks_spam_and_records_both(client, article, known_readers):
    set_rules(spam_threshold=0.0)
    status, rule, detail = verdict(client, article)
    assert (status, rule) == ("spam", "spam_score")
    assert detail.endswith("≥ threshold 0.0\u00a0%")
    assert Comment.objects.get().spam_score is not None


def test_section_policies_are_inherited_and_the_nearest_wins(client, section, known_readers):
    business = make_section("Business")
    here = make_article(section)
    there = make_article(business)
    set_rules(moderation_words="sanctions")
    CommentPolicy.objects.create(page=section, max_links=0, moderation_words="embassy")
    assert verdict(client, here, body="https://one.example/")[:2] == ("pending", "links")
    assert verdict(client, here, email="h@example.org", body="The embassy closed.")[:2] == (
        "pending",
        "moderation_word",
    )
    assert verdict(client, here, email="i@example.org", body="New sanctions.")[:2] == (
        "pending",
        "moderation_word",
    )
    assert (
        verdict(client, there, email="j@example.org", body="https://one.example/ embassy")[0]
        == "approved"
    )
    CommentPolicy.objects.create(page=here, max_links=3)
    assert (
        verdict(client, here, email="k@example.org", body="https://two.example/")[0] == "approved"
    )


def test_staff_comments_from_the_site_are_approved_and_marked(client, article, admin_user):
    client.force_login(admin_user)
    comment = posted(post_comment(client, article, email="desk@newsroom.test"))
    assert (comment.status, comment.by_staff) == ("approved", True)
    assert "Staff" in texts(parse(Client().get(article.url)), "//span[@class='staff-badge']")
