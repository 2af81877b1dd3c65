"""*Settings › Import from WordPress*: editors and admins upload an export, follow its progress
and read the report; the import runs as a background task and is recorded in the audit log."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry

from headline.importers.models import WordPressImport
from headline.importers.runs import ACTION, progress_key
from headline.news.models import ArticlePage

from .html import parse, texts
from .wxr_export import export, item

pytestmark = pytest.mark.django_db
URL = "/admin/import/wordpress/"


@pytest.fixture(autouse=True)
def import_root(settings, tmp_path):
    settings.WORDPRESS_IMPORT_ROOT = tmp_path / "imports"
    return settings.WORDPRESS_IMPORT_ROOT


def user_in(group):
    user = User.objects.create_user(group.lower(), password="pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def upload(content, name="export.xml"):
    return SimpleUploadedFile(name, content, content_type="text/xml")


@pytest.mark.parametrize("group", ["Reporters", "Moderators"])
def test_only_editors_and_admins_may_import(client, group):
    client.force_login(user_in(group))
    assert client.get(URL).status_code != 200
    client.post(URL, {"export": upload(export(item(1, "Sneaked in")))})
    assert not WordPressImport.objects.exists()
    assert not ArticlePage.objects.exists()


def test_an_editor_imports_and_reads_the_report(client, import_root):
    editor = user_in("Editors")
    client.force_login(editor)
    assert client.get(URL).status_code == 200
    response = client.post(URL, {"export": upload(export(item(1, "From WordPress")))})
    run = WordPressImport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{URL}{run.pk}/"
    assert ArticlePage.objects.get().title == "From WordPress"
    page = client.get(response["Location"]).content.decode()
    assert "What became of each kind" in page and "<progress" not in page
    status = client.get(f"{URL}{run.pk}/status.json").json()
    assert status["finished"] and status["status"] == "done"
    # The export (it holds commenters' addresses) is not kept once imported.
    assert not any(import_root.rglob("*.xml"))
    entry = ModelLogEntry.objects.get(action=ACTION)
    assert entry.user == editor and entry.data["counts"]["post"]["created"] == 1


def test_an_upload_that_is_no_export_is_refused_on_the_form(client):
    client.force_login(user_in("Editors"))
    response = client.post(URL, {"export": upload(b"<html><body>hello</body></html>")})
    assert response.status_code == 400
    assert (
        "the document is &lt;html&gt;, not the &lt;rss&gt; of a WordPress export"
        in response.content.decode()
    )
    assert not WordPressImport.objects.exists()


def test_a_running_import_shows_its_progress_with_and_without_javascript(client):
    client.force_login(user_in("Editors"))
    run = WordPressImport.objects.create(file_name="big.xml", status=WordPressImport.Status.RUNNING)
    cache.set(progress_key(run), 0.42)
    page = client.get(f"{URL}{run.pk}/").content.decode()
    assert '<progress id="import-progress" max="100" value="42"' in page
    assert '<noscript><meta http-equiv="refresh"' in page  # no JavaScript: the page asks again
    assert "importers/progress.js" in page and "<script>" not in page
    assert "Import another export" not in page  # not while this one runs
    assert client.get(f"{URL}{run.pk}/status.json").json() == {
        "status": "running",
        "label": "Importing",
        "progress": 0.42,
        "finished": False,
    }


def test_a_failed_import_says_why(client, tmp_path):
    client.force_login(user_in("Editors"))
    good = export(item(1, "Cut off"))
    response = client.post(URL, {"export": upload(good[: len(good) - 40])}, follow=True)
    page = response.content.decode()
    assert "the file ends before the export does" in page and "Nothing was imported" in page
    assert not ArticlePage.objects.exists()


def test_the_report_names_kinds_in_words_and_links_each_noted_post_to_its_editor(client):
    client.force_login(user_in("Editors"))
    laid_out = "<ul><li>A table<table><tr><td>1</td></tr></table></li></ul>"
    response = client.post(
        URL,
        {"export": upload(export(item(1, "Needs a look", content=laid_out), item(2, "Fine")))},
    )
    tree = parse(client.get(response["Location"]))
    rows = texts(tree, "//table[caption='What became of each kind']/tbody/tr/th")
    assert "Posts → articles" in rows and "Old addresses → redirects" in rows
    (note,) = tree.xpath("//h2[.='Notes']/following-sibling::ul[1]/li")
    (link,) = note.xpath(".//a")
    article = ArticlePage.objects.get(title="Needs a look")
    assert link.get("href") == f"/admin/pages/{article.pk}/edit/"
    assert link.text_content() == "Needs a look"
    assert "a list held links, layout, numbering or more text" in note.text_content()
