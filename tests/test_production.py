"""The documented production command serves the site: gunicorn, production settings, WhiteNoise."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(tmp_path, **extra):
    # DJANGO_ALLOW_ASYNC_UNSAFE is the browser tests' (Playwright in the test process); a
    # deployment never sets it, and `check --deploy` refuses it.
    unset = ("DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(
        DJANGO_SETTINGS_MODULE="headline.settings.production",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        SECRET_KEY="a-production-secret",
        ALLOWED_HOSTS="127.0.0.1",
        HTTPS="0",  # plain HTTP on loopback
    )
    env.update(extra)
    return env


def manage(env, *args):
    return subprocess.run(
        [str(BIN / "python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    result = manage(env, "check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_settings_refuse_a_per_process_cache_unless_told_of_a_single_process(tmp_path):
    env = production_env(tmp_path)
    env.pop("REDIS_URL", None)
    refused = manage(env, "check")
    assert refused.returncode != 0
    assert "REDIS_URL must be set in production" in refused.stderr
    assert "SINGLE_PROCESS=1" in refused.stderr
    accepted = manage({**env, "SINGLE_PROCESS": "1"}, "check")
    assert accepted.returncode == 0, accepted.stderr


def test_deployment_checks_pass_with_the_production_settings_and_nothing_silenced(tmp_path):
    secret = secrets.token_urlsafe(50)
    env = production_env(tmp_path, REDIS_URL="redis://127.0.0.1:6379/0", SECRET_KEY=secret)
    del env["HTTPS"]  # the default: HTTPS only
    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_gunicorn_serves_pages_and_compressed_static_files(tmp_path):
    # One process: this lane has no Redis (the services lane runs several, test_page_cache_processes).
    env = production_env(tmp_path, STATIC_ROOT=str(tmp_path / "static"), SINGLE_PROCESS="1")
    for step in (("migrate", "--noinput"), ("collectstatic", "--noinput")):
        result = manage(env, *step)
        assert result.returncode == 0, result.stderr
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "headline.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        home = None
        deadline = time.monotonic() + 60
        while home is None and time.monotonic() < deadline:
            try:
                home = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10)
            except urllib.error.HTTPError:
                raise
            except OSError:
                time.sleep(0.3)
        assert home is not None, server.stdout.read1().decode() if server.poll() else "no answer"
        assert home.status == 200
        html = home.read().decode()
        assert "<title>" in html
        stylesheet = html.split('rel="stylesheet" href="')[1].split('"')[0]
        assert (
            stylesheet.startswith("/static/css/headline.")
            and stylesheet != "/static/css/headline.css"
        )
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{stylesheet}", headers={"Accept-Encoding": "gzip"}
        )
        css = urllib.request.urlopen(request, timeout=5)
        assert css.status == 200
        assert css.headers["Content-Encoding"] == "gzip"
        assert "immutable" in css.headers["Cache-Control"]
    finally:
        server.terminate()
        server.wait(timeout=10)
