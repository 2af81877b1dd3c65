"""Moderating comments in the Wagtail admin: the queue, its filters, bulk actions and staff tools."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from headline.comments import signals
from headline.comments.models import Ban, Comment

from .comment_helpers import make_comment
from .factories import make_article, make_standard_page
from .html import parse, texts

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client, admin_user):
    client.force_login(admin_user)
    return client


def bulk(client, action, comments):
    url = reverse("wagtail_bulk_action", args=["comments", "comment", action])
    query = "&".join(f"id={comment.pk}" for comment in comments)
    return client.post(f"{url}?{query}&next=/admin/")


def queue(client, query=""):
    return parse(client.get(reverse("comments_moderation:list") + query))


def test_the_menu_shows_how_many_comments_wait(moderator, article):
    make_comment(article, status=Comment.Status.PENDING)
    make_comment(article, status=Comment.Status.PENDING)
    make_comment(article)
    html = moderator.get("/admin/").content.decode()
    assert '"Comments (2)"' in html


def test_the_queue_filters_searches_and_says_why(moderator, article):
    other = make_article(article.get_parent().specific, "Budget day")
    held = make_comment(
        article,
        name="Link Lover",
        status="pending",
        rule="links",
        rule_detail="3 links (more than 2)",
    )
    make_comment(other, name="Budget Fan", status="pending", rule="first_time")
    make_comment(article, name="Approved Person")
    pending = queue(moderator, "?status=pending")
    rows = " ".join(texts(pending, "//table//tbody//tr"))
    assert "Link Lover" in rows and "Budget Fan" in rows and "Approved Person" not in rows
    assert "Too many links: 3 links (more than 2)" in rows
    by_article = " ".join(texts(queue(moderator, f"?article={article.pk}"), "//table//tbody//tr"))
    assert "Link Lover" in by_article and "Budget Fan" not in by_article
    found = " ".join(texts(queue(moderator, "?q=budget"), "//table//tbody//tr"))
    assert "Budget Fan" in found and "Link Lover" not in found
    dated = queue(moderator, f"?created_at_after={held.created_at.date()}")
    assert "Link Lover" in " ".join(texts(dated, "//table//tbody//tr"))


def test_comments_on_a_standard_page_are_moderated_like_an_articles(moderator, article):
    page = make_standard_page("About us", slug="about")
    held = make_comment(page, name="Page Reader", status="pending", body="About the about page.")
    make_comment(article, name="Article Reader", status="pending")
    by_page = queue(moderator, f"?article={page.pk}")
    assert "Page Reader" in " ".join(texts(by_page, "//table//tbody//tr"))
    assert "Article Reader" not in " ".join(texts(by_page, "//table//tbody//tr"))
    # The page filter offers the pages that take comments, not the home page.
    offered = set(texts(by_page, "//select[@name='article']/option"))
    assert offered == {"---------", "About us", "A state visit"}  # not the home page, sections
    assert bulk(moderator, "approve", [held]).status_code == 302
    assert "About the about page." in Client().get(page.url).content.decode()


def test_refused_submissions_are_listed_with_their_rule(moderator, article):
    from headline.comments.models import Refusal

    Refusal.objects.create(article=article, rule="flood", detail="another comment within 15 s")
    listing = parse(moderator.get(reverse("wagtailsnippets_comments_refusal:list")))
    rows = " ".join(texts(listing, "//table//tbody//tr"))
    assert "Flood control" in rows and "another comment within 15 s" in rows


def test_approving_publishes_trains_the_filter_and_signals(moderator, article, lessons):
    held = make_comment(article, status="pending", body="Held but fine.")
    heard = []

    def listener(sender, **kw):
        heard.append(kw["comment"].pk)

    signals.comment_approved.connect(listener)
    try:
        assert bulk(moderator, "approve", [held]).status_code == 302
    finally:
        # Only this listener: the app's own receivers (cache purges) must stay connected.
        signals.comment_approved.disconnect(listener)
    held.refresh_from_db()
    assert held.status == "approved" and heard == [held.pk]
    assert lessons == [("learn", "Held but fine.", False)]
    assert "Held but fine." in Client().get(article.url).content.decode()
    bulk(moderator, "spam", [held])
    assert lessons[1:] == [("unlearn", "Held but fine.", False), ("learn", "Held but fine.", True)]
    assert Comment.objects.get().status == "spam"


def test_trash_delete_and_ban(moderator, article, lessons):
    trashed = make_comment(article, status="pending")
    deleted = make_comment(article, status="pending")
    troll = make_comment(
        article, email="troll@example.org", ip_address="192.0.2.9", status="pending"
    )
    bulk(moderator, "trash", [trashed])
    bulk(moderator, "delete", [deleted])
    bulk(moderator, "ban", [troll])
    assert Comment.objects.get(pk=trashed.pk).status == "trash"
    assert not Comment.objects.filter(pk=deleted.pk).exists()
    assert Comment.objects.get(pk=troll.pk).status == "spam"
    assert set(Ban.objects.values_list("email", "ip_address")) == {
        ("troll@example.org", None),
        ("", "192.0.2.9"),
    }
    assert lessons == [("learn", troll.body, True)]


def test_reply_as_staff_approves_the_parent_and_is_marked(moderator, article, lessons):
    parent = make_comment(article, status="pending", name="Curious Reader")
    url = reverse("comments_admin_reply", args=[parent.pk])
    assert "Curious Reader" in moderator.get(url).content.decode()
    assert moderator.post(url, {"body": "Thanks, we have corrected it."}).status_code == 302
    reply = Comment.objects.get(parent=parent)
    assert (reply.status, reply.by_staff, reply.depth) == ("approved", True, 2)
    tree = parse(Client().get(article.url))
    item = tree.xpath(f"//li[@id='comment-{parent.pk}']/ol/li[@id='comment-{reply.pk}']")[0]
    assert texts(item, ".//span[@class='staff-badge']") == ["Staff"]


def test_editing_a_comment(moderator, article):
    comment = make_comment(article, body="Typo hree.")
    url = reverse("comments_moderation:edit", args=[comment.pk])
    response = moderator.post(
        url, {"name": comment.name, "email": comment.email, "url": "", "body": "Typo here."}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "Typo here."


def test_staff_export_and_erase_a_commenters_data(moderator, article):
    mine = make_comment(article, email="Ada@Example.org", body="Mine.")
    reply = make_comment(article, parent=mine, email="bob@example.org", body="Reply to Ada.")
    url = reverse("comments_admin_privacy")
    exported = moderator.post(url, {"email": "ada@example.org", "action": "export"})
    data = json.loads(exported.content)
    assert [c["comment"] for c in data["comments"]] == ["Mine."]
    moderator.post(url, {"email": "ada@example.org", "action": "erase"})
    assert list(Comment.objects.values_list("body", "parent", "depth")) == [
        ("Reply to Ada.", None, 1)
    ]
    assert reply.pk == Comment.objects.get().pk


def test_moderators_are_emailed_through_a_task(client, article, django_user_model, mailoutbox):
    from django.contrib.auth.models import Group

    from .comment_helpers import post_comment, posted

    editor = django_user_model.objects.create_user("ed", "ed@newsroom.test", "x")
    editor.groups.add(Group.objects.get(name="Editors"))
    django_user_model.objects.create_superuser("root", "root@newsroom.test", "x")
    django_user_model.objects.create_user("writer", "writer@newsroom.test", "x")
    comment = posted(post_comment(client, article, body="Please check me."))
    to_moderators = [m for m in mailoutbox if "awaiting moderation" in m.subject]
    assert len(to_moderators) == 1
    assert sorted(to_moderators[0].to) == ["ed@newsroom.test", "root@newsroom.test"]
    body = to_moderators[0].body
    assert "First comment from this address" in body
    assert reverse("comments_moderation:edit", args=[comment.pk]) in body


def test_every_moderation_screen_opens(moderator, article):
    held = make_comment(article, status="pending", ip_address="192.0.2.1")
    site_id = article.get_site().pk
    bulk_url = reverse("wagtail_bulk_action", args=["comments", "comment", "approve"])
    screens = [
        reverse("comments_moderation:inspect", args=[held.pk]),
        f"{bulk_url}?id={held.pk}",
        reverse("wagtailsettings:edit", args=["comments", "commentsettings", site_id]),
        reverse("wagtailsnippets_comments_ban:add"),
        reverse("wagtailsnippets_comments_commentpolicy:add"),
        reverse("comments_admin_privacy"),
    ]
    for url in screens:
        assert moderator.get(url).status_code == 200, url
    assert "Approve these 1 comment(s)?" in moderator.get(screens[1]).content.decode()
    assert "As above (default: yes)" in moderator.get(screens[2]).content.decode()
