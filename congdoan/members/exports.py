"""The statistics export: answered in the request when small, else run as a Job (the member-list
export does the same in ``excel.tasks``).

Above ``settings.CONGDOAN_INLINE_EXPORT_ROWS`` rows (default 5000) the page starts a background task
with a Job row and sends the officer to the job's page, where the workbook is downloadable when done.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django_tasks import task

from congdoan.core.scoping import Action, Scope
from congdoan.jobs import services as jobs
from congdoan.jobs.models import Job

from . import stats
from .selectors import MemberFilter, member_search
from .stats_export import workbook_bytes

MEMBER_STATISTICS_EXPORT = "member_statistics_export"
MEMBER_STATISTICS_EXPORT_TITLE = _l("Xuất thống kê đoàn viên ra Excel")


def inline_rows() -> int:
    """Up to this many rows an export is answered in the request; above, it runs as a Job."""
    return getattr(settings, "CONGDOAN_INLINE_EXPORT_ROWS", 5000)


# -- the statistics table ----------------------------------------------------------------------
def statistics_export_name(unit, on: dt.date) -> str:
    return f"thong-ke-doan-vien-{unit.code}-{on:%Y%m%d}.xlsx"


def statistics_rows(*, scope: Scope, unit) -> int:
    """How many member records the statistics of ``unit`` read (its subtree's)."""
    return member_search(scope=scope, filters=MemberFilter(unit_id=unit.pk)).count()


def run_statistics_export(job: Job) -> None:
    scope = Scope.for_user(job.created_by)
    p = job.params
    report = stats.report(
        scope=scope,
        unit=job.unit,
        on=dt.date.fromisoformat(p["on"]),
        start=dt.date.fromisoformat(p["start"]),
        end=dt.date.fromisoformat(p["end"]),
    )
    jobs.job_succeed(
        job=job,
        message=_("Đã xuất thống kê đoàn viên của “%(u)s”.") % {"u": job.unit.name},
        result_file=(p["name"], workbook_bytes(report)),
    )


@task()
def statistics_export_task(job_id: int) -> None:
    jobs.job_run(job_id=job_id, work=run_statistics_export)


def statistics_export_start(
    *, scope: Scope, unit, on: dt.date, start: dt.date, end: dt.date, rows: int
) -> Job:
    """Queue the statistics workbook of ``unit`` (figures on ``on``, period ``start``–``end``)."""
    job = jobs.job_create(
        scope=scope,
        kind=MEMBER_STATISTICS_EXPORT,
        title=str(MEMBER_STATISTICS_EXPORT_TITLE),
        unit=unit,
        action=Action.VIEW,
        total=rows,
        params={
            "on": on.isoformat(),
            "start": start.isoformat(),
            "end": end.isoformat(),
            "name": statistics_export_name(unit, on),
        },
    )
    return jobs.job_enqueue(job=job, task=statistics_export_task)
