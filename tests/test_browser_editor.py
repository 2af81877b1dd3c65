"""The editor's working day in the real admin, in Chromium: open a reporter's submission from the
dashboard, approve it (which publishes it) and find it on the home page, its section, the feed and
the sitemap; then schedule another a minute ahead and see the task worker publish it by itself.

The worker is the production one (`manage.py db_worker`), run over the due tasks once the clock
has been moved on a minute (instead of waiting for it): the live server's in-memory database
cannot be shared with a worker thread running all along.
"""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group, User

from headline.news.models import ArticlePage

from .browser import chromium_page, save_artifact, set_go_live, sign_in
from .factories import make_article, make_author, make_section
from .test_scheduling import run_worker

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def submitted_by_reporter(section, title, slug):
    reporter = User.objects.create_user("reporter", "reporter@newsroom.test", "pw")
    reporter.groups.add(Group.objects.get(name="Reporters"))
    article = make_article(
        section, title, slug=slug, publish=False, authors=[make_author("Ana Reporter")]
    )
    revision = article.save_revision(user=reporter)
    article.get_workflow().start(article, reporter)
    assert revision
    return article


def test_editor_approves_a_submission_and_schedules_another(live_server, database_tasks):
    section = make_section("International")
    submitted_by_reporter(section, "Ceasefire talks resume", "ceasefire-talks")
    later = make_article(section, "Summit opens at noon", slug="summit-opens", publish=False)
    editor = User.objects.create_user("editor", "editor@newsroom.test", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    base = live_server.url.replace("localhost", "127.0.0.1")

    with chromium_page() as page:
        sign_in(page, base, "editor")
        # The dashboard lists the submission awaiting the editor's review.
        review = page.locator("#awaiting-review-section, section:has-text('Awaiting your review')")
        review.get_by_role("link", name="Ceasefire talks resume").first.click()
        page.wait_for_load_state("networkidle")
        save_artifact(page, "editor-1-submission.png")

        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name="Approve and Publish", exact=True).click()
        page.wait_for_load_state("networkidle")
        save_artifact(page, "editor-2-approved.png")

        article = ArticlePage.objects.get(slug="ceasefire-talks")
        assert article.live
        for path in ("/", "/international/", "/feed/", "/sitemap-articles.xml"):
            response = page.goto(base + path)
            assert response.status == 200, path
            assert "Ceasefire talks resume" in page.content() or "ceasefire-talks" in page.content()
        page.goto(base + "/international/ceasefire-talks/")
        save_artifact(page, "editor-3-published-article.png")

        # Schedule the other one a minute ahead: Status › Set schedule, then Publish.
        page.goto(base + f"/admin/pages/{later.pk}/edit/")
        go_live = set_go_live(page)
        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name="Publish").click()
        page.wait_for_load_state("networkidle")
        page.goto(base + "/admin/")
        scheduled = page.locator("#scheduled-section")
        assert "Summit opens at noon" in scheduled.inner_text()
        save_artifact(page, "editor-4-scheduled.png")
        assert page.goto(base + "/international/summit-opens/").status == 404

        # A minute later the worker has published it, with nobody touching anything.
        with time_machine.travel(go_live + timedelta(seconds=5), tick=True):
            run_worker()
            response = page.goto(base + "/international/summit-opens/")
            assert response.status == 200
            save_artifact(page, "editor-5-went-live.png")
            page.goto(base + "/")
            assert "Summit opens at noon" in page.content()
