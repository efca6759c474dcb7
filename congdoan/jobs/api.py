import datetime as dt

from django.core.exceptions import ValidationError
from django.urls import reverse
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile

from congdoan.core.scoping import Scope

from . import selectors

router = Router(tags=["Tác vụ nền"])


class JobOut(Schema):
    id: int
    kind: str
    status: str
    done: int
    total: int
    percent: int
    message: str
    unit_id: int
    result: dict
    result_url: str | None
    created_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None

    @staticmethod
    def resolve_result_url(obj):
        return reverse("jobs:result", args=[obj.pk]) if obj.result_file else None


@router.post(
    "/member-import",
    response={202: JobOut},
    summary="Nhập danh sách đoàn viên từ tệp Excel (chạy nền; theo dõi bằng GET /jobs/{id})",
)
def start_member_import(request, unit_id: Form[int], file: File[UploadedFile]):
    from congdoan.members.excel import reader
    from congdoan.members.excel.tasks import member_import_task
    from congdoan.org import selectors as org_selectors

    from . import services
    from .constants import JobKind

    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    if not (file.name or "").lower().endswith(".xlsx"):
        raise ValidationError({"file": "Chỉ nhận tệp Excel .xlsx."})
    reader.check_file_size(file.size)
    job = services.job_create(
        kind=JobKind.MEMBER_IMPORT,
        unit=unit,
        scope=scope,
        input_file=file,
        input_name=file.name,
    )
    services.job_enqueue(job=job, task=member_import_task)
    return 202, selectors.job_get(scope=scope, pk=job.pk)


@router.get("/{job_id}", response=JobOut, summary="Trạng thái và tiến độ một tác vụ nền")
def get_job(request, job_id: int):
    return selectors.job_get(scope=Scope.of(request), pk=job_id)
