#!/usr/bin/env python
"""Benchmark: the year review of a unit (issue 15) on the demo data (PostgreSQL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/congdoan_national uv run python bench/review.py \
        --year 2025 --repeat 5

For the largest province and for the country, times
- ``facts_for`` (the fact table for the year, with last year's figures),
- ``unit_charts`` (the dashboard's and the review's charts: composition from the facts, members at each
  month's end, recruitment against target and report completeness by child unit),
- the review draft of the province as PDF and as DOCX, each from the records (facts, charts drawn by
  vl-convert, WeasyPrint / python-docx), and from a stored ``Review`` (text and snapshot only),
- the cluster year review of the largest cluster, if any.
Prints median and p95 in milliseconds. Never passes or fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings")
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")

import django  # noqa: E402

django.setup()

from django.db.models import Count  # noqa: E402
from members import p95, timed  # noqa: E402 - the helpers of bench/members.py

from congdoan.core.scoping import Scope  # noqa: E402
from congdoan.documents import cluster_review, reviews  # noqa: E402
from congdoan.documents.breakdowns import unit_charts  # noqa: E402
from congdoan.documents.facts import facts_for  # noqa: E402
from congdoan.documents.review import review_docx, review_pdf  # noqa: E402
from congdoan.members import stats  # noqa: E402
from congdoan.org.models import Cluster, Unit  # noqa: E402

SYSTEM = Scope.unrestricted()


def line(name: str, samples: list[float]) -> None:
    print(f"  {name:<46} median {statistics.median(samples):9.1f} ms   p95 {p95(samples):9.1f} ms")


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
        line(
            "unit_charts",
            timed(
                lambda u=unit, f=facts: unit_charts(scope=SYSTEM, unit=u, as_of=on, facts=f, **period),
                args.repeat,
            ),
        )
    print(f"Review draft of {province.name}")
    line(
        "PDF from the records",
        timed(lambda: review_pdf(scope=SYSTEM, unit=province, on=on, **period), args.repeat),
    )
    line(
        "DOCX from the records",
        timed(lambda: review_docx(scope=SYSTEM, unit=province, on=on, **period), args.repeat),
    )
    review = reviews.review_open(scope=SYSTEM, unit=province, on=on, **period)
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
