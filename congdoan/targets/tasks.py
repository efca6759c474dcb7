"""Long work of targets as background jobs: the Excel imports (always) and the big Excel exports.

A Job row carries the uploaded file or the export's parameters, the progress and the outcome; the task
acts with the rights of whoever started it. Imports stay all-or-nothing: one bad row saves nothing, and
the job page lists the rows (“Dòng N: …”).
"""

from __future__ import annotations

import datetime as dt
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django_tasks import task

from congdoan.core.files import export_name
from congdoan.core.scoping import Action, Scope
from congdoan.jobs import services as jobs
from congdoan.jobs.models import Job
from congdoan.org import selectors as org_selectors

from . import excel, selectors, services
from .models import Report
from .periods import Period, parse_period, period_of

TARGET_IMPORT = "target_import"
REPORT_IMPORT = "report_import"
ROLLUP_EXPORT = "rollup_export"
REPORT_EXPORT = "report_export"
TITLES = {
    TARGET_IMPORT: _l("Nhập chỉ tiêu giao từ Excel"),
    REPORT_IMPORT: _l("Nhập số liệu báo cáo từ Excel"),
    ROLLUP_EXPORT: _l("Xuất tổng hợp báo cáo ra Excel"),
    REPORT_EXPORT: _l("Xuất báo cáo ra Excel"),
}
_ROW = re.compile(r"^Dòng (\d+): (.*)$", re.S)


def inline_export_rows() -> int:
    """Exports up to this many rows are answered in the request; bigger ones run as a job."""
    return getattr(settings, "CONGDOAN_INLINE_EXPORT_ROWS", 5000)


# -- the files ------------------------------------------------------------------------------------
def report_file(*, report: Report) -> tuple[str, bytes]:
    """One report as a workbook: (file name, content)."""
    content = excel.report_xlsx(report=report, rows=selectors.report_rows(report=report))
    key = period_of(report.form.period_type, report.period_start).key
    return export_name("bao-cao", report.unit.code, key), content


def rollup_file(*, scope: Scope, unit, form, period: Period, structure: str) -> tuple[str, bytes]:
    """The roll-up of ``unit`` for ``form`` and ``period`` as a workbook: (file name, content)."""
    view = selectors.rollup_view(scope=scope, unit=unit, form=form, period=period, structure=structure)
    content = excel.rollup_xlsx(unit=unit, form=form, period=period, view=view)
    return export_name("tong-hop", unit.code, period.key), content


def rollup_rows(*, scope: Scope, unit, form, period: Period, structure: str) -> int:
    """How big the roll-up sheet is: one figure per indicator for the unit and for each child."""
    on = period.end if structure == "then" else None
    children = org_selectors.unit_children(scope=scope, unit=unit, on=on).count()
    return form.items.count() * (1 + children)


# -- the work -------------------------------------------------------------------------------------
def _fail_with_rows(job: Job, exc: ValidationError, back: str) -> None:
    errors = []
    for message in exc.messages:
        match = _ROW.match(message)
        errors.append({"row": int(match[1]) if match else "", "message": match[2] if match else message})
    jobs.job_fail(
        job=job,
        message=_("Tệp có lỗi nên chưa lưu gì cả. Sửa các dòng dưới đây rồi tải lên lại."),
        result={
            "errors": errors,
            "error_count": len(errors),
            "errors_truncated": False,
            "links": [{"url": back, "label": _("Quay lại")}],
        },
    )


def _read(job: Job, call):
    """Run an import on the job's file; a file calamine cannot read gets the page's message."""
    with job.input_file.open("rb") as file:
        try:
            return call(file)
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 - a file calamine cannot read
            raise ValidationError(_("Không đọc được tệp Excel này.")) from exc


def run_report_import(job: Job) -> None:
    scope = Scope.for_user(job.created_by)
    report = selectors.report_get(scope=scope, pk=job.params["report_id"])
    back = report.get_absolute_url()
    try:
        _read(
            job,
            lambda file: services.report_import_excel(
                scope=scope, report=report, version=job.params.get("version"), file=file
            ),
        )
    except ValidationError as exc:
        _fail_with_rows(job, exc, back)
        return
    jobs.job_succeed(
        job=job,
        message=_("Đã nhập số liệu từ Excel."),
        result={"links": [{"url": back, "label": _("Về báo cáo")}]},
    )
    jobs.job_discard_input(job=job)


def run_target_import(job: Job) -> None:
    scope = Scope.for_user(job.created_by)
    params = job.params
    back = reverse("targets:targets", args=[job.unit_id]) + f"?year={params['year']}"
    day = params.get("decision_date")
    try:
        n = _read(
            job,
            lambda file: services.target_import_excel(
                scope=scope,
                assigned_by=job.unit,
                year=params["year"],
                decision_no=params.get("decision_no", ""),
                decision_date=dt.date.fromisoformat(day) if day else None,
                file=file,
            ),
        )
    except ValidationError as exc:
        _fail_with_rows(job, exc, back)
        return
    jobs.job_succeed(
        job=job,
        message=_("Đã lưu %(n)s chỉ tiêu giao.") % {"n": n},
        result={"links": [{"url": back, "label": _("Về trang giao chỉ tiêu")}]},
    )
    jobs.job_discard_input(job=job)


def run_report_export(job: Job) -> None:
    scope = Scope.for_user(job.created_by)
    report = selectors.report_get(scope=scope, pk=job.params["report_id"])
    jobs.job_succeed(job=job, message=_("Đã tạo tệp Excel."), result_file=report_file(report=report))


def run_rollup_export(job: Job) -> None:
    scope = Scope.for_user(job.created_by)
    params = job.params
    form = selectors.form_get(scope=scope, pk=params["form_id"])
    result = rollup_file(
        scope=scope,
        unit=org_selectors.unit_get(scope=scope, pk=job.unit_id),
        form=form,
        period=parse_period(params["period"]),
        structure=params["structure"],
    )
    jobs.job_succeed(job=job, message=_("Đã tạo tệp Excel."), result_file=result)


@task()
def report_import_task(job_id: int) -> None:
    jobs.job_run(job_id=job_id, work=run_report_import)


@task()
def target_import_task(job_id: int) -> None:
    jobs.job_run(job_id=job_id, work=run_target_import)


@task()
def report_export_task(job_id: int) -> None:
    jobs.job_run(job_id=job_id, work=run_report_export)


@task()
def rollup_export_task(job_id: int) -> None:
    jobs.job_run(job_id=job_id, work=run_rollup_export)


_TASKS = {
    TARGET_IMPORT: target_import_task,
    REPORT_IMPORT: report_import_task,
    ROLLUP_EXPORT: rollup_export_task,
    REPORT_EXPORT: report_export_task,
}


# -- starting -------------------------------------------------------------------------------------
def job_start(*, scope: Scope, kind: str, unit, params: dict, upload=None) -> Job:
    """Queue a job of ``kind`` for ``unit`` (pages and API start here). Imports need an officer on the
    unit; exports only read, so a viewer may start them."""
    job = jobs.job_create(
        scope=scope,
        kind=kind,
        title=str(TITLES[kind]),
        unit=unit,
        action=Action.ACT if upload is not None else Action.VIEW,
        input_file=upload,
        input_name=getattr(upload, "name", "") or "",
        params=params,
    )
    return jobs.job_enqueue(job=job, task=_TASKS[kind])
