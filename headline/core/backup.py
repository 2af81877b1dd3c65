"""Backups that restore: one site's database and uploads in a folder, with a manifest.

A backup folder holds `database.dump` (PostgreSQL: `pg_dump`'s custom format, one consistent
snapshot of a live database) or `database.sqlite3` (SQLite: the online backup API, consistent
while the site writes), `media/` (a copy of MEDIA_ROOT; uploads on object storage are not
copied, see `MEDIA_SKIPPED`) and `manifest.json`, written last:

    {"format": 1, "created": "2026-11-30T06:00:00+00:00", "engine": "postgresql",
     "migrations": [["news", "0001_initial"], …], "media": "local",
     "files": {"database.dump": {"size": 123, "sha256": "…"}, "media/images/a.jpg": {…}}}

`restore()` checks everything before it changes anything: the manifest is there and readable,
every file it lists has its size and SHA-256, the dump opens, the engine is the site's and the
code knows every migration the backup's database had. Then it replaces the database in one
transaction (tables the backup lacks are dropped too), replaces MEDIA_ROOT's files, empties the
shared caches so no page or fragment made before the restore is served, and migrates a backup
made by older code. Every refusal is a `BackupError` with a message for the operator.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
MEDIA_SKIPPED = (
    "Media are on object storage (MEDIA_S3_BUCKET): not copied. Back the bucket up with the "
    "storage's own tools (versioning, replication, or `rclone sync`)."
)
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot be done; nothing was changed. The message says why."""


def backup(directory):
    """Write a backup of the site's database and media into `directory` (a path; created, or
    an empty folder) and return its manifest (a dict, as in the module docstring).

    Raises BackupError when `directory` holds anything, the database is neither PostgreSQL nor
    SQLite, `pg_dump` fails or migrations ran while it worked; a failed backup leaves nothing.
    """
    directory = Path(directory)
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise BackupError(f"{directory} is not an empty folder: a backup never overwrites files.")
    engine = _engine()
    created = not directory.exists()
    directory.mkdir(parents=True, exist_ok=True)
    try:
        migrations = _applied_migrations()
        _dump_database(engine, directory / DUMPS[engine])
        if _applied_migrations() != migrations:
            raise BackupError("Migrations ran during the backup: run it again.")
        media = _copy_media(directory / MEDIA)
        manifest = {
            "format": FORMAT,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "engine": engine,
            "migrations": migrations,
            "media": media,
            "files": {
                path.relative_to(directory).as_posix(): _describe(path)
                for path in sorted(directory.rglob("*"))
                if path.is_file()
            },
        }
        partial = directory / (MANIFEST + ".partial")
        partial.write_text(json.dumps(manifest, indent=1))
        partial.rename(directory / MANIFEST)
    except BaseException:
        if created:
            shutil.rmtree(directory, ignore_errors=True)
        else:
            for path in directory.iterdir():
                shutil.rmtree(path) if path.is_dir() else path.unlink()
        raise
    return manifest


def check(directory):
    """The manifest of the backup in `directory` once every check passes; BackupError if not."""
    directory = Path(directory)
    manifest = _read_manifest(directory)
    for name, expected in manifest["files"].items():
        if Path(name).is_absolute() or ".." in Path(name).parts:
            raise BackupError(f"{name} in the manifest points outside the backup folder.")
        path = directory / name
        if not path.is_file():
            raise BackupError(f"{path} is missing: the backup is incomplete.")
        found = _describe(path)
        if found["size"] != expected["size"]:
            raise BackupError(
                f"{path} has {found['size']} bytes where the manifest says {expected['size']}: "
                "the backup is truncated or partial."
            )
        if found["sha256"] != expected["sha256"]:
            raise BackupError(f"{path} does not match its checksum: the backup is corrupt.")
    engine = _engine()
    if manifest["engine"] != engine:
        raise BackupError(
            f"This backup is of a {manifest['engine']} database and this site uses {engine}: "
            "restore it onto the same kind of database."
        )
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    if unknown := [
        f"{app}.{name}" for app, name in manifest["migrations"] if (app, name) not in known
    ]:
        raise BackupError(
            "This backup comes from a newer Headline: its database has migrations this code does "
            f"not know ({', '.join(unknown[:5])}{'…' if len(unknown) > 5 else ''}). "
            "Restore it with the release that made it."
        )
    if manifest["media"] == "local" and not _local_media():
        raise BackupError(
            "This backup holds local media and this site stores media on object storage: "
            "restore it on a site using MEDIA_ROOT."
        )
    _check_dump(engine, directory / DUMPS[engine])
    return manifest


def restore(directory, *, log=print):
    """Replace the site's database and media with the backup in `directory`.

    Checks first (`check`): a refused backup changes nothing. The database is replaced in one
    transaction; then MEDIA_ROOT's files become the backup's; then the shared caches are emptied
    and, for a backup made before the code's latest migrations, `migrate` runs. `log` receives a
    line for each step.
    """
    directory = Path(directory)
    manifest = check(directory)
    engine = manifest["engine"]
    _restore_database(engine, directory / DUMPS[engine])
    log(f"Database restored from the backup of {manifest['created']}.")
    if manifest["media"] == "local":
        count = _restore_media(directory, manifest["files"])
        log(f"{count} media files restored into {settings.MEDIA_ROOT}.")
    else:
        log(f"The backup holds no media. {manifest['media']}")
    clear_caches()
    log("Caches emptied.")
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    if set(loader.graph.leaf_nodes()) - set(loader.applied_migrations):
        log("The backup predates this code's migrations: migrating.")
        call_command("migrate", interactive=False, verbosity=0)
    return manifest


