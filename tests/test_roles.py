"""The newsroom's roles in the real admin: each opens everything it is offered, and only that.

Reporters, Editors and Moderators come from the migrations, as on a fresh install. Each role logs
in and follows every entry of the admin menu it is shown and every link the app emails it; each
must answer 200 (a "Sorry, you do not have permission" is a redirect to the dashboard). Admin
pages must not make the browser fetch anything from another host (no Gravatar).
"""

import io
import json
import re
from urllib.parse import urlsplit

import lxml.html
import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Workflow

from headline.comments.models import Comment

from .comment_helpers import make_comment, post_comment, posted
from .factories import make_article

pytestmark = pytest.mark.django_db

ROLES = {"reporter": "Reporters", "editor": "Editors", "moderator": "Moderators", "admin": None}
LOCAL_HOSTS = {"testserver", "localhost", "127.0.0.1", "[::1]"}
FOREIGN_URL = re.compile(r"(?:https?:)?//([\w.-]+(?::\d+)?)", re.ASCII)


@pytest.fixture
def staff():
    """One user per role, named after it, each with an address for the app's emails."""
    users = {}
    for username, group in ROLES.items():
        user = User.objects.create_user(
            username, f"{username}@newsroom.test", "pw", is_superuser=group is None
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        users[username] = user
    return users


def unpack(value, refs):
    """Resolve the sharing markers (`_val`/`_id`, `_ref`) of Wagtail's telepath-packed props."""
    if isinstance(value, dict):
        if "_ref" in value:
            return refs[value["_ref"]]
        if "_val" in value:
            resolved = unpack(value["_val"], refs)
            refs[value["_id"]] = resolved
            return resolved
        return {key: unpack(item, refs) for key, item in value.items()}
    if isinstance(value, list):
        return [unpack(item, refs) for item in value]
    return value


def menu_entries(html):
    """(label, url) of every link in the rendered admin sidebar, submenus included."""
    tree = lxml.html.fromstring(html)
    props = unpack(json.loads(tree.get_element_by_id("wagtail-sidebar-props").text), {})
    entries = []

    def walk(node):
        if isinstance(node, dict):
            if "url" in node and "label" in node:
                entries.append((node["label"], node["url"]))
            for item in node.values():
                walk(item)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(props)
    return entries


def main_links(html):
    """The admin links in a page's main content (not the sidebar): panels, rows, buttons."""
    tree = lxml.html.fromstring(html)
    hrefs = tree.xpath("//main//a/@href")
    return sorted({href for href in hrefs if href.startswith("/admin/")})


def search_forms(html):
    """The actions of the search forms in a page's main content (the dashboard's page search)."""
    tree = lxml.html.fromstring(html)
    return sorted(set(tree.xpath("//main//form[@role='search']/@action")))


def local_path(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


MENUS = {
    # Each role's own tools, and what it must not be offered.
    "reporter": ({"Pages", "Images", "Documents", "Snippets"}, {"Comments", "Tags", "Settings"}),
    "editor": (
        {"Pages", "Images", "Documents", "Comments", "Tags", "Import from WordPress"},
        {"Commenter data"},
    ),
    "moderator": (
        {"Comments", "Snippets"},
        {"Pages", "Images", "Documents", "Tags", "Import from WordPress"},
    ),
    "admin": (
        {
            "Pages",
            "Comments",
            "Tags",
            "Commenter data",
            "Comment settings",
            "Import from WordPress",
        },
        set(),
    ),
}


@pytest.mark.parametrize("role", ROLES)
def test_every_admin_menu_entry_opens_for_the_role_that_sees_it(client, staff, article, role):
    make_comment(article, status=Comment.Status.PENDING)
    # Something in every dashboard panel: a draft in review, a locked page, recent edits.
    draft = make_article(article.get_parent().specific, "Harbour reopens", publish=False)
    draft.save_revision(user=staff["reporter"])
    Workflow.objects.get(name="Editorial review").start(draft, staff["reporter"])
    article.save_revision(user=staff[role])
    client.force_login(staff[role])
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    entries = menu_entries(dashboard.content.decode())
    labels = {label.split(" (")[0] for label, _ in entries}
    expected, hidden = MENUS[role]
    assert expected <= labels, f"{role} misses {expected - labels}"
    assert not hidden & labels, f"{role} is offered {hidden & labels}"
    followed = {"/admin/"}
    for action in search_forms(dashboard.content.decode()):
        assert opens(client, f"{action}?q=harbour"), f"{role}: the dashboard's search {action}"
    linked = {url: "the dashboard" for url in main_links(dashboard.content.decode())}
    for label, url in entries:
        assert not urlsplit(url).netloc, f"{role}'s menu entry {label!r} leaves the site: {url}"
        if url.startswith("#"):
            continue  # opens a dialog on the page (keyboard shortcuts)
        response = client.get(url, follow=True)
        assert answers(response), f"{role}: {label!r} {url} does not open"
        followed.add(url)
        for link in main_links(response.content.decode()):
            linked.setdefault(link, label)
    assert len(followed) >= 4
    # One step further: every link in the pages the menu opens (listings, reports, settings).
    # Bulk actions are left out: their buttons act on the rows selected, and need a selection.
    for url, where in sorted(linked.items()):
        if url not in followed and not url.startswith(("/admin/bulk/", "/admin/logout/")):
            assert opens(client, url), f"{role}: {url}, linked from {where}, does not open"


def opens(client, url):
    """Whether the page at `url` opens, following redirects (settings go to the site's own);
    Wagtail answers "no permission" with a redirect to the dashboard and that message."""
    return answers(client.get(url, follow=True))


def answers(response):
    if response.streaming:  # a report's CSV or spreadsheet download
        return response.status_code == 200
    return response.status_code == 200 and "do not have permission" not in response.text


def held_comment_mail(client, article, mailoutbox):
    comment = posted(post_comment(client, article, body="First time here."))
    assert comment.status == Comment.Status.PENDING
    (mail,) = [m for m in mailoutbox if "awaiting moderation" in m.subject]
    return comment, mail


def test_the_held_comment_email_reaches_those_its_link_answers(client, staff, article, mailoutbox):
    comment, mail = held_comment_mail(client, article, mailoutbox)
    assert sorted(mail.to) == [f"{role}@newsroom.test" for role in ("admin", "editor", "moderator")]
    links = re.findall(r"https?://\S+", mail.body)
    assert links
    for role in ("admin", "editor", "moderator"):
        client.force_login(staff[role])
        for link in links:
            response = client.get(local_path(link))
            assert response.status_code == 200, f"{role}: {link} → {response.status_code}"
            assert comment.body in response.text


def test_wagtail_workflow_emails_link_to_pages_their_reader_may_open(
    client, staff, section, mailoutbox
):
    """Submitted for review → Editors; approved → the reporter who submitted it."""
    draft = make_article(section, "Harbour reopens", publish=False)
    draft.save_revision(user=staff["reporter"])
    Workflow.objects.get(name="Editorial review").start(draft, staff["reporter"])
    follow_mailed_links(client, staff["editor"], mailoutbox)
    mailoutbox.clear()

    task_state = draft.current_workflow_task_state
    task_state.task.on_action(task_state, staff["editor"], "approve")
    follow_mailed_links(client, staff["reporter"], mailoutbox)


def follow_mailed_links(client, user, mailoutbox):
    mails = [mail for mail in mailoutbox if user.email in mail.to]
    links = [link for mail in mails for link in re.findall(r"https?://[^\s\"<>]+", mail.body)]
    assert links, f"no link mailed to {user}: {[mail.subject for mail in mailoutbox]}"
    client.force_login(user)
    for link in links:
        response = client.get(local_path(link))
        assert response.status_code == 200, f"{user}: {link} → {response.status_code}"


def a_png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), (200, 80, 40)).save(buffer, "PNG")
    return SimpleUploadedFile("harbour.png", buffer.getvalue(), content_type="image/png")


