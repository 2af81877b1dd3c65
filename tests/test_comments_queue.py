"""One click per comment: the queue's and the edit page's decision buttons, Undo, the inspect
page, and the spam score as moderators read it."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from headline.spamfilter.filter import as_percent

from .comment_helpers import make_comment
from .html import parse, texts

pytestmark = pytest.mark.django_db

QUEUE = "/admin/comments/queue/?status=pending"
JSON = {"HTTP_ACCEPT": "application/json"}


def staff_client(role):
    """A client logged in as a new member of `role` (a group), or as a superuser for None."""
    user = User.objects.create_user(
        f"{role or 'root'}-user", f"{role or 'root'}@newsroom.test", "pw", is_superuser=not role
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def moderator():
    return staff_client("Moderators")


def decide(client, comment, status, next_url=QUEUE, **headers):
    url = reverse("comments_admin_decide", args=[comment.pk])
    return client.post(url, {"status": status, "next": next_url}, **headers)


def undo(client, next_url=QUEUE, **headers):
    return client.post(reverse("comments_admin_undo"), {"next": next_url}, **headers)


def status_of(comment):
    comment.refresh_from_db()
    return comment.status


def decision_buttons(tree, comment):
    """{label: enabled} of the comment's one-click buttons on a page."""
    block = tree.xpath(f"//*[@data-comment='{comment.pk}']")
    assert block, f"no decision buttons for comment {comment.pk}"
    buttons = block[0].xpath(".//form[@method='post']//button[@name='status']")
    return {button.text_content().strip(): "disabled" not in button.attrib for button in buttons}


def test_each_queue_row_offers_one_click_decisions_and_the_score_in_percent(moderator, article):
    held = make_comment(
        article, status="pending", spam_score=0.9987891082478868, rule="links", rule_detail="3"
    )
    tree = parse(moderator.get(QUEUE))
    (row,) = tree.xpath("//table[contains(@class, 'listing')]/tbody/tr")
    cells = " | ".join(texts(row, "./td"))
    assert "99.9 % spam" in cells and "0.998" not in cells
    assert "Too many links: 3" in cells and "Awaiting moderation" in cells
    assert decision_buttons(row, held) == {"Approve": True, "Spam": True, "Trash": True}
    (form,) = row.xpath(".//form[.//button[@name='status']]")
    assert form.get("action") == reverse("comments_admin_decide", args=[held.pk])
    assert form.xpath(".//input[@name='csrfmiddlewaretoken']")
    assert form.xpath(".//input[@name='next']/@value") == [QUEUE]
    legend = " ".join(texts(tree, "//*[@data-comment-shortcuts]"))
    assert "j next" in legend and "a approve" in legend and "u undo" in legend


@pytest.mark.parametrize(
    "status, taught",
    [
        ("approved", [("learn", "Fine.", False)]),
        ("spam", [("learn", "Fine.", True)]),
        ("trash", []),
    ],
)
def test_one_click_decides_trains_the_filter_and_returns_to_the_queue(
    moderator, article, lessons, status, taught
):
    held = make_comment(article, status="pending", body="Fine.")
    response = decide(moderator, held, status)
    assert response.status_code == 302 and response["Location"] == QUEUE
    assert status_of(held) == status
    assert lessons == taught
    public = Client().get(article.url).content.decode()
    assert ("Fine." in public) == (status == "approved")
    page = moderator.get(QUEUE).content.decode()
    assert "Last decision:" in page and "Grace Commenter: Fine." in page


def test_the_queue_script_gets_the_new_state_as_json(moderator, article):
    held = make_comment(article, status="pending", body="Fine.")
    answer = decide(moderator, held, "spam", **JSON).json()
    assert answer == {
        "comment": held.pk,
        "status": "spam",
        "status_label": "Spam",
        "message": "Marked as spam: “Grace Commenter: Fine.”",
        "undo": "Marked as spam: “Grace Commenter: Fine.”",
    }


def test_undo_gives_back_the_status_and_the_filters_lesson(moderator, article, lessons):
    first = make_comment(article, status="pending", body="First.")
    second = make_comment(article, status="spam", body="Second.", trained_as="spam")
    decide(moderator, first, "approved")
    decide(moderator, second, "approved")
    assert lessons == [
        ("learn", "First.", False),
        ("unlearn", "Second.", True),
        ("learn", "Second.", False),
    ]
    del lessons[:]
    answer = undo(moderator, **JSON).json()
    assert (answer["comment"], answer["status"]) == (second.pk, "spam")
    assert answer["undo"] == "Approved: “Grace Commenter: First.”"
    assert lessons == [("unlearn", "Second.", False), ("learn", "Second.", True)]
    assert undo(moderator).status_code == 302
    assert lessons[2:] == [("unlearn", "First.", False)]
    assert (status_of(first), status_of(second)) == ("pending", "spam")
    first.refresh_from_db()
    assert first.trained_as == ""
    assert "Second." not in Client().get(article.url).content.decode()
    nothing = undo(moderator, **JSON)
    assert nothing.status_code == 409 and nothing.json()["message"] == (
        "There is no decision to undo."
    )


