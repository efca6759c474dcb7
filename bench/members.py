#!/usr/bin/env python
"""Benchmark: member statistics and name search on the national demo data (PostgreSQL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/congdoan_national uv run python bench/members.py

Times, on the same data, many repetitions of
- the statistics selector ``stats.snapshot_on`` (members by gender, ethnicity, informal, sector and
  age band as of a day, per child branch) for the largest province and for the whole country, today
  and as of a past date, next to hand-written SQL answering the same question (path prefix for today,
  a recursive CTE over the links valid on the day for a past date);
- ``stats.total_on`` (the headline figure) the same way;
- ``stats.admitted_between`` over a year;
- the member search page (``member_search_page``) for names typed without diacritics: full names,
  surnames, given names alone, middle + given, a middle name alone, the start of a given name and a
  piece inside a word, for the whole country and the largest province.
Prints median and p95 in milliseconds and the ratio selector / SQL. Never passes or fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from congdoan.core import dates  # noqa: E402
from congdoan.core.scoping import Scope  # noqa: E402
from congdoan.members import selectors, stats  # noqa: E402
from congdoan.org.models import Unit  # noqa: E402

# Age by year of birth, as the tally counts it (age = year of the day - year of birth): born before
# 1 January of (year - 59) is 60 or over on that day.
AGE = """CASE WHEN m.date_of_birth < %(a60)s THEN '60p' WHEN m.date_of_birth < %(a50)s THEN '50_59'
 WHEN m.date_of_birth < %(a40)s THEN '40_49' WHEN m.date_of_birth < %(a30)s THEN '30_39' ELSE 'u30' END"""
# The child of the measured unit each row lies under (the selector's per-child drill-down): today from the
# materialised path, on a past day carried down the recursive walk of that day's links.

SQL_SNAPSHOT_NOW = f"""
SELECT m.gender, m.ethnicity, m.is_informal, u.sector, {AGE} AS band,
    split_part(u.path, '/', %(child_part)s) AS branch, COUNT(*)
