"""The admin answers malformed parameters with 4xx, never 5xx: every bulk action Wagtail and the
apps register, asked for objects by ids that are not ids (a checkbox's "on", words, numbers beyond
any database integer), and the listings of the apps' models with hostile query parameters.

Found when tried as an editor: `/admin/bulk/comments/comment/approve/?id=on` (a form whose
checkboxes had no value) answered 500.
"""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from wagtail import hooks

from .comment_helpers import make_comment
from .factories import make_article, make_section

pytestmark = pytest.mark.django_db

NOT_IDS = ["on", "", "abc", "9" * 30, "1.5", "\u202e1", "%00"]


@pytest.fixture
def admin_client(client):
    User.objects.create_superuser("chief", "chief@newsroom.test", "pw")
    client.login(username="chief", password="pw")
    return client


def bulk_actions():
    """(app label, model name, action) for every registered bulk action."""
    return sorted(
        {
            (model._meta.app_label, model._meta.model_name, action.action_type)
            for action in hooks.get_hooks("register_bulk_action")
            for model in action.models
        }
    )


def test_every_bulk_action_is_checked():
    assert ("comments", "comment", "approve") in bulk_actions()
    assert ("wagtailcore", "page", "publish") in bulk_actions()


@pytest.mark.parametrize("value", NOT_IDS)
def test_bulk_actions_refuse_ids_that_are_not_ids_with_400(admin_client, value):
    article = make_article(make_section("World"), "Rail strike ends")
    real = make_comment(article).pk
    for app_label, model_name, action in bulk_actions():
        url = reverse("wagtail_bulk_action", args=[app_label, model_name, action])
        for method in (admin_client.get, admin_client.post):
            response = method(f"{url}?id={real}&id={value}")
            assert response.status_code == 400, (method.__name__, url, value)
            assert b"not a valid id" in response.content
            assert b"Back to the listing" in response.content  # an admin page, with a way back


def test_a_bulk_action_with_nothing_chosen_says_so(admin_client):
    for app_label, model_name, action in bulk_actions():
        url = reverse("wagtail_bulk_action", args=[app_label, model_name, action])
        response = admin_client.get(url)
        assert response.status_code == 400, url
        assert b"No items were chosen." in response.content


def test_bulk_actions_still_take_real_ids(admin_client):
    article = make_article(make_section("World"), "Rail strike ends")
    held = make_comment(article, status="held")
    url = reverse("wagtail_bulk_action", args=["comments", "comment", "approve"])
    assert admin_client.get(f"{url}?id={held.pk}").status_code == 200
    assert admin_client.post(f"{url}?id={held.pk}").status_code == 302
    held.refresh_from_db()
    assert held.status == "approved"


def test_select_all_under_a_parent_that_is_not_a_page_answers_4xx(admin_client):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    assert admin_client.get(f"{url}?id=all&childOf=abc").status_code == 400
    assert admin_client.get(f"{url}?id=all&childOf=999999").status_code == 404
    section = make_section("World")
    make_article(section, "Rail strike ends")
    response = admin_client.get(f"{url}?id=all&childOf={section.pk}")
    assert response.status_code == 200
    assert b"Rail strike ends" in response.content


def test_bulk_actions_stay_staff_only():
    url = reverse("wagtail_bulk_action", args=["comments", "comment", "approve"])
    response = Client().get(f"{url}?id=on")
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))