def test_undo_leaves_a_comment_someone_changed_since(moderator, article):
    held = make_comment(article, status="pending")
    decide(moderator, held, "approved")
    staff_client("Editors").post(
        reverse("comments_admin_decide", args=[held.pk]), {"status": "trash"}
    )
    response = undo(moderator, **JSON)
    assert response.status_code == 409
    assert "changed or deleted since" in response.json()["message"]
    assert status_of(held) == "trash"


def test_the_edit_page_shows_the_status_and_decides_in_one_click(moderator, article):
    """The page the held-comment email links to."""
    held = make_comment(article, status="pending", body="Is this confirmed?")
    edit_url = reverse("comments_moderation:edit", args=[held.pk])
    tree = parse(moderator.get(edit_url))
    panel = tree.xpath("//section[@aria-labelledby='comment-moderation-heading']")[0]
    assert texts(panel, ".//*[@data-comment-status]") == ["Awaiting moderation"]
    assert decision_buttons(panel, held) == {"Approve": True, "Spam": True, "Trash": True}
    # The decision form is not inside the edit form (forms cannot nest).
    assert not tree.xpath("//form//form")
    response = decide(moderator, held, "approved", next_url=edit_url)
    assert response["Location"] == edit_url
    tree = parse(moderator.get(edit_url))
    assert texts(tree, "//*[@data-comment-status]") == ["Approved"]
    assert decision_buttons(tree, held) == {"Approve": False, "Spam": True, "Trash": True}
    assert "Is this confirmed?" in Client().get(article.url).content.decode()


@pytest.mark.parametrize("role", ["Moderators", "Editors", None])
def test_moderators_editors_and_superusers_decide(article, role):
    held = make_comment(article, status="pending")
    client = staff_client(role)
    assert decide(client, held, "approved").status_code == 302
    assert undo(client).status_code == 302
    assert status_of(held) == "pending"


def test_a_reporter_may_not_decide_or_undo(article):
    held = make_comment(article, status="pending")
    moderator = staff_client("Moderators")
    decide(moderator, held, "approved")
    reporter = staff_client("Reporters")
    refused = decide(reporter, held, "spam")
    assert refused.status_code == 403
    assert refused.content.decode() == "You may not moderate comments."
    assert decide(reporter, held, "spam", **JSON).status_code == 403
    assert undo(reporter).status_code == 403
    assert status_of(held) == "approved"
    anonymous = decide(Client(), held, "spam")
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    assert status_of(held) == "approved"


@pytest.mark.parametrize("status", ["", "pending", "deleted", "APPROVED"])
def test_an_unknown_decision_is_refused_and_changes_nothing(moderator, article, status):
    held = make_comment(article, status="pending")
    response = decide(moderator, held, status)
    assert response.status_code == 400
    assert "Choose Approve, Spam or Trash." in response.content.decode()
    assert status_of(held) == "pending"
    assert undo(moderator, **JSON).status_code == 409


def test_decisions_are_posts_and_a_missing_comment_is_404(moderator, article):
    held = make_comment(article, status="pending")
    # A decision's address opened as a page (a link followed, a reload) leads to the queue and
    # decides nothing; it answered an empty 405.
    for url in (reverse("comments_admin_decide", args=[held.pk]), reverse("comments_admin_undo")):
        response = moderator.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("comments_moderation:list")
    assert status_of(held) == "pending"
    gone = reverse("comments_admin_decide", args=[held.pk + 1000])
    assert moderator.post(gone, {"status": "spam"}).status_code == 404


def test_a_foreign_next_address_is_not_followed(moderator, article):
    held = make_comment(article, status="pending")
    response = decide(moderator, held, "spam", next_url="https://elsewhere.example/")
    assert response["Location"] == reverse("comments_moderation:list")


def inspect(client, comment):
    response = client.get(reverse("comments_moderation:inspect", args=[comment.pk]))
    assert response.status_code == 200
    tree = parse(response)
    terms = texts(tree, "//main//dl/dt")
    return dict(zip(terms, texts(tree, "//main//dl/dd"), strict=True)), response.content.decode()


