"""The bulk-action bar of every admin listing offers each role only what it can do.

Each role opens each listing that has a bar (pages, images, documents, users, every snippet such
as comments) and selects everything listed: every action the bar shows must open its confirmation
with something to act on, and every registered action it hides must have nothing there for the
role (Wagtail's "You don't have permission…", or a refusal).
"""

from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.documents.models import Document
from wagtail.snippets.models import get_snippet_models

from .comment_helpers import make_comment
from .factories import make_article, make_image, make_section
from .html import parse
from .test_roles import staff  # noqa: F401 (a fixture: one user per role)

pytestmark = pytest.mark.django_db

ROLES = ["reporter", "editor", "moderator", "admin"]
CONFIRMATION_FORM = "//form[@method='POST' and contains(@action, '/admin/bulk/')]"


@pytest.fixture
def newsroom(staff):  # noqa: F811 (the fixture imported above)
    """Something of each kind for each role: the reporter's own draft and upload beside the
    editor's live article and upload, and a comment waiting for moderation."""
    section = make_section("World")
    make_article(section, "Reporter's draft", publish=False, owner=staff["reporter"])
    live = make_article(section, "Editor's story", owner=staff["editor"])
    for role in ("reporter", "editor"):
        image = make_image(f"{role} photo")
        image.uploaded_by_user = staff[role]
        image.save()
        Document.objects.create(
            title=f"{role} notes",
            file=SimpleUploadedFile(f"{role}.csv", b"a,b\n1,2\n"),
            uploaded_by_user=staff[role],
        )
    make_comment(live, status="pending")
    return section


def listings(section):
    """(address, app label, model name) of every admin listing with a bulk-action bar."""
    yield reverse("wagtailadmin_explore", args=[section.pk]), "wagtailcore", "page"
    yield reverse("wagtailimages:index"), "wagtailimages", "image"
    yield reverse("wagtaildocs:index"), "wagtaildocs", "document"
    yield reverse("wagtailusers_users:index"), "auth", "user"
    for model in get_snippet_models():
        opts = model._meta
        yield reverse(model.snippet_viewset.get_url_name("list")), opts.app_label, opts.model_name


def action_url(app_label, model_name, action_class):
    return reverse("wagtail_bulk_action", args=[app_label, model_name, action_class.action_type])


def has_something_to_act_on(client, url, ids):
    """Whether the action's confirmation step offers to act on some of `ids`."""
    response = client.get(f"{url}?{urlencode([('id', pk) for pk in ids])}")
    return response.status_code == 200 and bool(parse(response).xpath(CONFIRMATION_FORM))


@pytest.mark.parametrize("role", ROLES)
def test_each_role_is_offered_exactly_the_bulk_actions_it_can_use(client, staff, newsroom, role):  # noqa: F811
    client.force_login(staff[role])
    offered_somewhere = set()
    for listing, app_label, model_name in listings(newsroom):
        response = client.get(listing)
        if response.status_code != 200:
            continue  # a listing the role is not offered (its menu item is hidden: test_roles)
        tree = parse(response)
        ids = tree.xpath("//input[@data-bulk-action-checkbox]/@data-object-id")
        shown = set(tree.xpath("//ul[contains(@class, 'bulk-actions-buttons')]//a/@href"))
        registered = {
            action_url(app_label, model_name, action_class)
            for action_class in bulk_action_registry.get_bulk_actions_for_model(
                app_label, model_name
            )
        }
        assert shown <= registered, (listing, shown - registered)
        for url in registered:
            usable = bool(ids) and has_something_to_act_on(client, url, ids)
            assert (url in shown) == usable, (listing, url, "shown" if url in shown else "hidden")
        offered_somewhere |= shown
    assert offered_somewhere, f"{role} is offered no bulk action at all"
