#!/usr/bin/env python
"""Benchmark: a province's whole subtree through the org selector vs hand-written SQL (PostgreSQL).

Load the national demo first (see bench/README.md), then:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/congdoan_national uv run python bench/tree.py

For each province it times, on the same data, many repetitions of:
- now, selector:    ``unit_subtree(scope=Scope.unrestricted(), unit=province)`` (materialised path)
- as of a date:     ``unit_subtree(..., on=date)`` (recursive CTE over the dated links)
each twice (as model instances, as it is used by pages; and as ``values_list`` tuples of the same
columns the SQL returns) next to a hand-written query run on a raw psycopg cursor, all rows fetched.
Prints median and p95 in milliseconds and the ratio selector / SQL.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
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

from congdoan.core.scoping import Scope  # noqa: E402
from congdoan.org.models import Unit  # noqa: E402
from congdoan.org.selectors import unit_subtree  # noqa: E402

COLUMNS = ("id", "code", "name", "kind__code", "parent_id", "depth", "status")

SQL_NOW = """
SELECT u.id, u.code, u.name, k.code, u.parent_id, u.depth, u.status
FROM org_unit u JOIN org_unitkind k ON k.id = u.kind_id
WHERE u.path LIKE %(prefix)s
ORDER BY u.path
"""
SQL_ON = """
WITH RECURSIVE t(id) AS (
    SELECT %(root)s::bigint
    UNION ALL
    SELECT l.child_id FROM org_unitlink l JOIN t ON l.parent_id = t.id
    WHERE l.valid_from <= %(day)s AND (l.valid_to IS NULL OR l.valid_to >= %(day)s)
)
SELECT u.id, u.code, u.name, k.code, u.parent_id, u.depth, u.status
FROM t JOIN org_unit u ON u.id = t.id JOIN org_unitkind k ON k.id = u.kind_id
WHERE u.founded_on <= %(day)s AND (u.dissolved_on IS NULL OR u.dissolved_on >= %(day)s)
ORDER BY u.path
"""


def timed(fn, repeat: int) -> tuple[float, float, int]:
    """Median and p95 in ms over ``repeat`` runs (after two warm-up runs), and the row count."""
    n = 0
    for _ in range(2):
        n = fn()
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        n = fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))], n


def raw(sql: str, params: dict):
    def run():
        with connection.cursor() as cursor:
            cursor.cursor.execute(sql, params)  # the psycopg cursor itself: no ORM in the way
            return len(cursor.cursor.fetchall())

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", default="LCI,HNI,HCM", help="province codes (default LCI,HNI,HCM)")
    parser.add_argument("--on", default="2025-06-01", help="the past date (default 2025-06-01)")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("bench/tree.py cần PostgreSQL (DATABASE_URL=postgres://…).")
    total = Unit.objects.count()
    if total < 10_000:
        print(f"Chú ý: chỉ có {total:,} đơn vị; hãy nạp `demo_data --scale national` trước.")
    day = dt.date.fromisoformat(args.on)
    scope = Scope.unrestricted()
    print(f"{total:,} units in the database; {args.repeat} runs each; times in ms (median / p95)")
    header = f"{'province':<10}{'query':<36}{'rows':>8}{'median':>10}{'p95':>10}{'× SQL':>8}"
    print(header)
    print("-" * len(header))
    for code in args.provinces.split(","):
        province = Unit.objects.get(code=code.strip())
        cases = [
            (
                "now",
                lambda p=province: len(list(unit_subtree(scope=scope, unit=p))),
                lambda p=province: len(list(unit_subtree(scope=scope, unit=p).values_list(*COLUMNS))),
                raw(SQL_NOW, {"prefix": province.path + "%"}),
            ),
            (
                f"on {day:%d/%m/%Y}",
                lambda p=province: len(list(unit_subtree(scope=scope, unit=p, on=day))),
                lambda p=province: len(list(unit_subtree(scope=scope, unit=p, on=day).values_list(*COLUMNS))),
                raw(SQL_ON, {"root": province.pk, "day": day}),
            ),
        ]
        for label, models_fn, values_fn, sql_fn in cases:
            sql_med, sql_p95, sql_rows = timed(sql_fn, args.repeat)
            for name, fn in (("selector, values_list", values_fn), ("selector, model instances", models_fn)):
                med, p95, rows = timed(fn, args.repeat)
                flag = "" if rows == sql_rows else f"  (SQL: {sql_rows} rows!)"
                print(
                    f"{code:<10}{label + ', ' + name:<36}{rows:>8,}{med:>10.1f}{p95:>10.1f}{med / sql_med:>8.2f}{flag}"
                )
            print(
                f"{code:<10}{label + ', hand-written SQL':<36}{sql_rows:>8,}{sql_med:>10.1f}{sql_p95:>10.1f}{1:>8.2f}"
            )


if __name__ == "__main__":
    main()
