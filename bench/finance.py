#!/usr/bin/env python
"""Benchmark: union finance — a 5,000-member dues roll, payroll imports, a province's settlement roll-up.

    createdb -h 127.0.0.1 -U postgres bench_finance
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_finance
    DEBUG=1 .venv/bin/python manage.py migrate
    .venv/bin/python bench/finance.py --members 5000 --import-rows 100000 --units 1900

Generates its own data once (``--regenerate`` to redo) under a national root of code ``BF``: a grassroots
union with ``--members`` members (the roll), one with ``--import-rows`` members (the payroll import), and
``--units`` grassroots unions under one province, each with 12 posted months of dues (10 lines each), the
employer's fund and 6 ledger entries a month (the roll-up). Then times, through the services:

* the dues roll of a month of the big union: open (members in the unit that month, 5,000 lines written),
  save (every pay and paid, dues recomputed by the month's rule), post (ledger + transfer);
* ``dues_import`` of a generated payroll workbook (read with calamine, every row checked, all or nothing);
* the province's settlement roll-up: consolidated ledger sums of the subtree for the year, the collection
  figures (dues due/paid, fund due/paid/arrears) and the per-child table of the index page.

Prints seconds (median of ``--repeat``) and rows/s. Never passes or fails. Does not touch other databases.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
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

from django.db import connection, transaction  # noqa: E402

from congdoan.core.scoping import Scope  # noqa: E402
from congdoan.core.text import fold  # noqa: E402
from congdoan.finance import figures, services  # noqa: E402
from congdoan.finance.ledger import ledger_sums  # noqa: E402
from congdoan.finance.models import DuesLine, DuesMonth, Employer, EmployerMonth, LedgerEntry  # noqa: E402
from congdoan.members.models import Member, Membership  # noqa: E402
from congdoan.org.models import Unit, UnitKind  # noqa: E402

SYSTEM = Scope.unrestricted()
YEAR = 2026
ROOT = "BF"
LINES = ["I.3", "II.1", "II.2", "II.3", "II.4", "I.4"]


def _unit(code, name, kind, parent=None) -> Unit:
    unit = Unit.objects.create(
        code=code,
        name=name,
        name_folded=fold(name),
        kind=UnitKind.objects.get(code=kind),
        founded_on=dt.date(2000, 1, 1),
        parent=parent,
        path="/",
        depth=(parent.depth + 1) if parent else 0,
    )
    unit.path = f"{parent.path if parent else '/'}{unit.pk}/"
    unit.save(update_fields=["path"])
    return unit


def _members(unit: Unit, n: int, prefix: str) -> None:
    members = Member.objects.bulk_create(
        [
            Member(
                code=f"{prefix}{i:07d}",
                full_name=f"Đoàn viên {prefix} {i}",
                name_folded=f"doan vien {i}",
                gender="M",
                date_of_birth=dt.date(1990, 1, 1),
                status="active",
                unit=unit,
                joined_on=dt.date(2015, 1, 1),
            )
            for i in range(n)
        ],
        batch_size=5000,
    )
    Membership.objects.bulk_create(
        [
            Membership(member=m, unit=unit, valid_from=dt.date(2015, 1, 1), start_kind="admit")
            for m in members
        ],
        batch_size=5000,
    )


def generate(args) -> None:
    rng = random.Random(7)
    with transaction.atomic():
        root = _unit(ROOT, "Bench root", "national")
        province = _unit("BF.P", "Bench LĐLĐ tỉnh", "province", root)
        commune = _unit("BF.P.C", "Bench công đoàn xã", "commune", province)
        big = _unit("BF.P.C.BIG", "Bench CĐCS lớn", "grassroots", commune)
        huge = _unit("BF.P.C.HUGE", "Bench CĐCS nhập bảng lương", "grassroots", commune)
        _members(big, args.members, "BB")
        _members(huge, args.import_rows, "BH")
        member_ids = list(Member.objects.filter(unit=huge).values_list("id", flat=True)[:10])
        months = [dt.date(YEAR, m, 1) for m in range(1, 13)]
        for i in range(args.units):
            unit = _unit(f"BF.P.C.{i:05d}", f"Bench CĐCS {i}", "grassroots", commune)
            rolls = DuesMonth.objects.bulk_create(
                [DuesMonth(unit=unit, month=m, status="posted") for m in months]
            )
            DuesLine.objects.bulk_create(
                [
                    DuesLine(
                        roll=r,
                        member_id=mid,
                        pay=10_000_000,
                        due=50_000,
                        paid=50_000 if rng.random() > 0.05 else 0,
                    )
                    for r in rolls
                    for mid in member_ids
                ]
            )
            employer = Employer.objects.create(unit=unit, name=f"Công ty {i}")
            EmployerMonth.objects.bulk_create(
                [
                    EmployerMonth(
                        employer=employer,
                        month=m,
                        salary_fund=500_000_000,
                        due=10_000_000,
                        paid=10_000_000 if rng.random() > 0.1 else 0,
                    )
                    for m in months
                ]
            )
            LedgerEntry.objects.bulk_create(
                [
                    LedgerEntry(
                        unit=unit,
                        on=m.replace(day=20),
                        line=line,
                        amount=rng.randrange(100_000, 5_000_000),
                        memo="bench",
                    )
                    for m in months
                    for line in LINES
                ]
            )
    print(f"generated: {args.members} + {args.import_rows} members, {args.units} unions × 12 months")


def payroll(codes) -> bytes:
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "constant_memory": True})
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["Mã đoàn viên", "Họ và tên", "Tiền lương"])
    for i, code in enumerate(codes, start=1):
        sheet.write_row(i, 0, [code, f"Người {i}", 5_000_000 + (i % 500) * 50_000])
    book.close()
    return out.getvalue()


def timed(fn):
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def bench_roll(args) -> None:
    big = Unit.objects.get(code="BF.P.C.BIG")
    DuesMonth.objects.filter(unit=big).delete()
    LedgerEntry.objects.filter(unit=big).delete()
    results = []
    for month in range(1, args.repeat + 1):
        day = dt.date(YEAR, month, 1)
        with transaction.atomic():
            t_open, roll = timed(lambda day=day: services.dues_month_open(scope=SYSTEM, unit=big, month=day))
            rows = {
                line.member_id: (5_000_000 + line.member_id % 400 * 100_000, None)
                for line in roll.lines.all()
            }
            t_save, _ = timed(
                lambda roll=roll, rows=rows: services.dues_month_save(
                    scope=SYSTEM, roll=roll, version=None, rows=rows
                )
            )
            t_post, _ = timed(
                lambda roll=roll: services.dues_month_post(scope=SYSTEM, roll=roll, version=None)
            )
        results.append((t_open, t_save, t_post))
        print(
            f"roll {day:%m/%Y} ({len(rows)} lines): open {t_open:.3f} s, save {t_save:.3f} s, post {t_post:.3f} s,"
            f" total {t_open + t_save + t_post:.3f} s"
        )
    print(f"roll median total: {statistics.median(sum(r) for r in results):.3f} s")


def bench_import(args, code: str, label: str) -> None:
    unit = Unit.objects.get(code=code)
    DuesMonth.objects.filter(unit=unit).delete()
    roll = services.dues_month_open(scope=SYSTEM, unit=unit, month=dt.date(YEAR, 12, 1))
    codes = list(DuesLine.objects.filter(roll=roll).values_list("member__code", flat=True))
    content = payroll(codes)
    best = None
    for _ in range(args.repeat):
        with transaction.atomic():
            seconds, count = timed(lambda: services.dues_import(scope=SYSTEM, roll=roll, content=content))
        best = seconds if best is None else min(best, seconds)
        print(f"import {label}: {count} rows in {seconds:.2f} s = {count / seconds:,.0f} rows/s")
    print(f"import {label} best: {len(codes) / best:,.0f} rows/s ({len(content) / 1e6:.1f} MB)")


def bench_rollup(args) -> None:
    province = Unit.objects.get(code="BF.P")
    start, end = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)
    times = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        ledger_sums(unit=province, start=start, end=end, subtree=True)
        figures.collection(unit=province, start=start, end=end)
        times.append(time.perf_counter() - t)
    print(
        f"province roll-up ({args.units} unions): median {statistics.median(times):.3f} s, max {max(times):.3f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--import-rows", type=int, default=100_000)
    parser.add_argument("--units", type=int, default=1900)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args()
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    if args.regenerate:
        raise SystemExit("--regenerate: drop and re-create the bench database, then run again.")
    if not Unit.objects.filter(code=ROOT).exists():
        t, _ = timed(lambda: generate(args))
        print(f"generation: {t:.1f} s")
    bench_roll(args)
    bench_import(args, "BF.P.C.BIG", f"{args.members} rows")
    bench_import(args, "BF.P.C.HUGE", f"{args.import_rows} rows")
    bench_rollup(args)


if __name__ == "__main__":
    main()