def a_csv():
    return SimpleUploadedFile("budget.csv", b"year,total\n2026,10\n", content_type="text/csv")


@pytest.mark.parametrize(
    "app, prefix, model, upload_file",
    [("wagtailimages", "image", Image, a_png), ("wagtaildocs", "document", Document, a_csv)],
)
def test_a_reporter_uploads_in_the_chooser_and_chooses_it(
    client, staff, app, prefix, model, upload_file
):
    """The library as a reporter meets it in the article editor: an Upload tab that works."""
    client.force_login(staff["reporter"])
    assert client.get(reverse(f"{app}:index")).status_code == 200
    chooser = client.get(reverse(f"{app}_chooser:choose")).json()
    assert 'id="tab-label-upload"' in chooser["html"], "the chooser has no Upload tab"

    upload = client.post(
        reverse(f"{app}_chooser:create"),
        {
            f"{prefix}-chooser-upload-title": "Harbour at dawn",
            f"{prefix}-chooser-upload-file": upload_file(),
        },
    ).json()
    assert upload["step"] == "chosen", upload
    item = model.objects.get(title="Harbour at dawn")
    assert item.uploaded_by_user == staff["reporter"]
    chosen = client.get(reverse(f"{app}_chooser:chosen", args=[item.pk])).json()
    assert chosen["step"] == "chosen" and chosen["result"]["id"] == str(item.pk)
    assert client.get(reverse(f"{app}:edit", args=[item.pk])).status_code == 200


