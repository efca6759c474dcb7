#!/usr/bin/env python
"""Benchmark: welfare figures for a province with 200,000 payments (PostgreSQL).

    createdb -h 127.0.0.1 -U postgres bench_welfare
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_welfare
    DEBUG=1 uv run python manage.py migrate
    DEBUG=1 uv run python manage.py demo_data --scale province --factor 0.2   # Lào Cai tree + members
    uv run python bench/welfare.py --payments 200000

Generates (once; ``--regenerate`` to redo) synthetic programmes of Lào Cai and its communes and
``--payments`` approved payments to the province's active members, each split across one to three fund
sources with splits summing to the amount, plus a few reversals; then times ``welfare_figures`` (the
headline figures: people, amount by kind, by fund source, donors, houses, visits, registrations) and
``welfare_figures_children`` (the drill-down) for the province over the year, as the system and as a
province officer, and hand-written SQL for the amounts (from the splits, as before the monthly tally, and
from ``PaymentTally``) plus the people count. Prints median and p95 in milliseconds. Never passes or fails.
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

from django.db import connection, transaction  # noqa: E402

from congdoan.core.scoping import Scope  # noqa: E402
from congdoan.demo import bulk  # noqa: E402
from congdoan.members.models import Member  # noqa: E402
from congdoan.org.models import Unit  # noqa: E402
from congdoan.welfare import selectors, services  # noqa: E402
from congdoan.welfare.constants import FundKind, ProgrammeKind  # noqa: E402
from congdoan.welfare.models import Payment, PaymentSplit, PaymentTally, Programme  # noqa: E402

SQL_BY_FUND_SPLITS = """
SELECT s.fund_id, SUM(s.amount) FROM welfare_paymentsplit s
JOIN welfare_payment p ON p.id = s.payment_id JOIN org_unit u ON u.id = p.unit_id
WHERE u.path LIKE %(prefix)s AND p.status = 'approved' AND p.paid_on BETWEEN %(start)s AND %(end)s
GROUP BY s.fund_id
"""
SQL_BY_FUND_TALLY = """
SELECT t.fund_id, SUM(t.amount) FROM welfare_paymenttally t JOIN org_unit u ON u.id = t.unit_id
WHERE u.path LIKE %(prefix)s AND t.month >= %(start)s AND t.month <= %(end)s
GROUP BY t.fund_id
"""
SQL_PEOPLE = """
SELECT COUNT(DISTINCT p.member_id) FROM welfare_payment p JOIN org_unit u ON u.id = p.unit_id
WHERE u.path LIKE %(prefix)s AND p.status = 'approved' AND p.paid_on BETWEEN %(start)s AND %(end)s
  AND p.reverses_id IS NULL
  AND p.id NOT IN (SELECT reverses_id FROM welfare_payment WHERE reverses_id IS NOT NULL)
