"""Registrations API: the list, the review, and a registration made elsewhere (the national platform, a
phone call) recorded by an officer with the day it was made."""

import datetime as dt

from ninja import Field, Router, Schema
from ninja.pagination import paginate

from congdoan.core.api import LimitOffset
from congdoan.core.concurrency import idempotent_create
from congdoan.core.fields import ApiDate
from congdoan.core.scoping import Scope
from congdoan.members import selectors as member_selectors

from . import selectors, services
from .services.registration_records import registration_record

router = Router(tags=["Chăm lo, phúc lợi"])


class WelfareRegistrationOut(Schema):
    id: int
    programme_id: int
    member_id: int
    unit_id: int
    status: str
    note: str
    registered_on: dt.date
    source: str
    phone: str
    created_at: dt.datetime


class DecideIn(Schema):
    approve: bool
    note: str = ""


class RegistrationRecordIn(Schema):
    programme_id: int
    member_id: int
    registered_on: ApiDate = Field(..., description="Ngày đoàn viên đăng ký: kỳ mà đăng ký được tính.")
    phone: str = ""
    note: str = ""


@router.get("/registrations", response=list[WelfareRegistrationOut], summary="Đăng ký trực tuyến")
@paginate(LimitOffset)
def list_registrations(request, status: str = "", programme_id: int | None = None):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=programme_id) if programme_id else None
    return selectors.registration_list(scope=scope, programme=programme, status=status)


@router.post(
    "/registrations/{registration_id}/decide", response=WelfareRegistrationOut, summary="Xét đăng ký"
)
def decide_registration(request, registration_id: int, payload: DecideIn):
    scope = Scope.of(request)
    registration = selectors.registration_get(scope=scope, pk=registration_id)
    return services.registration_decide(
        scope=scope, registration=registration, approve=payload.approve, note=payload.note
    )


@router.post("/registrations", response={201: WelfareRegistrationOut}, summary="Ghi nhận đăng ký trực tuyến")
def record_registration(request, payload: RegistrationRecordIn):
    """Một đoàn viên một lần mỗi chương trình; ngày đăng ký không sau hôm nay, không sau ngày kết thúc.
    Header ``Idempotency-Key``: gửi lại cùng khoá trả về đăng ký đã ghi."""
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=payload.programme_id)
    member = member_selectors.member_get(scope=scope, pk=payload.member_id)
    registration = idempotent_create(
        request,
        lambda: registration_record(
            scope=scope,
            programme=programme,
            member=member,
            registered_on=payload.registered_on,
            phone=payload.phone,
            note=payload.note,
        ),
        lambda pk: selectors.registration_get(scope=scope, pk=pk),
    )
    return 201, registration
