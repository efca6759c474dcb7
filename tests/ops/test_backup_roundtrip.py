"""Backup that restores (issue 20 §6): demo data backed up with scripts/backup.py, restored into a FRESH empty
database, every table's row count and checksum compared, and pages served from the restored database.

Runs on the engine of the suite's DATABASE_URL: pg_dump/pg_restore on PostgreSQL, the online backup API on
SQLite. The databases are the test's own (created and dropped here), never the suite's.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import environ
import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.backup

SERVE = """
import django; django.setup()
from django.test import Client
from congdoan.members.models import Member
client = Client()
assert client.get("/healthz").status_code == 200
assert client.post("/login/", {"username": "trunguong", "password": "congdoan2026"}).status_code == 302
assert client.get("/members/").status_code == 200
member = Member.objects.order_by("pk").first()
page = client.get(f"/members/{member.pk}/")
print(page.status_code, Member.objects.count(), member.full_name in page.content.decode())
"""


def run(args, database_url, media, check=True, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(DJANGO_SETTINGS_MODULE="congdoan.settings", DEBUG="1", DATABASE_URL=database_url)
    env.update(MEDIA_ROOT=str(media), AXES_ENABLED="0", **extra)
    result = subprocess.run(  # noqa: S603 (our own interpreter and scripts)
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    """Two URLs on the suite's engine: a source to fill and an empty destination; dropped afterwards."""
    suite_url = os.environ.get("DATABASE_URL", "sqlite:///var/test.sqlite3")
    tmp = tmp_path_factory.mktemp("backup")
    if not suite_url.startswith("postgres"):
        yield f"sqlite:///{tmp / 'source.sqlite3'}", f"sqlite:///{tmp / 'restored.sqlite3'}", tmp
        return
    config = environ.Env.db_url_config(suite_url)
    names = [f"ops_backup_{secrets.token_hex(4)}_{role}" for role in ("source", "restored")]
    admin = psycopg.connect(
        dbname="postgres",
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        autocommit=True,
    )
    for name in names:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = suite_url.rsplit("/", 1)[0]
    try:
        yield f"{base}/{names[0]}", f"{base}/{names[1]}", tmp
    finally:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(scope="module")
def round_trip(databases):
    source, restored, tmp = databases
    source_media, restored_media = tmp / "media-source", tmp / "media-restored"
    (source_media / "imports").mkdir(parents=True)
    (source_media / "imports" / "danh-sach.xlsx").write_bytes(b"uploaded file \xe2\x9c\x93")
    run(["manage.py", "migrate", "--no-input", "-v", "0"], source, source_media)
    run(["manage.py", "demo_data", "--scale", "small"], source, source_media)
    backup = run(["scripts/backup.py", "backup", "--to", str(tmp / "backups")], source, source_media)
    (folder,) = (tmp / "backups").iterdir()
    restore = run(["scripts/backup.py", "restore", str(folder)], restored, restored_media)
    return {
        "source": source,
        "restored": restored,
        "folder": folder,
        "restored_media": restored_media,
        "backup_output": backup.stdout,
        "restore_output": restore.stdout,
        "tmp": tmp,
    }


def checksums(url, media):
    return json.loads(run(["scripts/backup.py", "checksums"], url, media).stdout)


def test_the_restore_into_a_fresh_database_matches_every_table(round_trip):
    assert "bảng khớp số dòng và mã kiểm tra" in round_trip["restore_output"]
    print(round_trip["backup_output"], round_trip["restore_output"])  # durations, shown with -s
    before = checksums(round_trip["source"], round_trip["tmp"])
    after = checksums(round_trip["restored"], round_trip["tmp"])
    assert before == after
    assert before["members_member"]["rows"] > 500, "the demo data really was there"
    assert before["django_migrations"]["rows"] > 0, "the schema came back with the data"


def test_the_uploaded_files_come_back(round_trip):
    restored = round_trip["restored_media"] / "imports" / "danh-sach.xlsx"
    assert restored.read_bytes() == b"uploaded file \xe2\x9c\x93"


def test_the_restored_database_serves_pages(round_trip):
    production = {"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "testserver"}
    result = run(["-c", SERVE], round_trip["restored"], round_trip["restored_media"], **production)
    status, members, shown = result.stdout.split()
    assert status == "200"
    assert int(members) > 500
    assert shown == "True", "the member page shows the restored member"


def test_a_restore_that_does_not_match_the_backup_fails_loudly(round_trip):
    manifest_path = round_trip["folder"] / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["tables"]["members_member"]["rows"] += 1
    manifest_path.write_text(json.dumps(manifest))
    result = run(
        ["scripts/backup.py", "restore", str(round_trip["folder"])],
        round_trip["restored"],
        round_trip["tmp"] / "media-again",
        check=False,
    )
    assert result.returncode == 1
    assert "members_member" in result.stderr
    assert "KHÔNG khớp" in result.stderr


REPLICA_PROBE = """
import json
import django; django.setup()
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
assert client.post("/login/", {"username": "trunguong", "password": "congdoan2026"}).status_code == 302
result = {}
for path in ("/members/statistics/", "/members/"):
    with CaptureQueriesContext(connections["default"]) as primary, CaptureQueriesContext(connections["replica"]) as replica:
        status = client.get(path).status_code
    result[path] = {
        "status": status,
        "replica": sorted({q["sql"].split(" FROM ")[1].split()[0].strip('"') for q in replica if " FROM " in q["sql"]}),
        "primary": sorted({q["sql"].split(" FROM ")[1].split()[0].strip('"') for q in primary if " FROM " in q["sql"]}),
    }
print(json.dumps(result))
"""


def test_with_a_replica_the_statistics_page_reads_from_it_and_the_rest_from_the_primary(round_trip):
    """The restored copy plays the primary and the source the replica (same data, two databases)."""
    production = {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_REPLICA_URL": round_trip["source"],
    }
    result = run(["-c", REPLICA_PROBE], round_trip["restored"], round_trip["restored_media"], **production)
    pages = json.loads(result.stdout.strip().splitlines()[-1])
    statistics, member_list = pages["/members/statistics/"], pages["/members/"]
    assert statistics["status"] == member_list["status"] == 200
    assert any(table.startswith("members_") for table in statistics["replica"]), statistics
    assert not any(t.startswith(("django_session", "accounts_", "axes_")) for t in statistics["replica"])
    assert "django_session" in statistics["primary"], "the session is read from the primary"
    assert member_list["replica"] == [], "other pages never touch the replica"
