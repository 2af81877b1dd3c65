"""Leaving a reply as a reader: the form, what the author and others see, threading and counts."""

import lxml.html
import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from headline.comments.models import Comment, Refusal

from .comment_helpers import form_data, make_comment, post_comment, posted, set_rules
from .factories import make_article, make_standard_page
from .html import parse, texts

pytestmark = pytest.mark.django_db


def test_article_shows_the_leave_a_reply_form(client, article):
    tree = parse(client.get(article.url))
    form = tree.xpath("//section[@id='comments']//form[contains(@class, 'comment-form')]")[0]
    assert texts(tree, "//div[@id='respond']/h2") == ["Leave a Reply"]
    notes = " ".join(form.xpath(".//p[@class='comment-notes']")[0].text_content().split())
    assert notes == "Your email address will not be published. Required fields are marked *"
    labels = {
        label.get("for"): " ".join(label.text_content().split()) for label in form.xpath(".//label")
    }
    for name, label in [
        ("name", "Name *"),
        ("email", "Email *"),
        ("url", "Website"),
        ("body", "Comment *"),
    ]:
        field = form.xpath(f".//*[@name='{name}']")[0]
        assert labels[field.get("id")] == label
        assert (field.get("required") is not None) is (name != "url")
    assert form.xpath(".//input[@type='checkbox' and @id='comment-remember']")
    assert form.xpath(".//input[@name='csrfmiddlewaretoken']")
    trap = form.xpath(".//input[@name='address']")[0]
    assert trap.get("tabindex") == "-1" and trap.getparent().get("aria-hidden") == "true"


def test_a_first_comment_is_held_and_only_its_author_sees_it(client, article, django_user_model):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("ed", "ed@newsroom.test", "x")
    editor.groups.add(Group.objects.get(name="Editors"))
    response = post_comment(client, article, body="My first words here.")
    comment = posted(response)
    assert response["Location"] == f"{article.url}#comment-{comment.pk}"
    assert (comment.status, comment.rule) == ("pending", "first_time")

    mine = parse(client.get(article.url))
    held = mine.xpath(f"//li[@id='comment-{comment.pk}']")[0]
    assert "awaiting moderation" in held.text_content()
    assert "My first words here." in held.text_content()
    # Nothing is published yet: the heading above the reader's own comment does not count it, and
    # the email it sent to the address is announced.
    assert texts(mine, "//h2[@id='comments-title']") == ["No published comments yet"]
    assert "emailed you a link to confirm your address" in held.text_content()

    other = client_class_get(article)
    assert "My first words here." not in other
    assert texts(lxml.html.fromstring(other), "//h2[@id='comments-title']") == ["No comments yet"]
    to = sorted(address for message in mail.outbox for address in message.to)
    assert to == ["ada@example.org", "ed@newsroom.test"]


def client_class_get(article):
    from django.test import Client

    return Client().get(article.url).content.decode()


def test_after_approval_the_same_browser_is_trusted_but_a_guessed_address_is_not(client, article):
    set_rules(flood_seconds=0)
    first = posted(post_comment(client, article, body="First comment."))
    first.status = Comment.Status.APPROVED
    first.save()

    second = posted(post_comment(client, article, body="Second comment."))
    assert second.status == "approved"
    assert "Second comment." in client_class_get(article)

    from django.test import Client

    impostor = posted(post_comment(Client(), article, body="Pretending to be Ada."))
    assert (impostor.status, impostor.rule) == ("pending", "unproven")


def test_confirming_the_address_by_email_lets_later_comments_through(client, article):
    set_rules(flood_seconds=0)
    make_comment(article, email="ada@example.org", name="Ada Reader")
    held = posted(post_comment(client, article, body="From a new laptop."))
    assert held.rule == "unproven"
    link = (
        next(m for m in mail.outbox if m.to == ["ada@example.org"])
        .body.split("http://", 1)[1]
        .split()[0]
    )
    path = "/" + link.split("/", 1)[1]
    assert "Confirm" in client.get(path).content.decode()
    assert "confirmed" in client.post(path).content.decode()
    later = posted(post_comment(client, article, body="Now I am known."))
    assert later.status == "approved"


