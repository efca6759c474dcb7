"""Writes for background jobs: create, enqueue, report progress, finish.

Progress is written with a plain UPDATE outside any transaction the job's own work opens, so that the
page polling the job (another connection) sees it. Work that must be all-or-nothing does its reading and
validating first, reporting progress, and opens its one transaction only for the final write.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.scoping import Action, Scope

from .constants import JobStatus
from .models import Job

logger = logging.getLogger(__name__)


@transaction.atomic
def job_create(
    *,
    scope: Scope,
    kind: str,
    title: str,
    unit,
    action: str = Action.ACT,
    input_file: File | None = None,
    input_name: str = "",
    total: int = 0,
    message: str = "",
    params: dict | None = None,
) -> Job:
    """Queue a job of ``kind`` (titled ``title`` for the officer) done for ``unit``, keeping its input file
    and ``params`` (what the owning app's task needs to know). The user must be allowed ``action`` on the
    unit (an import changes data: officers; an export reads it: viewers too)."""
    scope.require_can(unit, action)
    job = Job(
        kind=kind,
        title=str(title)[:255],
        params=params or {},
        unit=unit,
        created_by=user_or_none(scope.actor),
        total=total,
        message=message or _("Đang chờ xử lý…"),
        input_name=(input_name or getattr(input_file, "name", "") or "")[:255],
    )
    job.full_clean(exclude=["input_file", "result_file", "created_by"])
    job.save()
    if input_file is not None:
        job.input_file.save(f"{job.pk}.xlsx", input_file, save=True)
    event_record(
        actor=scope.actor,
        action="job.create",
        summary=_("Tạo tác vụ: %(k)s") % {"k": job.title or job.kind},
        unit=unit,
        obj=job,
    )
    return job


def job_enqueue(*, job: Job, task) -> Job:
    """Hand the job to the task backend (runs at once in the demo and tests, by ``db_worker`` in production).

    Not atomic on purpose: with the immediate backend the work runs here, and must be free to open and
    commit its own transaction.
    """
    result = task.enqueue(job_id=job.pk)
    Job.objects.filter(pk=job.pk, task_id="").update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


def job_start(*, job: Job) -> Job:
    if job.status != JobStatus.QUEUED:
        raise ValidationError(_("Tác vụ này không ở trạng thái chờ nên không thể bắt đầu."))
    job.status = JobStatus.RUNNING
    job.started_at = timezone.now()
    job.message = _("Đang xử lý…")
    Job.objects.filter(pk=job.pk).update(status=job.status, started_at=job.started_at, message=job.message)
    return job


def job_progress(*, job: Job, done: int, total: int | None = None, message: str | None = None) -> None:
    """Record how far the job got; cheap enough to call every few thousand rows."""
    job.done = max(0, done)
    fields = {"done": job.done}
    if total is not None:
        job.total = fields["total"] = max(0, total)
    if message is not None:
        job.message = fields["message"] = message[:500]
    Job.objects.filter(pk=job.pk).update(**fields)


def _finish(
    job: Job, *, status: str, message: str, result: dict | None, result_file: tuple[str, bytes] | None
) -> Job:
    if job.is_finished:
        raise ValidationError(_("Tác vụ này đã kết thúc."))
    job.status = status
    job.message = message[:500]
    job.finished_at = timezone.now()
    if result is not None:
        job.result = result
    if status == JobStatus.SUCCEEDED and job.total:
        job.done = job.total
    if result_file is not None:
        name, content = result_file
        job.result_name = name[:255]
        job.result_file.save(f"{job.pk}-{name}", ContentFile(content), save=False)
    job.save()
    return job


def job_succeed(
    *, job: Job, message: str = "", result: dict | None = None, result_file: tuple[str, bytes] | None = None
) -> Job:
    """Mark the job done, with a summary for the page and optionally a file to download."""
    return _finish(
        job,
        status=JobStatus.SUCCEEDED,
        message=message or _("Đã hoàn thành."),
        result=result,
        result_file=result_file,
    )


def job_fail(
    *, job: Job, message: str, result: dict | None = None, result_file: tuple[str, bytes] | None = None
) -> Job:
    """Mark the job failed with a message the officer can act on (and e.g. an error workbook)."""
    return _finish(job, status=JobStatus.FAILED, message=message, result=result, result_file=result_file)


def job_discard_input(*, job: Job) -> None:
    """Delete the uploaded file once its content is in the registry (it holds personal data: CCCD, phones)."""
    if job.input_file:
        job.input_file.delete(save=False)
        Job.objects.filter(pk=job.pk).update(input_file="")


def job_run(*, job_id: int, work: Callable[[Job], None]) -> Job:
    """Run ``work(job)`` for a queued job, turning any error into a failed job with a Vietnamese message.

    ``work`` reports progress with :func:`job_progress` and may finish the job itself (e.g. failing it with
    an error workbook); if it returns without finishing, the job succeeds.
    """
    job = Job.objects.get(pk=job_id)
    if job.status != JobStatus.QUEUED:
        return job  # a retried or duplicated delivery: the first one owns the job
    job_start(job=job)
    try:
        work(job)
    except ValidationError as exc:
        job.refresh_from_db()
        if not job.is_finished:
            job_fail(job=job, message=" ".join(exc.messages))
    except Exception:
        logger.exception("job %s (%s) crashed", job.pk, job.kind)
        job.refresh_from_db()
        if not job.is_finished:
            job_fail(job=job, message=_("Lỗi hệ thống khi xử lý. Vui lòng thử lại hoặc báo quản trị viên."))
    else:
        job.refresh_from_db()
        if not job.is_finished:
            job_succeed(job=job)
    return job


def job_files_purge(*, older_than: dt.timedelta) -> int:
    """Delete the files of jobs finished more than ``older_than`` ago — uploads and results (error workbooks,
    member lists) hold personal data; the job row and its message stay. Returns the number of jobs purged."""
    cutoff = timezone.now() - older_than
    purged = 0
    for job in Job.objects.filter(finished_at__lt=cutoff).exclude(input_file="", result_file="").iterator():
        for field in (job.input_file, job.result_file):
            if field:
                field.delete(save=False)
        Job.objects.filter(pk=job.pk).update(input_file="", result_file="")
        purged += 1
    return purged
