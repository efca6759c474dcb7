#!/usr/bin/env python
"""Benchmark: officers' pages in process, per request: wall time, CPU time and queries.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/congdoan_national REDIS_URL=redis://127.0.0.1:6379/12 \
        .venv/bin/python bench/pages.py --accounts tinh,trunguong@HCM,trunguong --pages search,"report entry"

For each account (``user`` or ``user@UNITCODE``: that unit instead of the user's first unit) and page,
requests the page through ``django.test.Client`` ``--warm`` times, then ``--repeat`` times, and prints the
median and p95 of the wall time and of this process's CPU time (``time.process_time``: Python, templates,
the driver), the number of queries and the database's share (the summed wall time of the queries, from
Django's query log). ``--dump DIR`` writes each page's HTML (CSRF tokens blanked) to compare two branches.

Read only: the connection is set to read-only transactions (a page that writes fails loudly), sessions live
in the cache only and logging in records nothing (``last_login``, axes), so it can run against the shared databases.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.signals import user_logged_in  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from congdoan.core.scoping import Scope  # noqa: E402
from congdoan.org.models import Unit  # noqa: E402

PAGES = {
    "search": "/members/?q=nguyen+van&unit={unit}",
    "search given": "/members/?q=tuan&unit={unit}",
    "search word2": "/members/?q=van+an&unit={unit}",
    "search inside": "/members/?q=guyen&unit={unit}",
    "search phone": "/members/?q=0912345678&unit={unit}",
    "search code": "/members/?q=CD0000001234&unit={unit}",
    "search cccd": "/members/?q=001090012345&unit={unit}",
    "search page 3": "/members/?q=nguyen+van&unit={unit}&page=3",
    "report entry": "/targets/?unit={unit}",
    "report entry 2025": "/targets/?unit={unit}&year=2025",
    "home": "/",
}
CSRF = re.compile(r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def client_for(account: str) -> tuple[Client, str]:
    username, _at, code = account.partition("@")
    user = get_user_model().objects.get(username=username)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    if code:
        unit = Unit.objects.get(code=code)
    else:
        scope = Scope.for_user(user)
        unit = Unit.objects.filter(path__in=[p for p, _r in scope.roots]).order_by("path").first()
    return client, str(unit.pk) if unit else ""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--accounts", default="tinh,trunguong@HCM,trunguong")
    parser.add_argument("--pages", default="search,report entry", help="from: " + ", ".join(PAGES))
    parser.add_argument("--url", action="append", default=[], help="an extra page: name=/path?unit={unit}")
    parser.add_argument("--warm", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--setup-sql",
        action="append",
        default=[],
        help="run first in one transaction that is rolled back at the end (e.g. a branch's new index)",
    )
    parser.add_argument("--sql", action="store_true", help="print the last request's queries and times")
    parser.add_argument("--dump", default="", help="directory for each page's HTML")
    args = parser.parse_args()

    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    user_logged_in.receivers.clear()  # last_login, the axes access log: writes
    if args.setup_sql:
        with transaction.atomic():
            with connection.cursor() as cursor:
                for sql in args.setup_sql:
                    t0 = time.perf_counter()
                    cursor.execute(sql)
                    print(f"setup {time.perf_counter() - t0:.1f} s: {sql}")
                cursor.execute("SET TRANSACTION READ ONLY")
            run(args)
            transaction.set_rollback(True)
        return
    with connection.cursor() as cursor:
        cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    run(args)


def run(args) -> None:
    pages = {name: PAGES[name] for name in args.pages.split(",") if name}
    pages.update(dict(item.split("=", 1) for item in args.url))
    print(f"load average {os.getloadavg()[0]:.2f}; warm {args.warm}, repeat {args.repeat}; ms")
    print(
        f"{'account':22} {'page':20} {'wall p50':>8} {'p95':>6} {'cpu p50':>8} {'p95':>6} {'db':>6} {'queries':>7}"
    )
    for account in args.accounts.split(","):
        client, unit = client_for(account)
        for name, path in pages.items():
            url = path.format(unit=unit)
            for _ in range(args.warm):
                client.get(url)
            walls, cpus, dbs, counts = [], [], [], []
            for _ in range(args.repeat):
                with CaptureQueriesContext(connection) as ctx:
                    w0, c0 = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    walls.append((time.perf_counter() - w0) * 1000)
                    cpus.append((time.process_time() - c0) * 1000)
                assert response.status_code == 200, (url, response.status_code)
                dbs.append(sum(float(q["time"]) for q in ctx.captured_queries) * 1000)
                counts.append(len(ctx.captured_queries))
            print(
                f"{account:22} {name:20} {statistics.median(walls):8.1f} {pct(walls, 0.95):6.1f}"
                f" {statistics.median(cpus):8.1f} {pct(cpus, 0.95):6.1f} {statistics.median(dbs):6.1f}"
                f" {max(counts):7d}",
                flush=True,
            )
            if args.sql:
                for q in ctx.captured_queries:
                    print(f"    {float(q['time']) * 1000:7.1f}  {q['sql'][:400]}")
            if args.dump:
                out = Path(args.dump)
                out.mkdir(parents=True, exist_ok=True)
                html = CSRF.sub(lambda m: m.group(1) + "X", response.content.decode())
                (out / f"{account.replace('@', '_')}-{name.replace(' ', '_')}.html").write_text(html)
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