def test_errors_are_shown_beside_each_field_and_the_text_is_kept(client, article):
    response = post_comment(client, article, name="", email="not-an-address", body="Kept text <b>")
    assert response.status_code == 400
    tree = parse(response)
    assert texts(tree, "//*[@id='id_name_error']") == ["Please enter your name."]
    assert texts(tree, "//*[@id='id_email_error']") == [
        "Please enter a valid email address, like name@example.com."
    ]
    assert tree.xpath("//input[@name='name']")[0].get("aria-describedby") == "id_name_error"
    # Browsers drop the one newline Django puts after <textarea>; lxml keeps it.
    assert tree.xpath("//textarea[@name='body']")[0].text.removeprefix("\n") == "Kept text <b>"
    assert tree.xpath("//input[@name='email']")[0].get("value") == "not-an-address"
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("field", "size", "message"),
    [
        ("name", 101, "Please shorten your name to 100 characters or fewer (it has 101)."),
        (
            "body",
            10_001,
            "Please shorten your comment to 10000 characters or fewer (it has 10001).",
        ),
    ],
)
def test_oversized_input_gets_a_clear_error(client, article, field, size, message):
    response = post_comment(client, article, **{field: "x" * size})
    assert response.status_code == 400
    assert texts(parse(response), f"//*[@id='id_{field}_error']") == [message]


def test_replies_nest_under_their_parent_without_javascript(client, article):
    parent = make_comment(article, name="Grace")
    page = parse(client.get(f"{article.url}?replyto={parent.pk}"))
    assert page.xpath("//input[@name='parent']")[0].get("value") == str(parent.pk)
    assert "Replying to Grace" in " ".join(texts(page, "//p[@class='replying-to']"))
    reply = posted(post_comment(client, article, parent=str(parent.pk), body="A reply."))
    assert (reply.parent, reply.depth) == (parent, 2)
    reply.status = Comment.Status.APPROVED
    reply.save()
    tree = parse(client.get(article.url))
    nested = tree.xpath(f"//li[@id='comment-{parent.pk}']/ol[@class='children']/li/@id")
    assert nested == [f"comment-{reply.pk}"]


def test_reply_depth_is_limited(client, article, section):
    from headline.comments.models import CommentPolicy

    CommentPolicy.objects.create(page=section, max_depth=2)
    top = make_comment(article)
    second = make_comment(article, parent=top)
    tree = parse(client.get(article.url))
    assert tree.xpath(f"//li[@id='comment-{top.pk}']/article//a[@class='comment-reply-link']")
    assert not tree.xpath(f"//li[@id='comment-{second.pk}']//a[@class='comment-reply-link']")
    response = post_comment(client, article, parent=str(second.pk), body="Too deep.")
    assert response.status_code == 400
    assert "too deep" in response.content.decode()


def test_approved_comments_are_listed_oldest_first_with_author_avatar_and_permalink(
    client, article, django_user_model
):
    first = make_comment(article, name="Old Timer", url="https://old.example/", body="First!")
    second = make_comment(article, name="Newsroom Desk", body="Thanks.", by_staff=True)
    make_comment(article, name="Spammer", body="Buy now", status=Comment.Status.SPAM)
    tree = parse(client.get(article.url))
    items = tree.xpath("//ol[@class='comment-list']/li")
    assert [li.get("id") for li in items] == [f"comment-{first.pk}", f"comment-{second.pk}"]
    link = items[0].xpath(".//span[@class='comment-author']/a")[0]
    assert (link.get("href"), link.get("rel")) == ("https://old.example/", "nofollow ugc noopener")
    assert items[0].xpath(".//svg[@class='avatar']//text()") == ["OT"]
    assert items[0].xpath(".//a[@class='comment-permalink']/@href") == [f"#comment-{first.pk}"]
    assert items[0].xpath(".//time/@datetime")
    assert texts(items[1], ".//span[@class='staff-badge']") == ["Staff"]
    assert texts(tree, "//h2[@id='comments-title']") == ["2 comments"]
    assert not tree.xpath("//img[contains(@src, 'gravatar')]")


@pytest.mark.usefixtures("page_cache_off")
def test_listing_cards_show_comment_counts_in_a_fixed_number_of_queries(client, section):
    articles = [make_article(section, f"Story {n}") for n in range(3)]
    for _ in range(2):
        make_comment(articles[0])
    make_comment(articles[1], status=Comment.Status.PENDING)
    # Warm the site and settings caches: the first request creates the settings row, the next
    # caches it.
    client.get(section.url)
    client.get(section.url)
    # Both measured listings are made anew, after the same kind of change.
    make_comment(make_article(section, "Story with a comment"))
    with CaptureQueriesContext(connection) as few:
        tree = parse(client.get(section.url))
    card = tree.xpath(f"//a[@href='{articles[0].url}#comments']")
    assert [a.text_content() for a in card] == ["2 comments"]
    assert not tree.xpath(f"//a[@href='{articles[1].url}#comments']")
    for n in range(5):
        make_comment(make_article(section, f"More {n}"))
    with CaptureQueriesContext(connection) as many:
        client.get(section.url)
    assert len(many) == len(few)