FROM org_unit u
JOIN members_membership s ON s.unit_id = u.id
JOIN members_member m ON m.id = s.member_id
WHERE u.path LIKE %(prefix)s AND s.valid_from <= %(day)s AND (s.valid_to IS NULL OR s.valid_to >= %(day)s)
GROUP BY 1, 2, 3, 4, 5, 6
"""
SUBTREE_ON = """
WITH RECURSIVE t(id, branch) AS (
    SELECT %(root)s::bigint, NULL::bigint
    UNION ALL
    SELECT l.child_id, COALESCE(t.branch, l.child_id) FROM org_unitlink l JOIN t ON l.parent_id = t.id
    WHERE l.valid_from <= %(day)s AND (l.valid_to IS NULL OR l.valid_to >= %(day)s)
)
"""
SQL_SNAPSHOT_ON = f"""{SUBTREE_ON}
SELECT m.gender, m.ethnicity, m.is_informal, u.sector, {AGE} AS band, t.branch, COUNT(*)
FROM t JOIN org_unit u ON u.id = t.id
JOIN members_membership s ON s.unit_id = u.id
JOIN members_member m ON m.id = s.member_id
WHERE s.valid_from <= %(day)s AND (s.valid_to IS NULL OR s.valid_to >= %(day)s)
GROUP BY 1, 2, 3, 4, 5, 6
"""
SQL_TOTAL_NOW = """
SELECT COUNT(*) FROM org_unit u JOIN members_membership s ON s.unit_id = u.id
WHERE u.path LIKE %(prefix)s AND s.valid_from <= %(day)s AND (s.valid_to IS NULL OR s.valid_to >= %(day)s)
"""
SQL_TOTAL_ON = f"""{SUBTREE_ON}
SELECT COUNT(*) FROM t JOIN members_membership s ON s.unit_id = t.id
WHERE s.valid_from <= %(day)s AND (s.valid_to IS NULL OR s.valid_to >= %(day)s)
"""
SQL_SEARCH = """
SELECT m.id, m.full_name FROM members_member m
WHERE m.name_folded >= %(prefix)s AND m.name_folded < %(prefix)s || chr(65535) AND m.status <> 'merged'
ORDER BY m.name_folded, m.id LIMIT 51
"""


def timed(fn, repeat: int) -> list[float]:
    fn()  # warm the caches once
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def sql(query: str, params: dict):
    def run():
        with connection.cursor() as cursor:
            cursor.execute(query, params)
            return cursor.fetchall()

    return run


def line(label: str, ours: list[float], theirs: list[float] | None = None) -> None:
    text = f"{label:<52} median {statistics.median(ours):8.1f} ms  p95 {p95(ours):8.1f} ms"
    if theirs:
        ratio = statistics.median(ours) / max(statistics.median(theirs), 0.001)
        text += f"  | SQL median {statistics.median(theirs):8.1f} ms  p95 {p95(theirs):8.1f} ms  ratio {ratio:4.2f}"
    print(text, flush=True)


def born_before(day: dt.date, age: int) -> dt.date:
    """Members born before this date are ``age`` or older on ``day``, counting age by year of birth (as
    the member tally does)."""
    return dt.date(day.year - age + 1, 1, 1)


def same_total(snapshot: stats.Snapshot, rows: list[tuple]) -> str:
    """Whether the hand-written SQL's rows give the selector's total and per-child totals."""
    per_child: dict[int, int] = {}
    for *_columns, branch, n in rows:
        if branch not in (None, ""):
            per_child[int(branch)] = per_child.get(int(branch), 0) + n
    selector = {child: b["total"] for child, b in snapshot.branches.items() if b["total"]}
    same = sum(n for *_c, n in rows) == snapshot.total and per_child == selector
    return "same answer" if same else "DIFFERENT ANSWER"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--past", default="2023-12-31")
    parser.add_argument("--searches", type=int, default=60, help="name searches per kind of typed text")
    parser.add_argument("--only", choices=["stats", "search"], default=None)
    args = parser.parse_args()
    past = dt.date.fromisoformat(args.past)
    today = dates.today()
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM members_member")
        n_members = cursor.fetchone()[0]
        cursor.execute("SELECT COUNT(*) FROM members_membership")
        n_stints = cursor.fetchone()[0]
        cursor.execute("SELECT COUNT(*) FROM org_unit")
        n_units = cursor.fetchone()[0]
        cursor.execute(
            """SELECT u.id FROM org_unit u JOIN org_unitkind k ON k.id = u.kind_id AND k.code = 'province'
               JOIN org_unit g ON g.path LIKE u.path || '%%'
               JOIN members_member m ON m.unit_id = g.id
               GROUP BY u.id ORDER BY COUNT(*) DESC LIMIT 1"""
        )
        province_id = cursor.fetchone()[0]
    print(f"data: {n_members:,} members, {n_stints:,} stints, {n_units:,} units ({connection.vendor})")
    root = Unit.objects.filter(depth=0).order_by("pk").first()
    province = Unit.objects.get(pk=province_id)
    units = ((province, f"province {province.code}"), (root, "country")) if args.only != "search" else ()
    for unit, label in units:
        repeat = args.repeat if unit is province else max(3, args.repeat // 2)
        for day, when in ((today, "today"), (past, f"as of {past}")):
            params = {
                "prefix": unit.path + "%",
                "root": unit.pk,
                "day": day,
                "child_part": unit.depth + 3,
                **{f"a{n}": born_before(day, n) for n in (30, 40, 50, 60)},
            }
            count = stats.total_on(unit=unit, on=day)
            ours = timed(lambda unit=unit, day=day: stats.total_on(unit=unit, on=day), repeat)
            theirs = timed(sql(SQL_TOTAL_NOW if day == today else SQL_TOTAL_ON, params), repeat)
            line(f"total {label}, {when} ({count:,})", ours, theirs)
            ours = timed(lambda unit=unit, day=day: stats.snapshot_on(unit=unit, on=day), repeat)
            query = sql(SQL_SNAPSHOT_NOW if day == today else SQL_SNAPSHOT_ON, params)
            theirs = timed(query, repeat)
            check = same_total(stats.snapshot_on(unit=unit, on=day), query())
            line(f"breakdown + per child {label}, {when} ({check})", ours, theirs)
        ours = timed(
            lambda unit=unit: stats.admitted_between(unit=unit, start=dt.date(past.year, 1, 1), end=past),
            repeat,
        )
        line(f"admitted in {past.year}, {label}", ours)
    if args.only == "stats":
        return
    # Name search: names typed without diacritics, as officers do, grouped by what was typed.
    with connection.cursor() as cursor:
        cursor.execute("SELECT name_folded FROM members_member TABLESAMPLE SYSTEM (0.1) LIMIT 5000")
        names = [r[0] for r in cursor.fetchall() if len(r[0].split()) >= 3]
        if len(names) < 100:  # small data: a 0.1 % sample finds (almost) nobody
            cursor.execute("SELECT name_folded FROM members_member LIMIT 5000")
            names = [r[0] for r in cursor.fetchall() if len(r[0].split()) >= 3]
    rng = random.Random(7)
    kinds = {
        "full name": lambda w: " ".join(w),
        "surname": lambda w: w[0],
        "surname + middle": lambda w: " ".join(w[:2]),
        "given name alone": lambda w: w[-1],
        "middle + given": lambda w: " ".join(w[-2:]),
        "middle name alone": lambda w: w[1],
        "start of given name": lambda w: w[-1][:3],
        "piece inside a word": lambda w: next(
            (x[1:4] for x in rng.sample(w, len(w)) if len(x) >= 4), w[0][1:]
        ),
    }
    queries = {
        kind: [make(rng.choice(names).split()) for _ in range(args.searches)] for kind, make in kinds.items()
    }
    everything = Scope.unrestricted()
    province_scope = Scope(user_id=None, roots=((province.path, "officer"),))
    print(f"name search: {args.searches} queries per kind, first page of 51 (as the members page asks)")
    for scope, label in ((everything, "country"), (province_scope, f"province {province.code}")):
        selectors.member_search_page(scope=scope, filters=selectors.MemberFilter(q="nguyen"), limit=51)
        every = []
        for kind, typed in queries.items():
            samples = []
            for q in typed:
                start = time.perf_counter()
                selectors.member_search_page(scope=scope, filters=selectors.MemberFilter(q=q), limit=51)
                samples.append((time.perf_counter() - start) * 1000)
            worst = typed[max(range(len(typed)), key=samples.__getitem__)]
            line(f"name search, {label}, {kind}", samples)
            print(f"{'':<10}e.g. {typed[0]!r}, slowest {worst!r} {max(samples):.1f} ms", flush=True)
            every += samples
        line(f"name search, {label}, all {len(every)} queries", every)
    first = queries["full name"][0]
    sql_samples = timed(sql(SQL_SEARCH, {"prefix": first}), args.repeat)
    line(f"name search, raw prefix SQL ('{first}')", sql_samples)


if __name__ == "__main__":
    main()