def clear_caches():
    """Empty every shared cache alias (only Headline's keys: its KEY_PREFIX on Redis), so no
    content version, page, fragment, rendition or site lookup from before survives; this
    process's in-memory caches too. Other processes' local-memory caches are their own: with no
    REDIS_URL, restart the site after a restore (README)."""
    for alias in settings.CACHES:
        store = caches[alias]
        if hasattr(store, "delete_pattern"):  # django-redis: this prefix only, not the db
            store.delete_pattern("*")
        else:
            store.clear()
    ContentType.objects.clear_cache()


def _engine():
    if connection.vendor not in DUMPS:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def _applied_migrations():
    return sorted(map(list, MigrationRecorder(connection).applied_migrations()))


def _describe(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return {"size": path.stat().st_size, "sha256": digest.hexdigest()}


def _read_manifest(directory):
    if not directory.is_dir():
        raise BackupError(f"There is no backup folder at {directory}.")
    path = directory / MANIFEST
    if not path.is_file():
        raise BackupError(
            f"{directory} has no {MANIFEST}: it is not a backup, or its backup did not finish."
        )
    try:
        manifest = json.loads(path.read_text())
        version = manifest["format"]
        assert {"created", "engine", "migrations", "media", "files"} <= manifest.keys()
    except (ValueError, TypeError, KeyError, AssertionError):
        raise BackupError(f"{path} is not a readable backup manifest.") from None
    if version != FORMAT:
        raise BackupError(
            f"{path} is in backup format {version}; this Headline reads format {FORMAT}."
        )
    return manifest


def _postgres_env():
    """libpq's environment for the site's database: no password on a command line."""
    db = connection.settings_dict
    values = {
        "PGDATABASE": db["NAME"],
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
        "PGHOST": db.get("HOST"),
        "PGPORT": str(db.get("PORT") or ""),
        "PGSSLMODE": db.get("OPTIONS", {}).get("sslmode"),
    }
    return os.environ | {name: value for name, value in values.items() if value}


def _run(command, **kwargs):
    try:
        return subprocess.run(command, env=_postgres_env(), capture_output=True, **kwargs)
    except FileNotFoundError:
        raise BackupError(
            f"{command[0]} is not installed: apt-get install postgresql-client "
            "(the version of your server or newer)."
        ) from None


def _dump_database(engine, path):
    if engine == "postgresql":
        done = _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={path}"]
        )
        if done.returncode:
            raise BackupError(f"pg_dump failed: {done.stderr.decode().strip()}")
        return
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


def _check_dump(engine, path):
    if engine == "postgresql":
        done = _run(["pg_restore", "--list", str(path)])
        if done.returncode:
            raise BackupError(f"{path} is not a readable dump: {done.stderr.decode().strip()}")
        return
    try:
        dump = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            ok = dump.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            dump.close()
    except sqlite3.DatabaseError:
        ok = False
    if not ok:
        raise BackupError(f"{path} is not a sound SQLite database.")


# Drops whatever the schema holds before the dump is loaded, in the same transaction, so the
# restored database is the backup's, not a mix with tables the backup does not have.
DROP_EVERYTHING = """
DO $$
DECLARE item record;
BEGIN
  FOR item IN
    SELECT format('DROP %s IF EXISTS %I.%I CASCADE',
                  CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                 WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
                  n.nspname, c.relname) AS statement
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
    -- Tables first: their identity sequences and views go with them (hence IF EXISTS).
    ORDER BY c.relkind IN ('r', 'p') DESC
  LOOP
    EXECUTE item.statement;
  END LOOP;
END $$;
"""


def _restore_database(engine, path):
    if engine == "sqlite":
        # The online backup API copies every page in one step: the database becomes the
        # backup's at once (tables the backup lacks go too), or stays as it was.
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        except sqlite3.Error as error:
            raise BackupError(
                f"The database was left as it was ({error}): stop the site and its task worker "
                "before restoring."
            ) from None
        finally:
            source.close()
        return
    # Django's idle connection would hold no lock, but a pooled one could: start clean.
    connection.close()
    env = _postgres_env()
    psql = subprocess.Popen(
        ["psql", "--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1",
         "--file=-"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    loader = subprocess.Popen(
        ["pg_restore", "--no-owner", "--no-privileges", "--file=-", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    try:
        psql.stdin.write(DROP_EVERYTHING.encode())
        shutil.copyfileobj(loader.stdout, psql.stdin, CHUNK)
    except BrokenPipeError:
        pass  # psql stopped at an error: its message follows
    loaded = loader.wait()
    if loaded:
        # Killed before its input ends, psql never commits: the database is left as it was.
        psql.kill()
        psql.wait()
        raise BackupError(f"pg_restore failed: {loader.stderr.read().decode().strip()}")
    try:
        psql.stdin.close()
    except BrokenPipeError:
        pass
    if psql.wait():
        raise BackupError(
            f"The database was left as it was: psql said {psql.stderr.read().decode().strip()}"
        )


def _local_media():
    return isinstance(default_storage, FileSystemStorage)


def _copy_media(target):
    if not _local_media():
        return MEDIA_SKIPPED
    root = Path(settings.MEDIA_ROOT)
    if root.is_dir():
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink():
                copy = target / path.relative_to(root)
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, copy)
    target.mkdir(exist_ok=True)
    return "local"


def _restore_media(directory, files):
    """Make MEDIA_ROOT hold exactly the backup's media files; return how many there are."""
    root = Path(settings.MEDIA_ROOT)
    wanted = set()
    for name in files:
        if not name.startswith(MEDIA + "/"):
            continue
        target = root / Path(name).relative_to(MEDIA)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Each file appears whole: copied beside its place, then renamed over it.
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".restoring-")
        os.close(handle)
        shutil.copy2(directory / name, temporary)
        os.replace(temporary, target)
        wanted.add(target)
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return len(wanted)
