"""The production settings: `check --deploy` clean, the cache and sessions shared through Redis, persistent
connections and the replica from the environment. Each case loads congdoan.settings in a fresh interpreter
with the environment a deployment would set."""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "congdoan.example.vn",
    "SECURE": "1",
    "TRUSTED_PROXY_COUNT": "1",
    "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    "CONN_MAX_AGE": "60",
    "CONN_HEALTH_CHECKS": "1",
    "REDIS_URL": "redis://127.0.0.1:6379/15",
}


def run(args, **env):
    unwanted = {*PRODUCTION, "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_REPLICA_URL", "MEDIA_ROOT"}
    full = {k: v for k, v in os.environ.items() if k not in unwanted and not k.startswith("AWS_")}
    full.update(PRODUCTION, DJANGO_SETTINGS_MODULE="congdoan.settings", **env)
    full.setdefault(
        "DATABASE_URL", os.environ.get("DATABASE_URL", "sqlite:////tmp/congdoan-deploy-check.sqlite3")
    )
    return subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, *args], cwd=ROOT, env=full, capture_output=True, text=True, timeout=120, check=False
    )


def settings_value(expression, **env):
    code = f"import django, json; django.setup(); from django.conf import settings; print(json.dumps({expression}))"
    result = run(["-c", code], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_is_clean_under_the_production_settings():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_is_clean_with_object_storage_and_a_replica():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        AWS_STORAGE_BUCKET_NAME="congdoan-files",
        AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000",
        DATABASE_REPLICA_URL=os.environ.get("DATABASE_URL", "sqlite:////tmp/congdoan-deploy-check.sqlite3"),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_without_a_secret_key_production_refuses_to_start():
    result = run(["manage.py", "check"], SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_with_redis_the_cache_and_sessions_are_shared():
    caches, engine = settings_value("[settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE]")
    assert caches == "django.core.cache.backends.redis.RedisCache"
    assert engine == "django.contrib.sessions.backends.cached_db"


def test_without_redis_each_process_has_its_own_cache_and_sessions_stay_in_the_database():
    caches, engine = settings_value(
        "[settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE]", REDIS_URL=""
    )
    assert caches == "django.core.cache.backends.locmem.LocMemCache"
    assert engine == "django.contrib.sessions.backends.db", "a per-process cache must not hold sessions"


def test_persistent_connections_and_the_replica_come_from_the_environment():
    value = settings_value(
        "[settings.DATABASES['default']['CONN_MAX_AGE'], settings.DATABASES['default']['CONN_HEALTH_CHECKS'],"
        " settings.DATABASES['replica']['TEST']['MIRROR'], settings.DATABASE_ROUTERS,"
        " 'congdoan.db_router.ReplicaReadsMiddleware' in settings.MIDDLEWARE]",
        DATABASE_REPLICA_URL="postgres://reader@10.0.0.5:5432/congdoan",
    )
    assert value == [60, True, "default", ["congdoan.db_router.ReplicaRouter"], True]


def test_without_a_replica_there_is_no_router():
    assert settings_value("[list(settings.DATABASES), getattr(settings, 'DATABASE_ROUTERS', [])]") == [
        ["default"],
        [],
    ]


def redis_up():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_up(), reason="Redis is not running on 127.0.0.1:6379 (.ci/run starts it)")
def test_two_web_processes_count_the_same_throttle_through_redis():
    """The welfare registration throttle counts in the cache: with Redis, a second process sees the first's."""
    key = f"ops-test-{secrets.token_hex(4)}"
    code = (
        "import django; django.setup(); from django.core.cache import cache;"
        f"cache.add('{key}', 0, 60); print(cache.incr('{key}'))"
    )
    assert [int(run(["-c", code]).stdout) for _ in range(2)] == [1, 2]
    assert int(run(["-c", code], REDIS_URL="").stdout) == 1, "locmem is per process"


def test_gunicorn_serves_the_site_with_debug_off(tmp_path):
    """`scripts/serve.sh web` (what `make serve` runs in front): gunicorn with congdoan/gunicorn.conf.py."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k not in PRODUCTION and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(PRODUCTION, SECURE="0", ALLOWED_HOSTS="127.0.0.1", PORT=str(port), WEB_CONCURRENCY="2")
    env.update(
        DJANGO_SETTINGS_MODULE="congdoan.settings", DATABASE_URL=f"sqlite:///{tmp_path / 'web.sqlite3'}"
    )
    if not redis_up():
        env.pop("REDIS_URL")
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(  # noqa: S603
        [str(ROOT / "scripts" / "serve.sh"), "web"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        body = None
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:  # noqa: S310
                    body = (response.status, json.loads(response.read()), response.headers["Server"])
                break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.2)
        assert body is not None, (tmp_path / "gunicorn.log").read_text()
        assert body == (200, {"status": "ok", "database": "ok", "cache": "ok"}, "gunicorn")
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
