"""`make serve`: Headline's production stack on this machine, on loopback, in one command.

Varnish on http://127.0.0.1:$PORT (8080) in front of gunicorn (gunicorn.conf.py: $WEB_WORKERS workers, 4, on
$APP_PORT, PORT + 1) with the production settings, PostgreSQL (`$DATABASE_URL`, by default the
`headline_serve` database, created if missing), Redis (`$REDIS_URL`, db 0) and the django-tasks
worker (`manage.py db_worker`, which also sends the cache purges). The database is migrated,
static files collected and the demo newsroom loaded once. Ctrl-C stops everything together, and so
does any one process ending. A system service that is missing is named with the command that
installs it; nothing is installed or started behind your back.

Without `SECRET_KEY`, a key generated for local use is kept in `.serve/secret_key` (and said so):
production settings refuse to start without one.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
STATE = ROOT / ".serve"
BIN = Path(sys.executable).parent
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/headline_serve"
DEFAULT_REDIS = "redis://127.0.0.1:6379/0"
# Debian package → the command readers need, for each program the stack runs.
SYSTEM = {
    "varnishd": "varnish",
    "pg_isready": "postgresql",
    "createdb": "postgresql",
    "redis-cli": "redis-server",
}


def say(message):
    print(f"serve: {message}", flush=True)


def fail(message):
    say(message)
    sys.exit(1)


def check_system():
    missing = sorted({package for program, package in SYSTEM.items() if not shutil.which(program)})
    if missing:
        fail(f"missing system packages; install them with: apt-get install {' '.join(missing)}")


def check_ports(port, app_port):
    """Stop before anything starts when another program listens on either port (gunicorn would
    retry for a minute, then take the whole stack down with it)."""
    for name, number in (("PORT", port), ("APP_PORT", app_port)):
        with socket.socket() as probe:
            # As the servers bind: a port left in TIME_WAIT by an earlier run is free.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", number))
            except OSError:
                fail(
                    f"127.0.0.1:{number} ({name}) is in use by another program; choose free ports "
                    "with PORT=… (Varnish) and APP_PORT=… (gunicorn, default PORT + 1)"
                )


def check_services(database_url, redis_url):
    db = urlsplit(database_url)
    if db.scheme.startswith("postgres"):
        ready = subprocess.run(
            ["pg_isready", "-q", "-h", db.hostname or "127.0.0.1", "-p", str(db.port or 5432)]
        )
        if ready.returncode != 0:
            fail(
                f"PostgreSQL does not answer on {db.hostname}:{db.port or 5432}; start it with: "
                "pg_ctlcluster <version> main start (Debian: apt-get install postgresql)"
            )
        create_database(db)
    cache = urlsplit(redis_url)
    host, port = cache.hostname or "127.0.0.1", str(cache.port or 6379)
    if subprocess.run(
        ["redis-cli", "-h", host, "-p", port, "ping"], capture_output=True
    ).returncode:
        fail(
            f"Redis does not answer on {host}:{port}; start it with: redis-server --daemonize yes "
            "(Debian: apt-get install redis-server)"
        )


def create_database(db):
    name = db.path.lstrip("/")
    env = {**os.environ, "PGPASSWORD": db.password or ""}
    args = ["-h", db.hostname or "127.0.0.1", "-p", str(db.port or 5432), "-U", db.username or ""]
    exists = subprocess.run(
        ["psql", *args, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'", "postgres"],
        capture_output=True,
        text=True,
        env=env,
    )
    if exists.stdout.strip() != "1":
        say(f"creating the database {name}")
        subprocess.run(["createdb", *args, name], check=True, env=env)


def secret_key():
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    stored = STATE / "secret_key"
    if not stored.exists():
        STATE.mkdir(exist_ok=True)
        stored.write_text(secrets.token_urlsafe(50))
        stored.chmod(0o600)
    say(f"SECRET_KEY is not set: using a key generated for local use, kept in {stored}")
    return stored.read_text().strip()


def environment(port, app_port):
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", DEFAULT_DATABASE)
    env.setdefault("REDIS_URL", DEFAULT_REDIS)
    site = f"http://127.0.0.1:{port}"
    env.update(
        DJANGO_SETTINGS_MODULE="headline.settings.production",
        SECRET_KEY=secret_key(),
        SITE_URL=env.get("SITE_URL", site),
        VARNISH_URL=env.get("VARNISH_URL", site),
        ALLOWED_HOSTS=env.get("ALLOWED_HOSTS", "127.0.0.1,localhost"),
        # Plain HTTP on loopback: no redirect to HTTPS, and no Secure cookies (they would never
        # come back).
        HTTPS=env.get("HTTPS", "0"),
        SERVE_MEDIA=env.get("SERVE_MEDIA", "1"),
        # Varnish appends the reader's address to X-Forwarded-For.
        TRUSTED_PROXY_HOPS=env.get("TRUSTED_PROXY_HOPS", "1"),
    )
    return env


def manage(env, *args):
    # Nothing is cached before the stack starts: loading the demo needs no purges.
    env = {name: value for name, value in env.items() if name != "VARNISH_URL"}
    subprocess.run([str(BIN / "python"), "manage.py", *args], cwd=ROOT, env=env, check=True)


def varnish_config(app_port):
    """The shipped VCL with this run's app port."""
    STATE.mkdir(exist_ok=True)
    text = VCL.read_text().replace('.port = "8000";', f'.port = "{app_port}";', 1)
    path = STATE / "default.vcl"
    path.write_text(text)
    return path


