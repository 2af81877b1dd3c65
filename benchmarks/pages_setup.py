"""Where the page benchmark runs and what it needs, checked before Django starts.

Headline is measured the way production runs it: production settings on PostgreSQL and Redis,
with the benchmark's own database (`headline_bench`) and Redis database (8), never the caller's
DATABASE_URL or REDIS_URL. Anything missing on the machine is named with the command that
installs it. The built site is kept between runs (the database carries a version comment, the
media folder sits in artifacts/bench/) so a rerun after a code change measures at once;
`BENCH_REBUILD=1` builds it again.

Settings, all from the environment: BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_PORT (8090),
BENCH_CEILING_PORT (8092), BENCH_SECONDS (15), BENCH_RUNS (3), BENCH_REBUILD,
WORDPRESS_URL (http://127.0.0.1:8081), WORDPRESS_CEILING_URL (http://127.0.0.1:8082/article.html).
"""

import os
import shutil
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "artifacts" / "bench"
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/headline_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")
PORT = int(os.environ.get("BENCH_PORT", "8090"))
# Bump when the site builder changes what it builds: a stored site of another version is rebuilt.
SITE_VERSION = "headline-bench-site 2"


def reachable(url, default_port):
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname, parts.port or default_port), timeout=3):
            return True
    except OSError:
        return False


def missing_requirements(options):
    """What this machine lacks for the run, each with the command that installs or starts it."""
    missing = []
    if not reachable(DATABASE_URL, 5432):
        missing.append(
            f"PostgreSQL at {DATABASE_URL}: apt-get install postgresql && pg_ctlcluster 15 main "
            "start (or set BENCH_DATABASE_URL)"
        )
    if not reachable(REDIS_URL, 6379):
        missing.append(
            f"Redis at {REDIS_URL}: apt-get install redis-server && redis-server --daemonize yes "
            "(or set BENCH_REDIS_URL)"
        )
    if not options.profile:
        for program, package in (("wrk", "wrk"), ("nginx", "nginx")):
            if not shutil.which(program, path=os.environ.get("PATH", "") + ":/usr/sbin"):
                missing.append(f"{program}: apt-get install {package}")
    return missing


def database_version(cursor, name):
    cursor.execute(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", [name]
    )
    row = cursor.fetchone()
    return (row[0] or "") if row else None


def ensure_database(rebuild, database_url=DATABASE_URL, work=WORK, site_version=SITE_VERSION):
    """Create the benchmark database, or drop and recreate it when its site is stale.

    Returns True when the stored site can be measured as it is.
    """
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection, connection.cursor() as cursor:
        version = database_version(cursor, name)
        current = version == site_version and (work / "media").is_dir() and not rebuild
        if version is not None and not current:
            cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            version = None
        if version is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
            shutil.rmtree(work / "media", ignore_errors=True)
    return current


def mark_built(site_version=SITE_VERSION):
    """Record that the database holds a complete site of this version, with the planner's
    statistics read (`VACUUM ANALYZE`), as autovacuum has them on a site in service; a site
    measured straight after its build would be planned from the empty tables' estimates."""
    from django.db import connection

    name = connection.settings_dict["NAME"]
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute(f"COMMENT ON DATABASE \"{name}\" IS '{site_version}'")


def environment(database_url=DATABASE_URL, redis_url=REDIS_URL, work=WORK):
    """The production settings the in-process client and gunicorn share."""
    return {
        "DJANGO_SETTINGS_MODULE": "headline.settings.production",
        "SECRET_KEY": "bench-only-secret-not-for-production",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SITE_URL": f"http://127.0.0.1:{PORT}",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "SERVE_MEDIA": "true",
        "HTTPS": "false",
        "DEBUG": "",
        "LOG_LEVEL": "WARNING",
        # Renders are measured; the page cache's own row runs a second server with it on.
        "PAGE_CACHE": "off",
        # wrk asks for the search page from one address far beyond a reader's 30 a minute: the
        # limit would answer it 429, which is not the render being measured.
        "RATE_LIMIT_SEARCH": "1000000000/60",
    }


def prepare(options):
    """Check the machine, point Django at the benchmark database and migrate it."""
    missing = missing_requirements(options)
    if missing:
        print("make bench (pages) needs:", *(f"  - {item}" for item in missing), sep="\n")
        sys.exit(1)
    WORK.mkdir(parents=True, exist_ok=True)
    options.site_is_built = ensure_database(bool(os.environ.get("BENCH_REBUILD")))
    os.environ.update(environment())

    import django
    import redis
    from django.core.management import call_command

    redis.Redis.from_url(REDIS_URL).flushdb()  # no cached page or fragment from an earlier run
    django.setup()
    call_command("migrate", verbosity=0)
