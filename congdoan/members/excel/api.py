"""API of the member workbook: start an import (it runs as a background job; follow it at /jobs/{id})."""

from django.core.exceptions import ValidationError
from ninja import File, Form, Router
from ninja.files import UploadedFile

from congdoan.core.scoping import Scope
from congdoan.jobs import selectors as job_selectors
from congdoan.jobs.api import JobOut
from congdoan.org import selectors as org_selectors

from . import reader
from .tasks import member_import_start

router = Router(tags=["Đoàn viên"])


@router.post(
    "/import",
    response={202: JobOut},
    summary="Nhập danh sách đoàn viên từ tệp Excel (chạy nền; theo dõi bằng GET /jobs/{id})",
)
def start_member_import(request, unit_id: Form[int], file: File[UploadedFile]):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    if not (file.name or "").lower().endswith(".xlsx"):
        raise ValidationError({"file": "Chỉ nhận tệp Excel .xlsx."})
    reader.check_file_size(file.size)
    job = member_import_start(scope=scope, unit=unit, upload=file)
    return 202, job_selectors.job_get(scope=scope, pk=job.pk)