def test_a_moderator_cannot_edit_or_publish_pages(client, staff, article):
    client.force_login(staff["moderator"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    response = client.get(edit_url)
    assert response.status_code in (302, 403)
    client.post(edit_url, {"title": "Taken over", "action-publish": "publish"})
    article.refresh_from_db()
    assert article.title == "A state visit"
    assert client.get(reverse("wagtailimages:index")).status_code != 200


def test_an_editor_moderates_and_bans(client, staff, article):
    held = make_comment(article, status=Comment.Status.PENDING, ip_address="192.0.2.7")
    spam = make_comment(article, status=Comment.Status.PENDING, email="spam@example.org")
    client.force_login(staff["editor"])
    queue = client.get(reverse("comments_moderation:list") + "?status=pending")
    assert queue.status_code == 200 and held.body in queue.content.decode()

    def bulk(action, comment):
        url = reverse("wagtail_bulk_action", args=["comments", "comment", action])
        return client.post(f"{url}?id={comment.pk}&next=/admin/")

    assert bulk("approve", held).status_code == 302
    assert bulk("ban", spam).status_code == 302
    held.refresh_from_db()
    spam.refresh_from_db()
    assert held.status == Comment.Status.APPROVED and spam.status == Comment.Status.SPAM
    assert client.get(reverse("wagtailsnippets_comments_ban:list")).status_code == 200
    assert "spam@example.org" in client.get(reverse("wagtailsnippets_comments_ban:list")).text
    assert client.get(reverse("wagtailsnippets_comments_refusal:list")).status_code == 200


def test_commenter_data_is_only_for_those_given_it(client, staff, article):
    url = reverse("comments_admin_privacy")
    for role in ("reporter", "editor", "moderator"):
        client.force_login(staff[role])
        assert client.get(url).status_code == 302, (
            role
        )  # Wagtail: "no permission", to the dashboard
    client.force_login(staff["admin"])
    assert client.get(url).status_code == 200


def foreign_references(html):
    """Every URL on another host that the page would load or offer in its menus.

    Plain links in the page text (`<a href>`) are the user's to follow; every other attribute
    (src, srcset, link href, data-* props), inline style and script data counts.
    """
    tree = lxml.html.fromstring(html)
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        values = [v for k, v in element.attrib.items() if not (element.tag == "a" and k == "href")]
        if element.tag in ("script", "style") and element.text:
            values.append(element.text)
        for value in values:
            found += [h for h in FOREIGN_URL.findall(value) if h.split(":")[0] not in LOCAL_HOSTS]
    return found


def test_admin_screens_reference_no_other_host(client, staff, article):
    make_comment(article, status=Comment.Status.PENDING)
    editor = staff["editor"]
    client.force_login(editor)
    screens = [
        "/admin/",
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        reverse("comments_moderation:list") + "?status=pending",
        reverse("wagtailadmin_account"),
    ]
    for url in screens:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "gravatar" not in html.lower(), url
        assert foreign_references(html) == [], url
    assert "wagtailadmin/images/default-user-avatar" in client.get("/admin/").content.decode()


@pytest.mark.parametrize("role", ["moderator", "editor"])
def test_every_link_in_the_comment_queue_opens(client, staff, article, role):
    held = make_comment(article, status=Comment.Status.PENDING)
    client.force_login(staff[role])
    screens = [
        reverse("comments_moderation:list") + "?status=pending",
        reverse("comments_moderation:edit", args=[held.pk]),
        reverse("comments_moderation:inspect", args=[held.pk]),
        reverse("wagtailsnippets:index"),
    ]
    links = set()
    for url in screens:
        links.update(main_links(client.get(url).content.decode()))
    # The bulk bar's actions get the selected comments' ids from the page's script.
    links = {link for link in links if not link.startswith("/admin/bulk/")}
    assert reverse("comments_admin_reply", args=[held.pk]) in links
    for link in sorted(links):
        assert opens(client, link), f"{role}: {link} does not open"


@pytest.mark.parametrize(
    "app, prefix, model, upload_file",
    [("wagtailimages", "image", Image, a_png), ("wagtaildocs", "document", Document, a_csv)],
)
def test_only_editors_delete_what_others_uploaded(client, staff, app, prefix, model, upload_file):
    """Wagtail counts deleting as changing: a reporter may delete only their own uploads."""
    theirs = model.objects.create(
        title="On the front page", file=upload_file(), uploaded_by_user=staff["editor"]
    )
    own = model.objects.create(title="Mine", file=upload_file(), uploaded_by_user=staff["reporter"])
    client.force_login(staff["reporter"])
    client.post(reverse(f"{app}:delete", args=[theirs.pk]))
    assert model.objects.filter(pk=theirs.pk).exists()
    assert client.post(reverse(f"{app}:delete", args=[own.pk])).status_code == 302
    assert not model.objects.filter(pk=own.pk).exists()
    client.force_login(staff["editor"])
    client.post(reverse(f"{app}:delete", args=[theirs.pk]))
    assert not model.objects.filter(pk=theirs.pk).exists()