def start(env, port, app_port, workers):
    gunicorn = [str(BIN / "gunicorn"), "headline.wsgi", "--bind", f"127.0.0.1:{app_port}"]
    gunicorn += ["--workers", str(workers), "--access-logfile", "-"]
    # Purges must reach Varnish within a second of a publish, so the worker looks often.
    worker = [str(BIN / "python"), "manage.py", "db_worker", "--interval", "0.1"]
    varnish = ["varnishd", "-F", "-a", f"127.0.0.1:{port}", "-f", str(varnish_config(app_port))]
    varnish += ["-n", str(STATE / "varnish"), "-s", "malloc,256m", "-j", "none"]
    return {
        name: subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
        for name, command in (("gunicorn", gunicorn), ("worker", worker), ("varnish", varnish))
    }


def wait_until_served(url, processes, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for name, process in processes.items():
            if process.poll() is not None:
                return f"{name} stopped (exit {process.returncode})"
        try:
            urllib.request.urlopen(url, timeout=5)
            return None
        except urllib.error.HTTPError:
            return None
        except OSError:
            time.sleep(0.3)
    return f"no answer from {url} after {seconds} s"


def stop(processes):
    for process in processes.values():
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes.values():
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def main():
    port = int(os.environ.get("PORT", "8080"))
    app_port = int(os.environ.get("APP_PORT", port + 1))
    workers = int(os.environ.get("WEB_WORKERS", "4"))
    check_ports(port, app_port)
    check_system()
    env = environment(port, app_port)
    check_services(env["DATABASE_URL"], env["REDIS_URL"])
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "load_demo")
    processes = start(env, port, app_port, workers)
    # Ctrl-C reaches this process only (the others run in their own sessions): stop them all.
    # Set explicitly: a shell starting this in the background would have SIGINT ignored.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        problem = wait_until_served(f"http://127.0.0.1:{port}/", processes)
        if problem:
            fail(problem)
        say(
            f"Headline is on http://127.0.0.1:{port}/ (Varnish, in front of gunicorn with "
            f"{workers} workers on 127.0.0.1:{app_port}; the task worker runs). Ctrl-C stops all."
        )
        while all(process.poll() is None for process in processes.values()):
            time.sleep(0.5)
        ended = [name for name, process in processes.items() if process.poll() is not None]
        fail(f"{', '.join(ended)} stopped; stopping the rest")
    except KeyboardInterrupt:
        say("stopping")
    finally:
        stop(processes)


if __name__ == "__main__":
    main()