def test_inspect_shows_what_a_moderator_weighs_and_no_internal_field(moderator, article):
    address = {"email": "Troll@Example.org", "ip_address": "203.0.113.77"}
    for status in ("approved", "spam", "spam", "trash"):
        make_comment(article, status=status, **address)
    make_comment(article, status="spam", email="other@example.org", ip_address="203.0.113.77")
    held = make_comment(
        article,
        status="pending",
        name="Tess Troll",
        url="https://troll.example/",
        body="Line one.\nLine two.",
        spam_score=0.42,
        rule="first_time",
        rule_detail="no earlier approved comment",
        **address,
    )
    make_comment(article, status="approved", **address)  # later: not an earlier comment
    fields, html = inspect(moderator, held)
    assert fields == {
        "Comment": "Line one.Line two.",
        "Name": "Tess Troll",
        "Website": "https://troll.example/",
        "Page": "A state visit",  # the commented page, an article here
        "Posted": fields["Posted"],
        "Status": "Awaiting moderation",
        "Rule that decided": "First comment from this address: no earlier approved comment",
        "Spam filter": "42.0 % spam",
        "Earlier comments from this email address": "4: 1 approved, 2 spam, 1 trash",
        "Earlier comments from this IP address": "5: 1 approved, 3 spam, 1 trash",
    }
    assert held.created_at.strftime("%Y") in fields["Posted"]
    assert "<p>Line one.<br>Line two.</p>" in html
    assert parse_links(html, "A state visit") == [article.url]
    for secret in ("203.0.113.77", held.fingerprint, "troll@example.org", "By staff"):
        assert secret.lower() not in html.lower(), secret


def parse_links(html, label):
    import lxml.html

    tree = lxml.html.fromstring(html)
    return [a.get("href") for a in tree.xpath("//main//a") if a.text_content().strip() == label]


def test_the_email_is_shown_only_to_those_who_may_see_commenter_data(article):
    held = make_comment(article, status="pending", email="ada@example.org")
    superuser = staff_client(None)
    fields, _ = inspect(superuser, held)
    assert fields["Email"] == "ada@example.org"
    edit_url = reverse("comments_moderation:edit", args=[held.pk])
    assert 'value="ada@example.org"' in superuser.get(edit_url).content.decode()
    for role in ("Moderators", "Editors"):
        client = staff_client(role)
        fields, html = inspect(client, held)
        assert "Email" not in fields and "ada@example.org" not in html
        edit = client.get(edit_url).content.decode()
        assert "ada@example.org" not in edit
        # Saving the edit form without the field keeps the address.
        response = client.post(edit_url, {"name": held.name, "url": "", "body": "Edited."})
        assert response.status_code == 302
        held.refresh_from_db()
        assert (held.body, held.email) == ("Edited.", "ada@example.org")


def test_inspect_says_when_nothing_is_known(moderator, article):
    comment = make_comment(article, status="approved", ip_address=None)
    fields, _ = inspect(moderator, comment)
    assert fields["Rule that decided"] == "None: approved when posted"
    assert fields["Spam filter"] == "Not scored"
    assert fields["Earlier comments from this email address"] == "None"
    assert fields["Earlier comments from this IP address"].startswith("Unknown")


@given(st.floats(min_value=0, max_value=1))
def test_a_score_reads_as_a_percentage_never_rounded_to_certainty(score):
    shown = as_percent(score)
    match = re.fullmatch(r"([<>] )?(\d{1,3}\.\d)\u00a0%", shown)
    assert match, shown
    value = float(match.group(2))
    if match.group(1) == "> ":
        assert 0.9995 <= score < 1 and value == 99.9
    elif match.group(1) == "< ":
        assert 0 < score < 0.0005 and value == 0.1
    else:
        assert abs(value - score * 100) <= 0.05 + 1e-9
        assert (value == 100) == (score == 1) and (value == 0) == (score == 0)


@pytest.mark.parametrize("score", [-0.1, 1.5, float("nan")])
def test_a_score_outside_0_to_1_is_an_error(score):
    with pytest.raises(ValueError):
        as_percent(score)


def test_the_queue_costs_the_same_queries_for_3_or_30_comments(moderator, section):
    from .factories import make_article
    from .test_query_counts import queries_for

    decided = make_comment(make_article(section, "Decided"), status="pending")
    decide(moderator, decided, "trash")  # a decision in the session: the Undo line shows
    counts = []
    for size in (3, 30):
        article = make_article(section, f"Story {size}")
        for n in range(size):
            make_comment(article, status="pending", body=f"{size}-{n}", spam_score=0.5)
        counts.append(queries_for(moderator, f"{QUEUE}&article={article.pk}"))
    assert counts[0] == counts[1]
