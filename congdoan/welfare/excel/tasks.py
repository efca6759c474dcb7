"""The welfare recipient import as a background task: a Job row carries the file, the choices and the outcome."""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django_tasks import task

from congdoan.core.money import format_number
from congdoan.core.scoping import Action, Scope
from congdoan.jobs import services as jobs
from congdoan.jobs.models import Job
from congdoan.org import selectors as org_selectors

from ..models import FundSource, Programme
from .services import recipients_import

WELFARE_RECIPIENT_IMPORT = "welfare_recipient_import"
WELFARE_RECIPIENT_IMPORT_TITLE = _l("Nhập danh sách người được hỗ trợ từ Excel")
MAX_ERRORS_SHOWN = 200
ROW = re.compile(r"^Dòng (\d+):")


def _row_of(message: str):
    found = ROW.match(message)
    return int(found.group(1)) if found else ""


def run_recipient_import(job: Job) -> None:
    """The job's work: import ``job.input_file`` into the programme with the rights of whoever uploaded it."""
    params = job.params
    programme = Programme.objects.select_related("owner").get(pk=params["programme"])
    unit = org_selectors.unit_by_pk(params["unit"]) if params.get("unit") else None
    fund = FundSource.objects.get(pk=params["fund"]) if params.get("fund") else None
    paid_on = dt.date.fromisoformat(params["paid_on"]) if params.get("paid_on") else None
    with job.input_file.open("rb") as handle:
        data = handle.read()
    back = {"url": programme.get_absolute_url(), "label": _("Về chương trình")}
    upload_url = reverse("welfare:import", args=[programme.pk])
    try:
        made = recipients_import(
            scope=Scope.for_user(job.created_by),
            programme=programme,
            data=data,
            unit=unit,
            paid_on=paid_on,
            form=params.get("form") or "",
            fund=fund,
        )
    except ValidationError as exc:
        errors = exc.messages
        jobs.job_fail(
            job=job,
            message=_("Chưa lưu dòng nào: %(m)s") % {"m": " ".join(errors)},
            result={
                "errors": [{"row": _row_of(m), "message": m} for m in errors[:MAX_ERRORS_SHOWN]],
                "error_count": len(errors),
                "errors_truncated": len(errors) > MAX_ERRORS_SHOWN,
                "links": [{"url": upload_url, "label": _("Tải lên tệp đã sửa")}, back],
            },
        )
        jobs.job_discard_input(job=job)
        return
    jobs.job_succeed(
        job=job,
        message=_("Đã nhập %(n)s người từ tệp Excel.") % {"n": len(made)},
        result={
            "summary": [[_("Số người đã nhập"), format_number(len(made))]],
            "payment_ids": [p.pk for p in made],
            "links": [back, {"url": upload_url, "label": _("Nhập tệp khác")}],
        },
    )
    jobs.job_discard_input(job=job)


@task()
def recipient_import_task(job_id: int) -> None:
    jobs.job_run(job_id=job_id, work=run_recipient_import)


def recipient_import_start(
    *, scope: Scope, programme: Programme, upload, unit=None, paid_on=None, form: str = "", fund=None
) -> Job:
    """Queue the import of an uploaded list into ``programme`` (done for ``unit``, else for the programme's
    owner when the user may act there, else for the user's first unit in the programme)."""
    job_unit = unit or _acting_unit(scope, programme)
    job = jobs.job_create(
        scope=scope,
        kind=WELFARE_RECIPIENT_IMPORT,
        title=str(WELFARE_RECIPIENT_IMPORT_TITLE),
        unit=job_unit,
        input_file=upload,
        input_name=getattr(upload, "name", ""),
        params={
            "programme": programme.pk,
            "unit": unit.pk if unit is not None else None,
            "paid_on": paid_on.isoformat() if paid_on else None,
            "form": form or "",
            "fund": fund.pk if fund is not None else None,
        },
    )
    return jobs.job_enqueue(job=job, task=recipient_import_task)


def _acting_unit(scope: Scope, programme: Programme):
    if scope.can(programme.owner):
        return programme.owner
    units = org_selectors.units_below(programme.owner).order_by("path")
    return scope.filter(units, "path", action=Action.ACT).first() or programme.owner
