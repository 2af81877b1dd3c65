"""Rate limits readers meet: 429 with Retry-After and a message; comment forms good for one post."""

import pytest
from django.core import mail, signing
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from headline.comments.forms import TIMESTAMP_SALT, read_timestamp
from headline.comments.models import Comment

from .comment_helpers import form_data, post_comment, posted, set_rules, shown_ago
from .factories import make_article, make_section
from .html import parse, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article(make_section("International"), "Rail strike talks resume")


def assert_too_many(response, text):
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 86400
    assert text in response.content.decode()


def test_searches_are_limited_per_address(client, settings, article):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search-ip": "3/60"}
    for word in ("rail", "strike", "talks"):
        assert client.get("/search/", {"q": word}, REMOTE_ADDR="192.0.2.1").status_code == 200
    over = client.get("/search/", {"q": "resume"}, REMOTE_ADDR="192.0.2.1")
    assert_too_many(over, "You have searched many times in a short while.")
    assert "You can try again in" in over.content.decode()
    assert "private" in over["Cache-Control"]
    assert client.get("/search/", {"q": "resume"}, REMOTE_ADDR="192.0.2.2").status_code == 200
    # The search page without a query runs no search and is never limited.
    assert client.get("/search/", REMOTE_ADDR="192.0.2.1").status_code == 200


def ask_privacy_link(email, ip):
    return Client().post("/comments/privacy/", {"email": email}, REMOTE_ADDR=ip)


def test_privacy_links_are_limited_per_address_per_ip_and_per_day(settings, article):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "emails-address": "2/86400",
        "emails-ip": "3/3600",
        "emails-site": "5/86400",
    }
    Comment.objects.create(article=article, name="A", email="a@example.org", body="Hi")
    assert ask_privacy_link("a@example.org", "192.0.2.1").status_code == 200
    assert ask_privacy_link("A@example.org", "192.0.2.2").status_code == 200
    assert_too_many(ask_privacy_link("a@example.org", "192.0.2.3"), "as many emails as we may")
    assert len(mail.outbox) == 2
    # One address asking for many strangers: stopped at its IP's limit.
    assert ask_privacy_link("b@example.org", "192.0.2.1").status_code == 200
    assert ask_privacy_link("c@example.org", "192.0.2.1").status_code == 200
    assert_too_many(ask_privacy_link("d@example.org", "192.0.2.1"), "as many emails as we may")
    # Many addresses from many IPs: the site-wide day's allowance (5) ends it.
    assert ask_privacy_link("e@example.org", "192.0.2.9").status_code == 200
    assert_too_many(ask_privacy_link("f@example.org", "192.0.2.10"), "as many emails as we may")


def test_confirmation_emails_stop_at_the_limit_and_the_comments_still_wait(
    client, settings, article
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "emails-address": "2/86400"}
    set_rules(flood_seconds=0)
    for number in range(3):
        posted(post_comment(client, article, email="stranger@example.org", body=f"Hi {number}"))
    confirmations = [m for m in mail.outbox if m.to == ["stranger@example.org"]]
    assert len(confirmations) == 2
    assert Comment.objects.filter(status=Comment.Status.PENDING).count() == 3


def note_under(page, comment):
    return " ".join(texts(page, f"//li[@id='comment-{comment.pk}']//p[@class='comment-awaiting']"))


@pytest.mark.parametrize(
    "limit, first_email, first_ip, wait",
    [
        ("emails-address", "ada@example.org", "192.0.2.1", "24 hours"),
        ("emails-ip", "someone@example.org", "192.0.2.7", "60 minutes"),
        ("emails-site", "someone@example.org", "192.0.2.1", "24 hours"),
    ],
)
def test_a_commenter_whose_confirmation_could_not_be_sent_is_told_when_to_try_again(
    client, settings, article, limit, first_email, first_ip, wait
):
    window = 3600 if limit == "emails-ip" else 86400
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, limit: f"1/{window}"}
    set_rules(flood_seconds=0)
    # An earlier comment, from another browser, used up the allowance this one meets.
    posted(post_comment(Client(), article, email=first_email, ip=first_ip, body="Earlier."))
    sent_before = len(mail.outbox)
    response = post_comment(client, article, ip="192.0.2.7", body="My first words.")
    comment = posted(response)
    assert comment.status == Comment.Status.PENDING
    assert not [m for m in mail.outbox[sent_before:] if m.to == ["ada@example.org"]]

    note = note_under(parse(client.get(response["Location"])), comment)
    assert note == (
        "Your comment is awaiting moderation. Only you can see it. "
        "The email asking you to confirm your address could not be sent now: we limit how many "
        "emails we send. Your comment still waits for a moderator. We can send it in "
        f"{wait}; it comes with the next comment you post after that."
    )
    # The same words whichever limit it was: nothing is said about anyone else.
    assert "example.org" not in note
    assert "My first words." not in Client().get(article.url).content.decode()


def test_comment_flood_answers_429_with_retry_after(client, article):
    posted(post_comment(client, article, ip="192.0.2.1", body="One."))
    refused = post_comment(client, article, ip="192.0.2.1", email="x@example.org", body="Two.")
    assert_too_many(refused, "Please wait 15 seconds between comments.")
    assert int(refused["Retry-After"]) <= 15
    assert "Two." in refused.content.decode()  # the reader's text is kept


def test_a_comment_form_posts_one_comment_only(client, article):
    set_rules(flood_seconds=0)
    token = shown_ago(60)
    posted(post_comment(client, article, timestamp=token, body="First."))
    replay = post_comment(client, article, timestamp=token, email="bot@example.org", body="Second.")
    assert replay.status_code == 400
    assert "This form has already been used" in replay.content.decode()
    assert Comment.objects.count() == 1


def test_a_reader_who_corrects_a_mistake_posts_with_the_same_form(client, article):
    token = shown_ago(60)
    mistake = post_comment(client, article, ip="192.0.2.1", timestamp=token, email="not-an-address")
    assert mistake.status_code == 400
    posted(post_comment(client, article, ip="192.0.2.1", timestamp=token))
    assert Comment.objects.count() == 1


def test_without_javascript_the_form_still_posts_once(article):
    browser = Client(enforce_csrf_checks=True)
    url = f"/comments/post/{article.pk}/"
    data = form_data(timestamp="")
    page = browser.post(url, data, REMOTE_ADDR="192.0.2.1").content.decode()
    token = page.split('name="timestamp" value="', 1)[1].split('"', 1)[0]
    csrf = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    sent = {**data, "timestamp": token, "csrfmiddlewaretoken": csrf}
    assert browser.post(url, sent, REMOTE_ADDR="192.0.2.1").status_code == 302
    again = browser.post(
        url, {**sent, "body": "More.", "email": "z@example.org"}, REMOTE_ADDR="192.0.2.2"
    )
    assert again.status_code == 400 and Comment.objects.count() == 1


JSON = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False) | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(st.text())
def test_any_text_posted_as_the_form_token_reads_as_missing(value):
    assert read_timestamp(value) is None


@given(JSON)
def test_a_signed_token_of_any_shape_reads_as_a_moment_and_a_nonce_or_as_missing(payload):
    token = read_timestamp(signing.dumps(payload, salt=TIMESTAMP_SALT))
    if token is not None:
        shown, nonce = token
        assert isinstance(shown, int | float) and isinstance(nonce, str)
        assert payload == {**payload, "t": shown, "n": nonce}
