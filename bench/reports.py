"""Benchmark: roll-up of one indicator and period at national scale (≈140 000 units) on PostgreSQL.

Builds (once) a synthetic tree in its own database — national → 63 provinces → ≈3 150 upper-grassroots
unions → ≈136 000 grassroots unions — and one approved quarterly report per grassroots union with one
value, then prints, for the national root:

- the stored roll-up read (``selectors.rollup_stored``: one indexed row),
- the full figure as the page computes it (``selectors.unit_figures``: stored roll-up + own value + coverage),
- the same sum from scratch through the ORM (``selectors.rollup_brute``) and a hand-written SQL aggregation,
- an incremental update (reopen + approve one grassroots report: only its 3 ancestors' rows change),
- a full rebuild of the period's roll-ups (``services.rollup_rebuild``).

Numbers, not pass/fail.

    createdb -h 127.0.0.1 -U postgres bench_reports
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_reports uv run python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_reports uv run python bench/reports.py [--grassroots 136000]
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402

from congdoan.core.scoping import Scope  # noqa: E402

SYSTEM = Scope.unrestricted()
Q = dt.date(2026, 1, 1), dt.date(2026, 3, 31)


def timed(fn, repeat: int = 5):
    runs, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs), result


def build(n_grassroots: int, rng: random.Random):
    """The synthetic tree and one approved report per grassroots union (skipped if already there)."""
    from congdoan.org.models import Unit, UnitKind
    from congdoan.targets import services
    from congdoan.targets.constants import ReportStatus, UnitOfMeasure
    from congdoan.targets.models import Indicator, Report, ReportValue

    per_commune = max(1, n_grassroots // (63 * 50))
    indicator = Indicator.objects.filter(code="bench_members").first()
    if indicator and Unit.objects.filter(code__startswith="B.").count() >= 63 * 50 * per_commune:
        return Unit.objects.get(code="BENCH"), indicator
    kinds = {k.code: k for k in UnitKind.objects.all()}
    with transaction.atomic():
        next_id = (Unit.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1
        rows = []

        def add(code, name, kind, parent):
            nonlocal next_id
            pk = next_id
            next_id += 1
            path = f"{parent.path}{pk}/" if parent else f"/{pk}/"
            unit = Unit(
                id=pk,
                code=code,
                name=name,
                name_folded=name.lower(),
                kind=kinds[kind],
                founded_on=dt.date(2000, 1, 1),
                parent_id=parent.id if parent else None,
                path=path,
                depth=path.count("/") - 2,
            )
            rows.append(unit)
            return unit

        root = add("BENCH", "Tổng Liên đoàn (thử tải)", "national", None)
        made = 0
        for p in range(63):
            province = add(f"BP{p:02d}", f"LĐLĐ tỉnh thử {p}", "province", root)
            for c in range(50):
                commune = add(f"BC{p:02d}.{c:02d}", f"Công đoàn xã thử {p}.{c}", "commune", province)
                for g in range(per_commune):
                    add(f"B.{p:02d}.{c:02d}.{g:03d}", f"CĐCS thử {p}.{c}.{g}", "grassroots", commune)
                    made += 1
        Unit.objects.bulk_create(rows, batch_size=10_000)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('org_unit','id'), (SELECT max(id) FROM org_unit))"
            )
        indicator = Indicator.objects.create(
            code="bench_members",
            name="Số đoàn viên kết nạp mới (thử tải)",
            unit_of_measure=UnitOfMeasure.MEMBERS,
            valid_from=dt.date(2020, 1, 1),
        )
        form = services.form_save(
            scope=SYSTEM,
            code="bench_q",
            name="Báo cáo quý (thử tải)",
            period_type="Q",
            deadline_days=10,
            indicators=[indicator],
        )
        grassroots = [u for u in rows if u.code.startswith("B.")]
        reports = Report.objects.bulk_create(
            (
                Report(unit=u, form=form, period_start=Q[0], period_end=Q[1], status=ReportStatus.APPROVED)
                for u in grassroots
            ),
            batch_size=10_000,
        )
        ReportValue.objects.bulk_create(
            (
                ReportValue(
                    report=r,
                    indicator=indicator,
                    value=rng.randint(0, 40),
                    name=indicator.name,
                    unit_of_measure=indicator.unit_of_measure,
                    aggregation="sum",
                    direction="higher",
                )
                for r in reports
            ),
            batch_size=10_000,
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE org_unit; ANALYZE targets_report; ANALYZE targets_reportvalue;")
    print(f"Tạo {len(rows):,} đơn vị, {made:,} báo cáo đã duyệt")
    return root, indicator


SQL = """
SELECT coalesce(sum(v.value), 0), count(*)
FROM targets_reportvalue v
JOIN targets_report r ON r.id = v.report_id
JOIN org_unit u ON u.id = r.unit_id
WHERE u.path LIKE %s AND u.id <> %s AND r.status = 'approved'
  AND r.period_start = %s AND r.period_end = %s AND v.indicator_id = %s AND v.value IS NOT NULL
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--grassroots", type=int, default=136_000)
    args = parser.parse_args()
    assert connection.vendor == "postgresql", "chạy trên PostgreSQL (DATABASE_URL)"  # noqa: S101
    from congdoan.org.models import Unit
    from congdoan.targets import selectors, services
    from congdoan.targets.models import Report
    from congdoan.targets.periods import Period

    t = time.perf_counter()
    root, indicator = build(args.grassroots, random.Random(5))
    print(
        f"Chuẩn bị dữ liệu: {time.perf_counter() - t:.1f} s; đơn vị trong cây: {Unit.objects.filter(path__startswith=root.path).count():,}"
    )

    rebuild_s, n_rows = timed(lambda: services.rollup_rebuild(period_start=Q[0]), repeat=1)
    print(f"Dựng lại toàn bộ bảng tổng hợp của kỳ: {rebuild_s:.2f} s ({n_rows:,} dòng Rollup)")

    period = Period("Q", 2026, 1)
    stored_s, stored = timed(
        lambda: selectors.rollup_stored(unit=root, indicator=indicator, start=Q[0], end=Q[1])
    )
    figure_s, figure = timed(
        lambda: selectors.unit_figures(unit=root, indicators=[indicator], period=period)[indicator.pk]
    )
    brute_s, brute = timed(
        lambda: selectors.rollup_brute(unit=root, indicator=indicator, start=Q[0], end=Q[1])
    )

    def raw():
        with connection.cursor() as cursor:
            cursor.execute(SQL, [root.path + "%", root.pk, Q[0], Q[1], indicator.pk])
            return cursor.fetchone()

    sql_s, sql = timed(raw)
    assert stored == brute and (sql[0], sql[1]) == brute, (stored, brute, sql)  # noqa: S101
    report = (
        Report.objects.filter(unit__code__startswith="B.", status="approved")
        .select_related("unit", "form")
        .first()
    )

    def cycle():
        with transaction.atomic():
            services.report_reopen(scope=SYSTEM, report=report, reason="thử tải")
            Report.objects.filter(pk=report.pk).update(status="submitted")
            services.report_approve(scope=SYSTEM, report=report)

    cycle_s, _ = timed(cycle)
    print(f"Tổng hợp toàn quốc, 1 chỉ tiêu, 1 kỳ (tổng {stored[0]:,.0f} từ {stored[1]:,} báo cáo):")
    print(f"  đọc bảng tổng hợp lưu sẵn (rollup_stored):        {stored_s * 1000:8.1f} ms")
    print(
        f"  số liệu đầy đủ như trang hiển thị (unit_figures):  {figure_s * 1000:8.1f} ms  (tạm tính: {figure.provisional})"
    )
    print(f"  tính lại từ đầu qua ORM (rollup_brute):            {brute_s * 1000:8.1f} ms")
    print(f"  SQL viết tay (JOIN + LIKE path + SUM):             {sql_s * 1000:8.1f} ms")
    print(f"  mở lại + duyệt lại 1 báo cáo (cập nhật tăng dần):  {cycle_s * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
