"""A country-wide review draft runs as a Job (its facts read the whole country twice: this year and last);
a province's or a smaller unit's is rendered in the request."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django_tasks import task

from congdoan.core.scoping import Action, Scope
from congdoan.jobs import services as jobs
from congdoan.jobs.models import Job
from congdoan.org.models import Unit

from .charts import VI_NUMBER_LOCALE
from .engine.vega import chart_picture
from .figures import figures_kept
from .review import review_docx, review_pdf
from .reviews import review_open

REVIEW_DOCUMENT = "review_document"
REVIEW_DOCUMENT_TITLE = _l("Lập bản thảo báo cáo tổng kết, sơ kết")
REVIEW_DRAFT = "review_draft"
REVIEW_DRAFT_TITLE = _l("Soạn dự thảo báo cáo tổng kết, sơ kết (lưu để sửa, ban hành)")
RENDERERS = {"pdf": review_pdf, "docx": review_docx}


def runs_as_job(unit: Unit) -> bool:
    """The national level's review is a Job; every other unit's is immediate."""
    return unit.kind.level == 0


def review_name(unit: Unit, start: dt.date, end: dt.date, fmt: str) -> str:
    return f"bao-cao-{unit.code}-{start:%Y%m%d}-{end:%Y%m%d}.{fmt}"


def _prepare(job: Job, scope: Scope, start: dt.date, end: dt.date, on: dt.date, steps_after: int) -> int:
    """The long parts first, each a step of the progress bar: the country's figures (this year and last),
    then each chart's drawing; both are kept (``figures_kept``, the drawing cache), so the document that
    follows reads them. Returns the number of steps in all."""
    jobs.job_progress(job=job, done=0, total=1 + steps_after, message=_("Đang tổng hợp số liệu toàn quốc…"))
    _facts, charts = figures_kept(scope=scope, unit=job.unit, start=start, end=end, as_of=on)
    total = 1 + len(charts) + steps_after
    for i, chart in enumerate(charts, start=1):
        jobs.job_progress(
            job=job, done=i, total=total, message=_("Đang vẽ biểu đồ “%(t)s”…") % {"t": chart.title}
        )
        chart_picture(chart.spec, locale=VI_NUMBER_LOCALE)
    return total


def run_review(job: Job) -> None:
    p = job.params
    start, end, on = (dt.date.fromisoformat(p[k]) for k in ("start", "end", "on"))
    scope = Scope.for_user(job.created_by)
    total = _prepare(job, scope, start, end, on, steps_after=1)
    jobs.job_progress(job=job, done=total - 1, total=total, message=_("Đang dựng tài liệu…"))
    data = RENDERERS[p["fmt"]](
        scope=Scope.for_user(job.created_by), unit=job.unit, start=start, end=end, on=on
    )
    jobs.job_succeed(
        job=job,
        message=_("Đã lập bản thảo báo cáo của “%(u)s”.") % {"u": job.unit.name},
        result_file=(review_name(job.unit, start, end, p["fmt"]), data),
    )


@task()
def review_task(job_id: int) -> None:
    jobs.job_run(job_id=job_id, work=run_review)


def review_start(*, scope: Scope, unit: Unit, start: dt.date, end: dt.date, on: dt.date, fmt: str) -> Job:
    """Queue the review draft of ``unit`` (viewers may print what they may read)."""
    job = jobs.job_create(
        scope=scope,
        kind=REVIEW_DOCUMENT,
        title=str(REVIEW_DOCUMENT_TITLE),
        unit=unit,
        action=Action.VIEW,
        total=1,
        params={"start": start.isoformat(), "end": end.isoformat(), "on": on.isoformat(), "fmt": fmt},
    )
    return jobs.job_enqueue(job=job, task=review_task)


def run_review_draft(job: Job) -> None:
    p = job.params
    start, end, on = (dt.date.fromisoformat(p[k]) for k in ("start", "end", "on"))
    scope = Scope.for_user(job.created_by)
    total = _prepare(job, scope, start, end, on, steps_after=1)
    jobs.job_progress(job=job, done=total - 1, total=total, message=_("Đang soạn dự thảo…"))
    review = review_open(scope=scope, unit=job.unit, start=start, end=end, on=on)
    jobs.job_succeed(
        job=job,
        message=_("Đã soạn dự thảo “%(t)s”. Bấm lại “Soạn báo cáo” trên trang tổng quan để sửa và ban hành.")
        % {"t": review.title},
        result={"review": review.pk},
    )


@task()
def review_draft_task(job_id: int) -> None:
    jobs.job_run(job_id=job_id, work=run_review_draft)


def review_draft_start(*, scope: Scope, unit: Unit, start: dt.date, end: dt.date, on: dt.date) -> Job:
    """Queue the drafting of the country's review (the officer edits it once it is drafted)."""
    job = jobs.job_create(
        scope=scope,
        kind=REVIEW_DRAFT,
        title=str(REVIEW_DRAFT_TITLE),
        unit=unit,
        action=Action.ACT,
        total=1,
        params={"start": start.isoformat(), "end": end.isoformat(), "on": on.isoformat()},
    )
    return jobs.job_enqueue(job=job, task=review_draft_task)