@pytest.mark.usefixtures("page_cache_off")
def test_article_page_queries_do_not_grow_with_comments(client, article):
    client.get(article.url)  # the first view stores the site's settings rows
    client.get(article.url)
    top = make_comment(article)
    # Each measured view follows a change to the comments, so the thread is made again.
    with CaptureQueriesContext(connection) as few:
        client.get(article.url)
    for _ in range(10):
        make_comment(article, parent=top)
    with CaptureQueriesContext(connection) as many:
        client.get(article.url)
    assert len(many) == len(few)


def test_comments_switched_off_on_an_article_are_closed(client, section):
    article = make_article(section, comments_enabled=False)
    tree = parse(client.get(article.url))
    assert texts(tree, "//p[@class='comments-closed']") == ["Comments are closed."]
    assert not tree.xpath("//form[contains(@class, 'comment-form')]")
    response = post_comment(client, article)
    assert response.status_code == 403 and not Comment.objects.exists()


def test_a_standard_page_open_to_comments_takes_them_like_an_article(client):
    set_rules(moderate_first_time=False, flood_seconds=0)
    page = make_standard_page("About us", comments_enabled=True)
    tree = parse(client.get(page.url))
    assert texts(tree, "//div[@id='respond']/h2") == ["Leave a Reply"]
    assert tree.xpath("//script[contains(@src, 'comments')]")  # fills in the form's token
    response = post_comment(client, page, body="Who runs this site?")
    comment = posted(response)
    assert response["Location"] == f"{page.url}#comment-{comment.pk}"
    assert comment.status == "approved" and comment.article_id == page.pk
    reply = posted(post_comment(client, page, body="We do.", parent=str(comment.pk)))
    assert reply.parent == comment and reply.depth == 2
    html = client_class_get(page)
    assert "Who runs this site?" in html and "We do." in html
    assert "ada@example.org" not in html


def test_a_standard_page_closed_to_comments_shows_its_own_and_takes_no_more(client):
    plain = make_standard_page("Contact")  # closed by default, and without comments
    tree = parse(client.get(plain.url))
    assert not tree.xpath("//section[@id='comments']")
    assert not tree.xpath("//script[contains(@src, 'comments')]")

    make_comment(plain, body="Brought from the old site.")
    make_comment(plain, body="Still waiting.", status="pending")
    tree = parse(client.get(plain.url))
    assert "Brought from the old site." in tree.xpath("//section[@id='comments']")[0].text_content()
    assert "Still waiting." not in client_class_get(plain)
    assert texts(tree, "//p[@class='comments-closed']") == ["Comments are closed."]
    assert not tree.xpath("//form[contains(@class, 'comment-form')]")
    assert post_comment(client, plain).status_code == 403
    assert Comment.objects.count() == 2
    assert Refusal.objects.get().detail == "comments are switched off on this page"


def test_every_state_of_the_comments_section_is_valid_html(client, article, tmp_path):
    from django.test import Client

    from .checkers import nu_errors

    set_rules(flood_seconds=0)
    top = make_comment(
        article, name="Grace", url="https://grace.example/", body="One\n\nhttps://x.example/"
    )
    make_comment(article, parent=top, name="Desk", by_staff=True)
    posted(post_comment(client, article, body="Held for me."))
    pages = {
        "held-note": client.get(article.url).content.decode(),
        "errors": post_comment(Client(), article, name="", email="bad").content.decode(),
        "reply-without-js": Client().get(f"{article.url}?replyto={top.pk}").content.decode(),
        "privacy-request": Client().get("/comments/privacy/").content.decode(),
        "unsubscribe-invalid": Client().get("/comments/unsubscribe/nonsense/").content.decode(),
        "post-without-token": Client(enforce_csrf_checks=True)
        .post(f"/comments/post/{article.pk}/", form_data(email="bad"))
        .content.decode(),
    }
    # The article header's own <time> is the news app's; only this section's markup is judged.
    errors = {
        name: [e for e in found if "A fraction of a second" not in e]
        for name, found in nu_errors(pages, tmp_path).items()
    }
    assert not any(errors.values()), errors
