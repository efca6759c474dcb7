"""The member import and the member-list export as background tasks: a Job row carries the file, the
progress and the outcome (the export only above ``CONGDOAN_INLINE_EXPORT_ROWS`` rows)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django_tasks import task

from congdoan.core.dates import today
from congdoan.core.files import export_name, local_path
from congdoan.core.money import format_number
from congdoan.core.scoping import Action, Scope
from congdoan.jobs import services as jobs
from congdoan.jobs.models import Job
from congdoan.members.selectors import MemberFilter
from congdoan.org import selectors as org_selectors

from . import export
from .services import MAX_ERRORS_SHOWN, member_import

MEMBER_EXPORT = "member_export"
MEMBER_EXPORT_TITLE = _l("Xuất danh sách đoàn viên ra Excel")
MEMBER_IMPORT = "member_import"
MEMBER_IMPORT_TITLE = _l("Nhập danh sách đoàn viên từ Excel")


def run_member_import(job: Job) -> None:
    """The job's work: import ``job.input_file`` for ``job.unit`` with the rights of whoever uploaded it."""
    actor = job.created_by
    scope = Scope.for_user(actor)

    def progress(done, total, message):
        jobs.job_progress(job=job, done=done, total=total, message=message)

    with local_path(job.input_file) as path:  # object storage has no path: a temporary copy
        outcome = member_import(scope=scope, unit=job.unit, path=path, progress=progress)
    if not outcome.ok:
        bad = len(outcome.errors)
        jobs.job_fail(
            job=job,
            message=_(
                "Có %(bad)s/%(n)s dòng chưa đúng nên chưa lưu dòng nào. Tải tệp có cột “Lỗi”, sửa các dòng đó "
                "rồi tải lên lại."
            )
            % {"bad": format_number(bad), "n": format_number(outcome.rows)},
            result={
                "summary": [
                    [_("Số dòng"), format_number(outcome.rows)],
                    [_("Dòng có lỗi"), format_number(bad)],
                ],
                "errors": [{"row": r, "message": m} for r, m in outcome.errors[:MAX_ERRORS_SHOWN]],
                "error_count": bad,
                "errors_truncated": bad > MAX_ERRORS_SHOWN,
                "links": [{"url": reverse("members:import_upload"), "label": _("Tải lên tệp đã sửa")}],
            },
            result_file=(_error_file_name(job.input_name), outcome.error_file),
        )
        return
    links = [{"url": reverse("members:import_upload"), "label": _("Nhập tệp khác")}]
    try:
        links.insert(0, {"url": reverse("members:index"), "label": _("Xem danh sách đoàn viên")})
    except Exception:  # noqa: S110 - the members list page may not be wired yet
        pass
    jobs.job_succeed(
        job=job,
        message=_(
            "Đã nhập %(n)s dòng: %(c)s người đưa vào danh sách đề nghị kết nạp, %(u)s đoàn viên được cập nhật."
        )
        % {
            "n": format_number(outcome.rows),
            "c": format_number(outcome.created),
            "u": format_number(outcome.updated),
        },
        result={
            "summary": [
                [_("Số dòng"), format_number(outcome.rows)],
                [_("Kết nạp mới (chờ cấp trên duyệt)"), format_number(outcome.created)],
                [_("Cập nhật thông tin"), format_number(outcome.updated)],
                [_("Danh sách đề nghị kết nạp"), format_number(len(outcome.batch_ids))],
            ],
            "batch_ids": outcome.batch_ids,
            "links": links,
            "table": {
                "title": _("Các dòng đã nhập (tối đa 50 dòng đầu)"),
                "headers": [_("Dòng"), _("Họ và tên"), _("Ngày sinh"), _("Mã đơn vị"), _("Kết quả")],
                "rows": outcome.sample,
            },
        },
    )
    jobs.job_discard_input(job=job)


def _error_file_name(name: str) -> str:
    stem = (name or "danh-sach").rsplit(".", 1)[0]
    return f"{stem}-loi.xlsx"


@task()
def member_import_task(job_id: int) -> None:
    jobs.job_run(job_id=job_id, work=run_member_import)


def member_import_start(*, scope: Scope, unit, upload) -> Job:
    """Queue the import of an uploaded workbook for ``unit`` (the page and the API both start it here)."""
    job = jobs.job_create(
        scope=scope,
        kind=MEMBER_IMPORT,
        title=str(MEMBER_IMPORT_TITLE),
        unit=unit,
        input_file=upload,
        input_name=upload.name,
    )
    return jobs.job_enqueue(job=job, task=member_import_task)


# -- the member-list export----------------------------------------------------------------------
def member_export_name() -> str:
    return export_name("danh-sach-doan-vien", today())


def member_export_count(*, scope: Scope, filters: MemberFilter) -> int:
    return export.member_export_rows(scope=scope, filters=filters).count()


def _job_unit(scope: Scope, unit_id: int | None):
    """The unit a job is done for: the filtered unit, else the user's first root."""
    if unit_id:
        return org_selectors.unit_get(scope=scope, pk=unit_id)
    return org_selectors.unit_roots(scope=scope).first()


def run_member_export(job: Job) -> None:
    scope = Scope.for_user(job.created_by)
    query = job.params.get("query") or {}
    filters = export.filters_from_query(query)
    data = export.export_workbook(
        scope=scope, filters=filters, include_party=export.party_asked(query, scope)
    )
    jobs.job_succeed(
        job=job,
        message=_("Đã xuất danh sách %(n)s đoàn viên.") % {"n": format_number(job.total)},
        result_file=(job.params.get("name") or member_export_name(), data),
    )


@task()
def member_export_task(job_id: int) -> None:
    jobs.job_run(job_id=job_id, work=run_member_export)


def member_export_start(*, scope: Scope, query: dict, rows: int) -> Job:
    """Queue the export of the member list filtered by the search page's ``query`` parameters."""
    filters = export.filters_from_query(query)
    job = jobs.job_create(
        scope=scope,
        kind=MEMBER_EXPORT,
        title=str(MEMBER_EXPORT_TITLE),
        unit=_job_unit(scope, filters.unit_id),
        action=Action.VIEW,
        total=rows,
        params={"query": query, "name": member_export_name()},
    )
    return jobs.job_enqueue(job=job, task=member_export_task)
