#!/usr/bin/env python
"""Benchmark: the unit dashboard's server time (issue 15), in process through Django's test client.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/congdoan_national .venv/bin/python bench/dashboard.py \
        --repeat 20 [--province LCI]

Reads only (no row is written: the user is an existing superuser or the first active user, logged in with
``force_login``, whose session goes to the cache). For the largest province (or ``--province``) and the
country, times the dashboard of the current year
- **cold**: the kept figures dropped before each request (``documents.figures.figures_forget``): what the
  first officer pays after a write;
- **warm**: the figures kept (every later request until the next write);
and prints median and p95 in milliseconds, wall clock and CPU of this process (the machine is shared: CPU
time says what the page costs, wall time what it waited), with the queries of one cold and one warm request;
then the same cold request with the breakdowns by child unit in today's tree (``structure=now``).

``--province-write OTHER``: a write in province A (``--province``) as the data versions see it, without
writing a row (``audit.version.bump`` of A's area, what the commit of any service's write in A does): with
both dashboards kept, times OTHER's dashboard (should stay kept) and A's and the country's (recomputed).
``--profile``: the top functions (cumulative time) of one kept request of each dashboard (cProfile).
Never passes or fails.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from members import p95  # noqa: E402 - the helpers of bench/members.py

from congdoan.audit import version  # noqa: E402
from congdoan.core.dates import today  # noqa: E402
from congdoan.documents.figures import figures_forget  # noqa: E402
from congdoan.members import stats  # noqa: E402
from congdoan.org.models import Unit  # noqa: E402


def measure(client: Client, url: str, repeat: int, before=None) -> tuple[list[float], list[float]]:
    """``url`` timed ``repeat`` times, ``before()`` run untimed ahead of each request (drop the kept
    figures for a cold request; move a province's version as a write there would)."""
    walls, cpus = [], []
    for _ in range(repeat):
        if before is not None:
            before()
        wall, cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        assert response.status_code == 200, response.status_code
    return walls, cpus


def province_write(client: Client, province: Unit, other: Unit, root: Unit, query: str, repeat: int) -> None:
    urls = {u: reverse("home:dashboard", args=[u.pk]) + query for u in (province, other, root)}
    area = version.area_of(province.path)
    print(f"after a write in {province.name} ({area}), {repeat} times:")
    for url in urls.values():
        client.get(url)  # kept before the write
    for unit, url in urls.items():
        line(unit.name[:26], *measure(client, url, repeat, lambda: version.bump({area})))


def profile(client: Client, url: str, top: int = 25) -> None:
    client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    client.get(url)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)


def line(name: str, walls: list[float], cpus: list[float]) -> None:
    print(
        f"  {name:<26} wall median {statistics.median(walls):7.1f} ms  p95 {p95(walls):7.1f} ms   "
        f"cpu median {statistics.median(cpus):7.1f} ms  p95 {p95(cpus):7.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--cold-repeat", type=int, default=5)
    parser.add_argument("--province", default="", help="code of the province (default: the largest)")
    parser.add_argument("--province-write", default="", help="code of another province: see the docstring")
    parser.add_argument("--profile", action="store_true", help="profile one kept request of each dashboard")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    users = get_user_model().objects.filter(is_active=True)
    user = users.filter(is_superuser=True).first() or users.first()
    client = Client()
    client.force_login(user)
    root = Unit.objects.filter(kind__level=0).first()
    provinces = Unit.objects.filter(kind__level=1)
    day = today()
    if args.province:
        province = provinces.get(code=args.province)
    else:
        province = max(provinces, key=lambda u: stats.total_on(unit=u, on=day))
    query = f"?period=year&year={day.year}"
    if args.province_write:
        other = provinces.get(code=args.province_write)
        province_write(client, province, other, root, query, args.cold_repeat)
        return
    if args.profile:
        for unit in (province, root):
            print(f"{unit.name}, figures kept:")
            profile(client, reverse("home:dashboard", args=[unit.pk]) + query)
        return
    for unit in (province, root):
        url = reverse("home:dashboard", args=[unit.pk]) + query
        print(f"{unit.name} ({stats.total_on(unit=unit, on=day):,} members today), as {user.username}")
        client.get(url)  # warm-up: imports, templates, connection
        line("cold", *measure(client, url, args.cold_repeat, figures_forget))
        line("warm", *measure(client, url, args.repeat))
        with CaptureQueriesContext(connection) as warm:
            client.get(url)
        figures_forget()
        with CaptureQueriesContext(connection) as cold:
            client.get(url)
        print(
            f"  queries: {len(cold)} for the first request after a write, {len(warm)} with the figures kept"
        )
        now = url + "&structure=now"
        client.get(now)
        line("cold, tree as it is today", *measure(client, now, args.cold_repeat, figures_forget))


if __name__ == "__main__":
    main()