"""
SYSTEM = Scope.unrestricted()
YEAR = 2026
BENCH_TAG = "[bench]"


def generate(province: Unit, n_payments: int, seed: int) -> None:
    rng = random.Random(seed)
    members = list(
        Member.objects.filter(status="active", unit__path__startswith=province.path).values_list(
            "id", "unit_id"
        )
    )
    if not members:
        raise SystemExit("No active members in the province: run demo_data --scale province first.")
    communes = list(Unit.objects.filter(parent=province, status="active"))
    owners = [province] + rng.sample(communes, min(len(communes), 9))
    kinds = list(ProgrammeKind.values)
    programmes = []
    for i, owner in enumerate(owners):
        kind = kinds[i % len(kinds)]
        programme = services.programme_create(
            scope=SYSTEM,
            owner=owner,
            kind=kind,
            name=f"{BENCH_TAG} {ProgrammeKind(kind).label} {owner.code}",
            start=dt.date(YEAR, 1, 1),
            end=dt.date(YEAR, 12, 31),
            standard_amount=500_000,
        )
        funds = [
            services.fund_add(scope=SYSTEM, programme=programme, kind=k)
            for k in (FundKind.GRASSROOTS, FundKind.DIRECTLY_SUPERIOR, FundKind.PROVINCIAL)
        ] + [
            services.fund_add(
                scope=SYSTEM,
                programme=programme,
                kind=FundKind.DONATION,
                donor_name=f"Nhà tài trợ {j}",
            )
            for j in range(2)
        ]
        programmes.append((programme, [f.pk for f in funds]))
    pay_table = bulk.Table(
        Payment, ["id", "programme_id", "unit_id", "member_id", "amount", "paid_on", "form", "status"]
    )
    split_table = bulk.Table(PaymentSplit, ["payment_id", "fund_id", "amount"])
    first = bulk.next_id(Payment)
    payments, splits = [], []
    start = dt.date(YEAR, 1, 1)
    for i in range(n_payments):
        programme, fund_ids = rng.choice(programmes)
        member_id, unit_id = rng.choice(members)
        amount = rng.choice(
            (300_000, 500_000, 1_000_000, 2_000_000, 50_000_000 if i % 500 == 0 else 1_000_000)
        )
        pid = first + i
        payments.append(
            (
                pid,
                programme.pk,
                unit_id,
                member_id,
                amount,
                start + dt.timedelta(days=rng.randint(0, 364)),
                "cash",
                "approved",
            )
        )
        chosen = rng.sample(fund_ids, rng.randint(1, 3))
        left = amount
        for j, fund_id in enumerate(chosen):
            part = left if j == len(chosen) - 1 else amount // len(chosen)
            splits.append((pid, fund_id, part))
            left -= part
    t = time.perf_counter()
    bulk.insert(pay_table, payments)
    bulk.insert(split_table, splits)
    bulk.sync_sequence(Payment)
    print(f"generated {len(payments):,} payments, {len(splits):,} splits in {time.perf_counter() - t:.1f} s")
    # A few corrections by reversing entries, through the service.
    for payment in Payment.objects.filter(programme__name__startswith=BENCH_TAG).order_by("id")[:20]:
        services.payment_reverse(scope=SYSTEM, payment=payment, reason="Ghi nhầm", on=payment.paid_on)
    # The bulk insert bypassed payments_approve, which keeps the monthly tally: recount it.
    t = time.perf_counter()
    cells = services.payment_tally_rebuild()
    print(f"tally rebuilt: {cells:,} cells in {time.perf_counter() - t:.1f} s")
    bulk.analyze(Payment, PaymentSplit, PaymentTally)


def timed(label: str, fn, repeat: int) -> None:
    fn()  # warm-up
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
    print(f"{label:<58} median {statistics.median(samples):7.1f} ms   p95 {p95:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--province", default="LCI")
    parser.add_argument("--payments", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("Run against PostgreSQL (DATABASE_URL=postgres://…/bench_welfare).")
    province = Unit.objects.get(code=args.province)
    existing = Payment.objects.filter(programme__name__startswith=BENCH_TAG).count()
    if args.regenerate or existing < args.payments:
        with transaction.atomic():
            bench_programmes = Programme.objects.filter(name__startswith=BENCH_TAG)
            Payment.objects.filter(programme__in=bench_programmes, reverses__isnull=False).delete()
            PaymentSplit.objects.filter(payment__programme__in=bench_programmes).delete()
            Payment.objects.filter(programme__in=bench_programmes).delete()
            bench_programmes.delete()
            generate(province, args.payments, args.seed)
    n_pay = Payment.objects.filter(unit__path__startswith=province.path).count()
    n_split = PaymentSplit.objects.filter(payment__unit__path__startswith=province.path).count()
    n_units = Unit.objects.filter(path__startswith=province.path).count()
    n_members = Member.objects.filter(unit__path__startswith=province.path).count()
    print(
        f"{province.name}: {n_units:,} units, {n_members:,} members, {n_pay:,} payments, {n_split:,} splits"
    )
    start, end = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)
    from congdoan.accounts.models import Assignment

    officer = Assignment.objects.filter(unit=province).select_related("user").first()
    officer_scope = Scope.for_user(officer.user) if officer else SYSTEM
    figures = selectors.welfare_figures(scope=SYSTEM, unit=province, start=start, end=end)
    print(
        f"figures: {figures['members_supported']:,} people, {figures['amount_total']:,} đ "
        f"(union {figures['union_total']:,} đ, donors {figures['donation_total']:,} đ = {figures['donation_share']}%)"
    )
    timed(
        "welfare_figures(province, year) as system",
        lambda: selectors.welfare_figures(scope=SYSTEM, unit=province, start=start, end=end),
        args.repeat,
    )
    timed(
        "welfare_figures(province, year) as province officer",
        lambda: selectors.welfare_figures(scope=officer_scope, unit=province, start=start, end=end),
        args.repeat,
    )
    timed(
        "welfare_figures_children(province, year) drill-down",
        lambda: selectors.welfare_figures_children(scope=officer_scope, unit=province, start=start, end=end),
        args.repeat,
    )

    params = {"prefix": province.path + "%", "start": start, "end": end}

    def raw_sql(by_fund: str):
        def run():
            with connection.cursor() as cursor:
                cursor.execute(by_fund, params)
                cursor.fetchall()
                cursor.execute(SQL_PEOPLE, params)
                cursor.fetchall()

        return run

    timed("hand-written SQL: splits by fund + people (old way)", raw_sql(SQL_BY_FUND_SPLITS), args.repeat)
    timed("hand-written SQL: tally by fund + people", raw_sql(SQL_BY_FUND_TALLY), args.repeat)
    commune = Unit.objects.filter(parent=province).order_by("-id").first()
    if commune is not None:
        timed(
            f"welfare_figures(commune {commune.code}, year)",
            lambda: selectors.welfare_figures(scope=officer_scope, unit=commune, start=start, end=end),
            args.repeat,
        )


if __name__ == "__main__":
    main()
