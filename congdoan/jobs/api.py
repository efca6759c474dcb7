import datetime as dt

from django.urls import reverse
from ninja import Router, Schema

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


@router.get("/{job_id}", response=JobOut, summary="Trạng thái và tiến độ một tác vụ nền")
def get_job(request, job_id: int):
    return selectors.job_get(scope=Scope.of(request), pk=job_id)
