#!/usr/bin/env python
"""Backup and restore of the database and the uploaded files (``make backup`` / ``make restore``).

    scripts/backup.py backup [--to DIR]        → DIR/congdoan-YYYYmmdd-HHMMSS/ (default DIR: var/backups)
    scripts/backup.py restore BACKUP_DIR       → into the database of DATABASE_URL, files into MEDIA_ROOT
    scripts/backup.py checksums                → row count and checksum per table, as JSON

A backup directory holds ``database.dump`` (PostgreSQL: ``pg_dump -Fc``) or ``database.sqlite3`` (SQLite: the
online backup API, safe while the server runs), ``media.tar.gz`` (the uploaded files, when they are on local
disk) and ``manifest.json`` (row count and checksum of every table at backup time). ``restore`` loads the
dump with ``pg_restore --clean --if-exists`` (right for a fresh, empty database and for an existing one),
then compares every table's count and checksum with the manifest and exits 1 on any difference.

The settings are the application's (environment or .env), so the same DATABASE_URL the server uses is
backed up. Files in S3-compatible storage are not copied: keep the bucket versioned (docs/operations.md).
"""

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.storage import FileSystemStorage, storages  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _pg_args() -> tuple[list[str], dict]:
    db = settings.DATABASES["default"]
    args = []
    if db.get("HOST"):
        args += ["-h", str(db["HOST"])]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args + ["-d", str(db["NAME"])], env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        sys.exit(f"Không tìm thấy {name}: cài gói postgresql-client.")
    return path


def _tables() -> list[str]:
    return sorted(connection.introspection.table_names(include_views=False))


def _pg_checksums(cursor, tables) -> dict[str, dict]:
    result = {}
    for table in tables:
        hashed = "('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint::numeric"
        quoted = connection.ops.quote_name(table)  # a name from the catalogue
        cursor.execute(f"SELECT count(*), coalesce(sum({hashed}), 0) FROM {quoted} AS t")  # noqa: S608
        rows, total = cursor.fetchone()
        result[table] = {"rows": rows, "checksum": str(int(total))}
    return result


def _sqlite_checksums(path) -> dict[str, dict]:
    """Read through a plain sqlite3 connection (no Django type converters), the same at backup and restore."""
    result = {}
    db = sqlite3.connect(path)
    try:
        tables = [
            name
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if not name.startswith("sqlite_")
        ]
        for table in tables:
            rows, total = 0, 0
            for row in db.execute(f'SELECT * FROM "{table}"'):  # noqa: S608 (names from the catalogue)
                rows += 1
                total += int.from_bytes(hashlib.md5(repr(row).encode()).digest()[:8], "big")  # noqa: S324
            result[table] = {"rows": rows, "checksum": str(total)}
    finally:
        db.close()
    return result


def checksums() -> dict[str, dict]:
    """{table: {"rows": n, "checksum": "…"}}: an order-independent sum of a hash of every row."""
    if _is_postgres():
        with connection.cursor() as cursor:
            return _pg_checksums(cursor, _tables())
    connection.close()
    return _sqlite_checksums(settings.DATABASES["default"]["NAME"])


def _media_root() -> Path | None:
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        return Path(storage.location)
    return None


def backup(to: Path) -> Path:
    started = time.monotonic()
    target = to / f"congdoan-{timezone.localtime():%Y%m%d-%H%M%S}"
    target.mkdir(parents=True)
    manifest = {"created": timezone.localtime().isoformat(timespec="seconds"), "engine": connection.vendor}
    if _is_postgres():
        # pg_dump reads the snapshot this transaction exported, so the manifest describes exactly the dump
        # even while the site keeps writing.
        args, env = _pg_args()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone()
            subprocess.run(  # noqa: S603
                [
                    _tool("pg_dump"),
                    "-Fc",
                    "--no-owner",
                    f"--snapshot={snapshot}",
                    "-f",
                    str(target / "database.dump"),
                    *args,
                ],
                check=True,
                env=env,
            )
            manifest["tables"] = _pg_checksums(cursor, _tables())
    else:
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        dest = sqlite3.connect(target / "database.sqlite3")
        with dest:
            source.backup(dest)
        dest.close()
        source.close()
        manifest["tables"] = _sqlite_checksums(target / "database.sqlite3")
    media = _media_root()
    if media is not None and media.is_dir():
        with tarfile.open(target / "media.tar.gz", "w:gz") as tar:
            tar.add(media, arcname="media")
        manifest["media"] = True
    (target / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    print(f"Sao lưu xong: {target} ({time.monotonic() - started:.1f} s)")
    return target


def _compare(expected: dict, actual: dict) -> list[str]:
    problems = []
    for table in sorted(set(expected) | set(actual)):
        if expected.get(table) != actual.get(table):
            problems.append(f"{table}: sao lưu {expected.get(table)} ≠ phục hồi {actual.get(table)}")
    return problems


def restore(source: Path) -> int:
    started = time.monotonic()
    manifest = json.loads((source / "manifest.json").read_text())
    if manifest["engine"] != connection.vendor:
        print(
            f"Bản sao lưu là {manifest['engine']}, cơ sở dữ liệu đích là {connection.vendor}.",
            file=sys.stderr,
        )
        return 2
    connection.close()
    if _is_postgres():
        args, env = _pg_args()
        subprocess.run(  # noqa: S603
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--exit-on-error",
                *args,
                str(source / "database.dump"),
            ],
            check=True,
            env=env,
        )
    else:
        target = Path(settings.DATABASES["default"]["NAME"])
        target.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        src = sqlite3.connect(source / "database.sqlite3")
        dest = sqlite3.connect(target)
        with dest:
            src.backup(dest)
        dest.close()
        src.close()
    if manifest.get("media"):
        media = _media_root()
        if media is None:
            print("Tệp tải lên không khôi phục được: kho tệp không phải ổ đĩa cục bộ.", file=sys.stderr)
            return 1
        if media.exists():
            shutil.rmtree(media)
        media.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(source / "media.tar.gz") as tar:
            tar.extractall(media.parent, filter="data")  # noqa: S202 (the data filter refuses unsafe members)
            if media.name != "media":
                (media.parent / "media").rename(media)
    problems = _compare(manifest["tables"], checksums())
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"Phục hồi KHÔNG khớp bản sao lưu ở {len(problems)} bảng.", file=sys.stderr)
        return 1
    print(
        f"Phục hồi xong: {len(manifest['tables'])} bảng khớp số dòng và mã kiểm tra "
        f"({time.monotonic() - started:.1f} s)"
    )
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_backup = sub.add_parser("backup")
    p_backup.add_argument("--to", type=Path, default=BASE_DIR / "var" / "backups")
    p_restore = sub.add_parser("restore")
    p_restore.add_argument("source", type=Path)
    sub.add_parser("checksums")
    options = parser.parse_args(argv)
    if options.command == "backup":
        backup(options.to)
        return 0
    if options.command == "restore":
        return restore(options.source)
    print(json.dumps(checksums(), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
