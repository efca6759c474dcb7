#!/usr/bin/env python
"""Run every benchmark once on the small demo data, in seconds, so that a removed or renamed function
cannot break one silently (``make bench-smoke``; a CI step). Numbers printed here mean nothing.

    python bench/smoke.py --database-url postgres://postgres@127.0.0.1:5432/bench_smoke

Creates that database afresh (it must be a throwaway: it is dropped first), migrates it, loads
``demo_data --scale small``, then runs each bench with the smallest arguments. Exits non-zero naming
every bench that failed. ``--keep`` reuses an existing database with the small demo in it. Last, the
database is emptied again for ``bench/demo_load.py`` (a national load at a thousandth of the country).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")


def benches(port: int) -> list[tuple[str, list[str]]]:
    # reports.py adds its own synthetic national tree beside the demo's: it runs last.
    return [
        ("tree", ["bench/tree.py", "--provinces", "LCI", "--repeat", "2"]),
        ("members", ["bench/members.py", "--repeat", "2", "--searches", "2"]),
        ("members_stats", ["bench/members_stats.py", "--repeat", "2", "--raw-repeat", "1"]),
        ("members_import", ["bench/members_import.py", "--rows", "300", "--repeat", "1"]),
        ("welfare", ["bench/welfare.py", "--province", "LCI", "--payments", "300", "--repeat", "2"]),
        ("review", ["bench/review.py", "--year", "2025", "--repeat", "1", "--province", "LCI"]),
        ("dashboard", ["bench/dashboard.py", "--repeat", "1", "--cold-repeat", "1", "--province", "LCI"]),
        (
            "dashboard write",
            ["bench/dashboard.py", "--cold-repeat", "1", "--province", "LCI", "--province-write", "HNI"],
        ),
        ("pages", ["bench/pages.py", "--accounts", "tinh,xa", "--warm", "0", "--repeat", "1"]),
        (
            "finance",
            ["bench/finance.py", "--members", "50", "--import-rows", "100", "--units", "5", "--repeat", "1"],
        ),
        (
            "load",
            ["bench/load.py", "--users", "tinh,coso", "--clients", "1", "--seconds", "2", "--workers", "1"]
            + ["--port", str(port), "--closed-loop"],
        ),
        ("reports", ["bench/reports.py", "--grassroots", "60"]),
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def recreate(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if not name or name in {"postgres", "congdoan", "congdoan_national", "congdoan_national2"}:
        sys.exit(f"refusing to drop database {name!r}: give a throwaway database for the smoke run")
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def run(label: str, argv: list[str], env: dict, timeout: int = 600) -> bool:
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our own interpreter and scripts
        [PYTHON, *argv], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    elapsed = time.perf_counter() - start
    ok = done.returncode == 0
    print(f"{'ok  ' if ok else 'FAIL'} {label:<16} {elapsed:6.1f} s", flush=True)
    if not ok:
        print((done.stdout + done.stderr)[-4000:], flush=True)
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_SMOKE_URL", "postgres://postgres@127.0.0.1:5432/bench_smoke"),
    )
    parser.add_argument("--keep", action="store_true", help="reuse the database (small demo already loaded)")
    parser.add_argument("--only", default="", help="comma-separated bench names")
    args = parser.parse_args()
    env = {**os.environ, "DATABASE_URL": args.database_url, "SECRET_KEY": "bench-smoke-only"}
    env.pop("REDIS_URL", None)
    if not args.keep:
        recreate(args.database_url)
        setup = {**env, "DEBUG": "1"}
        if not run("migrate", ["manage.py", "migrate", "--no-input", "-v", "0"], setup):
            sys.exit(1)
        if not run("demo small", ["manage.py", "demo_data", "--scale", "small"], setup):
            sys.exit(1)
    wanted = set(filter(None, args.only.split(",")))
    failed = [
        label
        for label, argv in benches(free_port())
        if (not wanted or label in wanted) and not run(label, argv, env)
    ]
    if not wanted or "demo_load" in wanted:
        # The demo load's bench fills an empty database: the throwaway one again, emptied after the others.
        recreate(args.database_url)
        setup = {**env, "DEBUG": "1"}
        loaded = run("migrate", ["manage.py", "migrate", "--no-input", "-v", "0"], setup)
        if not (loaded and run("demo_load", ["bench/demo_load.py", "national", "0.001"], env)):
            failed.append("demo_load")
    if failed:
        sys.exit(f"benches failed: {', '.join(failed)}")
    print("every bench ran")


if __name__ == "__main__":
    main()
