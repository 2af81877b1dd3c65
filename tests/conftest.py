import os
import time
from pathlib import Path

import pytest
import time_machine
from django.core.cache import caches
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread

from .embed_provider import embed_provider  # noqa: F401 (a fixture for every test module)
from .shared_cache import evict_everything

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

if not os.environ.get("DATABASE_URL"):
    # On SQLite the test database is in memory, shared by the live server's threads through
    # SQLite's shared cache, where two requests writing at once fail at once with "database
    # table is locked" (Wagtail's autosave beside an image upload: a 500 in the browser tests).
    # Answered one at a time (the server thread already uses the test's connection).
    class OneRequestAtATime(WSGIServer):
        def __init__(self, *args, connections_override=None, **kwargs):
            super().__init__(*args, **kwargs)

    LiveServerThread.server_class = OneRequestAtATime


@pytest.fixture(autouse=True)
def _clean_caches(settings, tmp_path):
    """Each test starts with empty caches and its own media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    evict_everything()
    for alias in ("renditions", "fragments"):
        caches[alias].clear()
    yield


@pytest.fixture
def page_cache_off(settings):
    """For tests that count what rendering a page costs: no request is served from the page
    cache (whether one is depends on how many seconds the test took to build its data)."""
    settings.PAGE_CACHE = False


@pytest.fixture
def database_tasks(settings):
    """Tasks wait in the database for the worker, as under `make run` and in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def shared_corpus():
    """The read-only corpus beside the project; required in CI, skipped with a reason elsewhere."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{corpus} is missing: CI must have ../shared beside the project.")
        pytest.skip(f"{corpus} is missing: put the shared folder beside the project to run this.")
    return corpus


@pytest.fixture
def section():
    """A published International section; test modules needing another one define their own."""
    from .factories import make_section

    return make_section("International")


@pytest.fixture
def article(section):
    """A published article in `section`, for tests about what happens on an article page."""
    from .factories import make_article

    return make_article(section, "A state visit")


@pytest.fixture
def lessons(monkeypatch):
    """What the spam filter is taught, in order: ("learn" or "unlearn", text, is_spam)."""
    from headline.spamfilter import filter as spamfilter

    taught = []
    monkeypatch.setattr(
        spamfilter, "learn", lambda text, **kw: taught.append(("learn", text, kw["is_spam"]))
    )
    monkeypatch.setattr(
        spamfilter, "unlearn", lambda text, **kw: taught.append(("unlearn", text, kw["is_spam"]))
    )
    return taught


@pytest.fixture
def clock():
    """A clock that runs, which a test moves forward with `clock.skip()`."""

    class Clock:
        def __init__(self):
            self.traveller = time_machine.travel(time.time(), tick=True)
            self.moved = self.traveller.start()

        def skip(self, seconds=3):
            self.moved.shift(seconds)

        def settle(self, client, urls):
            """Read `urls` (their versions now exist), step past the store rule, store them."""
            for url in urls:
                client.get(url)
            self.skip()
            for url in urls:
                client.get(url)

    clock = Clock()
    yield clock
    clock.traveller.stop()
