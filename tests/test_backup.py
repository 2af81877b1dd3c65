"""Backups that restore: `manage.py backup DIR` then `restore DIR` brings back every page, image,
comment and redirect of a wiped site, on whichever lane runs (SQLite, or PostgreSQL + Redis);
a wrong, corrupt or partial backup is refused with a clear error and changes nothing."""

import json
import shutil
from hashlib import sha256
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from headline.comments.models import Comment

from .comment_helpers import make_comment
from .factories import make_article, make_image, make_section, paragraph

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def media_files():
    """Every file under MEDIA_ROOT (originals and renditions), as bytes by relative path."""
    root = Path(settings.MEDIA_ROOT)
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def comments():
    return list(
        Comment.objects.order_by("pk").values(
            "pk", "article_id", "parent_id", "depth", "name", "email", "body", "status"
        )
    )


def wipe():
    """Lose the site: every table dropped, every uploaded file deleted."""
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA foreign_keys = OFF")
            for table in tables:
                cursor.execute(f'DROP TABLE IF EXISTS "{table}"')  # FTS tables own others
            cursor.execute("PRAGMA foreign_keys = ON")
        else:
            cursor.execute("DROP TABLE {} CASCADE".format(", ".join(f'"{t}"' for t in tables)))
    shutil.rmtree(settings.MEDIA_ROOT)


@pytest.fixture(autouse=True)
def _database_for_the_next_test():
    """Leave the test database as the next test expects: with its tables (a test may fail
    between wiping and restoring), and with the content types cached, as before the restore
    emptied that cache. Django's serialized rollback reloads the migrations' rows after a flush;
    saving them looks content types up, and an empty cache would create them again under new
    ids, clashing with the reloaded ones."""
    yield
    if "django_migrations" not in connection.introspection.table_names():
        call_command("migrate", verbosity=0)
    ContentType.objects.get_for_models(*apps.get_models())


@pytest.fixture
def site():
    """Articles with lead and body images, tags, threaded comments (approved and held) and
    redirects, each article page visited once so its renditions exist."""
    section = make_section("International")
    photo, inline = make_image("Harbour at dawn"), make_image("Crowd", color=(200, 40, 40))
    body = [paragraph("The harbour reopened."), {"type": "image", "value": {"image": inline.pk}}]
    first = make_article(section, "Harbour reopens", lead_image=photo, tags=["ports"], body=body)
    second = make_article(section, "Ferries return", tags=["ports", "Zürich"])
    thread = make_comment(first, body="Good news at last.")
    make_comment(first, parent=thread, body="Agreed, and about time.")
    make_comment(first, body="Held for a moderator.", status=Comment.Status.PENDING)
    make_comment(second, body="First ferry was full.")
    Redirect.objects.create(old_path="/old-harbour-story", redirect_page=first)
    Redirect.objects.create(old_path="/ferries", redirect_link="https://example.org/ferries")
    return [first, second]


def pages(client, articles):
    """What readers get: each article page's HTML, and where each redirect leads."""
    shown = {article.url: client.get(article.url) for article in articles}
    assert all(response.status_code == 200 for response in shown.values())
    answers = {path: client.get(path) for path in ("/old-harbour-story", "/ferries")}
    assert all(response.status_code == 301 for response in answers.values())
    return (
        {url: response.content.decode() for url, response in shown.items()},
        {path: response["Location"] for path, response in answers.items()},
    )


def test_a_wiped_site_comes_back_whole(client, site, tmp_path):
    html, redirects = pages(client, site)
    assert "Agreed, and about time." in html[site[0].url]
    files, thread = media_files(), comments()
    assert any(name.startswith("images/") for name in files)  # renditions, not only originals

    call_command("backup", str(tmp_path / "backup"))
    wipe()
    assert not Path(settings.MEDIA_ROOT).exists()
    call_command("restore", str(tmp_path / "backup"))

    assert pages(client, site) == (html, redirects)
    assert media_files() == files
    assert comments() == thread


def test_restore_replaces_what_changed_since_and_no_cached_page_survives(client, site, tmp_path):
    article = site[0]
    before = client.get(article.url).content.decode()
    call_command("backup", str(tmp_path / "backup"))

    page = Page.objects.get(pk=article.pk).specific
    page.title = "Harbour closes again"
    page.save_revision().publish()
    later = make_article(Page.objects.get(pk=article.get_parent().pk).specific, "Added later")
    make_image("Uploaded later")
    assert "Harbour closes again" in client.get(article.url).content.decode()
    assert client.get(later.url).status_code == 200  # now in the page cache too

    call_command("restore", str(tmp_path / "backup"))

    assert client.get(article.url).content.decode() == before
    assert client.get(later.url).status_code == 404
    assert not any("Uploaded" in name for name in media_files())


@pytest.fixture
def backup_dir(tmp_path):
    """A good backup of an article with an image, then a change made after it: a refused
    restore must keep that change and every media file."""
    section = make_section("International")
    make_article(section, "Harbour reopens", lead_image=make_image("Harbour at dawn"))
    directory = tmp_path / "backup"
    call_command("backup", str(directory))
    make_article(section, "Written after the backup")
    return directory


def assert_refused(directory, message):
    files = media_files()
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(directory))
    assert Page.objects.filter(title="Written after the backup").exists()
    assert media_files() == files


def edit_manifest(directory, change):
    path = directory / "manifest.json"
    manifest = json.loads(path.read_text())
    change(manifest)
    path.write_text(json.dumps(manifest))


def database_file(directory):
    return next(directory.glob("database.*"))


def test_missing_folder_is_refused(backup_dir):
    assert_refused(backup_dir.parent / "nowhere", "There is no backup folder")


def test_backup_without_manifest_is_refused_as_unfinished(backup_dir):
    (backup_dir / "manifest.json").unlink()
    assert_refused(backup_dir, "did not finish")


def test_truncated_dump_is_refused(backup_dir):
    path = database_file(backup_dir)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert_refused(backup_dir, "truncated")


def test_checksum_mismatch_is_refused(backup_dir):
    image = next((backup_dir / "media").rglob("*.jpg"))
    data = bytearray(image.read_bytes())
    data[len(data) // 2] ^= 0xFF
    image.write_bytes(bytes(data))
    assert_refused(backup_dir, "checksum")


def test_unreadable_dump_with_matching_manifest_is_refused(backup_dir):
    path = database_file(backup_dir)
    path.write_bytes(b"not a database at all" * 100)
    described = {"size": path.stat().st_size, "sha256": sha256(path.read_bytes()).hexdigest()}
    edit_manifest(backup_dir, lambda manifest: manifest["files"][path.name].update(described))
    assert_refused(backup_dir, "not a")


def test_backup_from_newer_migrations_is_refused(backup_dir):
    edit_manifest(backup_dir, lambda m: m["migrations"].append(["news", "9999_from_the_future"]))
    assert_refused(backup_dir, "newer Headline.*news.9999_from_the_future")


def test_backup_of_another_engine_is_refused(backup_dir):
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    edit_manifest(backup_dir, lambda manifest: manifest.update(engine=other))
    assert_refused(backup_dir, "same kind of database")


def test_newer_backup_format_is_refused(backup_dir):
    edit_manifest(backup_dir, lambda manifest: manifest.update(format=2))
    assert_refused(backup_dir, "format 2")


def test_backup_never_overwrites_a_folder(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "keep.txt").write_text("an older backup")
    with pytest.raises(CommandError, match="not an empty folder"):
        call_command("backup", str(tmp_path / "old"))
    assert (tmp_path / "old" / "keep.txt").read_text() == "an older backup"
