#!/usr/bin/env python
"""Benchmark: the year review of a unit (issue 15) on the demo data (PostgreSQL). Reads only.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/congdoan_national .venv/bin/python bench/review.py \
        --year 2025 --repeat 5

For the largest province and for the country, times
- ``facts_for`` (the fact table for the year, with last year's figures), computed afresh,
- ``unit_charts`` (the dashboard's and the review's charts: composition from the facts, members at each
  month's end, recruitment against target and report completeness by child unit),
- the review draft of the province as PDF, as DOCX, and both (what an officer downloading both waits): the
  figures computed afresh for each (``figures_forget``), the chart pictures drawn once before (cached by
  specification, like every later print of a review), and the pictures' own first drawing (vl-convert);
- a review kept with its snapshot (built in memory, never saved) as PDF and DOCX, and the "facts changed?"
  notice,
- the cluster year review of the largest cluster, if any.
Prints median and p95 in milliseconds of wall clock, and the median CPU time of this process (on a shared
machine the wall clock waits for a core; the CPU time is what the work costs), with the queries of one run
of the fact table and of the charts. Never passes or fails.
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
from django.db.models import Count  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from members import p95  # noqa: E402 - the helpers of bench/members.py

from congdoan.core.scoping import Scope  # noqa: E402
from congdoan.documents import cluster_review, reviews  # noqa: E402
from congdoan.documents.breakdowns import unit_charts  # noqa: E402
from congdoan.documents.engine import vega  # noqa: E402
from congdoan.documents.facts import facts_for  # noqa: E402
from congdoan.documents.figures import figures_forget, figures_kept  # noqa: E402
from congdoan.documents.review import review_docx, review_pdf  # noqa: E402
from congdoan.members import stats  # noqa: E402
from congdoan.org.models import Cluster, Unit  # noqa: E402

SYSTEM = Scope.unrestricted()


def timed(fn, repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds of ``repeat`` runs after one warm-up."""
    fn()
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return walls, cpus


def queries(fn) -> int:
    """How many queries one run of ``fn`` makes."""
    with CaptureQueriesContext(connection) as captured:
        fn()
    return len(captured)


def line(name: str, samples: tuple[list[float], list[float]]) -> None:
    walls, cpus = samples
    print(
        f"  {name:<46} median {statistics.median(walls):9.1f} ms   p95 {p95(walls):9.1f} ms"
        f"   cpu {statistics.median(cpus):9.1f} ms"
    )


def fresh(fn):
    """``fn`` with the kept figures dropped first (the fact table and charts computed again)."""

    def run():
        figures_forget()
        return fn()

    return run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--province", default="", help="code of the province (default: the largest)")
    args = parser.parse_args()
    start, end, on = dt.date(args.year, 1, 1), dt.date(args.year, 12, 31), dt.date(args.year + 1, 1, 5)
    root = Unit.objects.filter(kind__level=0).first()
    provinces = Unit.objects.filter(kind__level=1)
    if args.province:
        province = provinces.get(code=args.province)
    else:
        province = max(provinces, key=lambda u: stats.total_on(unit=u, on=end))
    period = {"start": start, "end": end}
    for unit in (province, root):
        print(f"{unit.name} ({stats.total_on(unit=unit, on=end):,} members on {end:%d/%m/%Y})")
        line(
            "facts_for (year, with last year)",
            timed(lambda u=unit: facts_for(scope=SYSTEM, unit=u, as_of=on, **period), args.repeat),
        )
        facts = facts_for(scope=SYSTEM, unit=unit, as_of=on, **period)
        for structure in ("then", "now"):
            line(
                f"unit_charts (tree {structure})",
                timed(
                    lambda u=unit, f=facts, s=structure: unit_charts(
                        scope=SYSTEM, unit=u, as_of=on, facts=f, structure=s, **period
                    ),
                    args.repeat,
                ),
            )
        print(
            f"  queries: facts_for {queries(lambda u=unit: facts_for(scope=SYSTEM, unit=u, as_of=on, **period))}"
            f", unit_charts {queries(lambda u=unit, f=facts: unit_charts(scope=SYSTEM, unit=u, as_of=on, facts=f, **period))}"
        )
    print(f"Review draft of {province.name}")
    pdf = fresh(lambda: review_pdf(scope=SYSTEM, unit=province, on=on, **period))
    docx = fresh(lambda: review_docx(scope=SYSTEM, unit=province, on=on, **period))
    line("PDF from the records", timed(pdf, args.repeat))
    line("DOCX from the records", timed(docx, args.repeat))

    def both():
        figures_forget()
        review_pdf(scope=SYSTEM, unit=province, on=on, **period)
        review_docx(scope=SYSTEM, unit=province, on=on, **period)

    line("PDF + DOCX from the records (figures once)", timed(both, args.repeat))
    _facts, charts = figures_kept(scope=SYSTEM, unit=province, as_of=on, **period)

    def draw():
        for chart in charts:
            vega.vl_convert.vegalite_to_png(vega.paper_spec(chart.spec), scale=vega.PRINT_SCALE)

    line(f"first drawing of its {len(charts)} charts (vl-convert)", timed(draw, 1))
    review = reviews.review_preview(scope=SYSTEM, unit=province, on=on, **period)
    line("PDF of the stored review", timed(lambda: reviews.review_file(review, "pdf"), args.repeat))
    line("DOCX of the stored review", timed(lambda: reviews.review_file(review, "docx"), args.repeat))
    line(
        "facts changed? (page notice)",
        timed(lambda: reviews.review_changes(scope=SYSTEM, review=review, on=on), args.repeat),
    )
    cluster = Cluster.objects.filter(year=args.year).annotate(n=Count("members")).order_by("-n").first()
    if cluster:
        print(f"Cluster {cluster.name} {cluster.year} ({cluster.n} units)")
        line(
            "cluster totals",
            timed(
                lambda: cluster_review.cluster_totals(scope=SYSTEM, cluster=cluster, as_of=on), args.repeat
            ),
        )
        line(
            "cluster review PDF",
            timed(lambda: cluster_review.cluster_pdf(scope=SYSTEM, cluster=cluster, on=on), args.repeat),
        )


if __name__ == "__main__":
    main()
