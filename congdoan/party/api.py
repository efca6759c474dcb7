"""Giới thiệu đoàn viên cho Đảng: API routes, scoped as the pages (officers and administrators only; every
read of a member's Party record is audited)."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from congdoan.core.api import LimitOffset
from congdoan.core.concurrency import api_version_field, idempotent_create, responses, update_or_conflict
from congdoan.core.dates import today
from congdoan.core.fields import ApiDate
from congdoan.core.scoping import Action, Scope
from congdoan.members import selectors as member_selectors
from congdoan.org import selectors as org_selectors

from . import selectors, services

router = Router(tags=["Giới thiệu đoàn viên cho Đảng"])


def _fields(payload: Schema, *exclude: str) -> dict:
    """The payload's fields as Python values (``.dict()`` would turn ApiDate back into text)."""
    return {name: getattr(payload, name) for name in type(payload).model_fields if name not in exclude}


def _scope(request) -> Scope:
    scope = Scope.of(request)
    if not selectors.may_see(scope):
        raise PermissionDenied
    return scope


class PartyIntroductionOut(Schema):
    id: int
    member_id: int
    member_code: str | None = Field(None, alias="member.code")
    member_name: str = Field(..., alias="member.full_name")
    unit_id: int
    resolution_no: str
    introduced_on: dt.date
    party_cell: str
    mentors: str
    status: str
    training_from: dt.date | None
    decision_no: str
    admitted_on: dt.date | None
    closed_on: dt.date | None
    reason: str
    version: int = Field(..., description="Gửi lại khi sửa để không ghi đè thay đổi của người khác.")


class PartyIntroductionIn(Schema):
    member_id: int
    resolution_no: str
    introduced_on: ApiDate
    party_cell: str
    mentors: str


class PartyIntroductionUpdateIn(Schema):
    resolution_no: str
    party_cell: str
    mentors: str
    version: int | None = api_version_field()


class PartyMoveIn(Schema):
    to: str = Field(..., description="training, admitted, not_admitted hoặc withdrawn")
    on: ApiDate
    decision_no: str = Field("", description="Số quyết định kết nạp (bắt buộc khi to = admitted).")
    reason: str = ""
    version: int | None = api_version_field()


class PartyMemberRecordOut(Schema):
    member_id: int
    party_status: str
    party_introduced_on: dt.date | None
    party_admitted_on: dt.date | None
    introductions: list[PartyIntroductionOut]


class PartyFiguresOut(Schema):
    unit_id: int
    start: dt.date
    end: dt.date
    introduced: int
    admitted: int
    not_admitted: int
    withdrawn: int
    open_at_end: int


@router.get("/introductions", response=list[PartyIntroductionOut], summary="Danh sách giới thiệu cho Đảng")
@paginate(LimitOffset)
def list_introductions(
    request,
    unit_id: int | None = None,
    status: str = "",
    start: ApiDate | None = None,
    end: ApiDate | None = None,
):
    scope = _scope(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id) if unit_id else None
    return selectors.introductions(scope=scope, unit=unit, status=status, start=start, end=end)


@router.get("/introductions/{introduction_id}", response=PartyIntroductionOut, summary="Một hồ sơ giới thiệu")
def get_introduction(request, introduction_id: int):
    """Mỗi lần đọc được ghi nhật ký."""
    scope = _scope(request)
    introduction = selectors.introduction_get(scope=scope, pk=introduction_id)
    services.party_record_read(
        scope=scope, member=introduction.member, unit=introduction.unit, via=f"API {request.path}"
    )
    return introduction


@router.post("/introductions", response={201: PartyIntroductionOut}, summary="Giới thiệu đoàn viên cho Đảng")
def create_introduction(request, payload: PartyIntroductionIn):
    """Một header ``Idempotency-Key`` làm lần gửi lại cùng khoá trả về hồ sơ đã lập, không lập thêm."""
    scope = _scope(request)
    member = member_selectors.member_get(scope=scope, pk=payload.member_id)
    made = idempotent_create(
        request,
        lambda: services.introduction_create(scope=scope, member=member, **_fields(payload, "member_id")),
        lambda pk: selectors.introduction_get(scope=scope, pk=pk),
    )
    return 201, made


@router.put(
    "/introductions/{introduction_id}",
    response=responses(PartyIntroductionOut),
    summary="Sửa hồ sơ giới thiệu",
)
def update_introduction(request, introduction_id: int, payload: PartyIntroductionUpdateIn):
    scope = _scope(request)
    introduction = selectors.introduction_get(scope=scope, pk=introduction_id)
    return update_or_conflict(
        lambda: services.introduction_update(scope=scope, introduction=introduction, **_fields(payload)),
        lambda: selectors.introduction_get(scope=scope, pk=introduction_id),
    )


@router.post(
    "/introductions/{introduction_id}/move",
    response=responses(PartyIntroductionOut),
    summary="Ghi nhận bước tiếp theo (bồi dưỡng, kết nạp, không kết nạp, rút)",
)
def move_introduction(request, introduction_id: int, payload: PartyMoveIn):
    scope = _scope(request)
    introduction = selectors.introduction_get(scope=scope, pk=introduction_id)
    return update_or_conflict(
        lambda: services.introduction_move(scope=scope, introduction=introduction, **_fields(payload)),
        lambda: selectors.introduction_get(scope=scope, pk=introduction_id),
    )


@router.get("/members/{member_id}", response=PartyMemberRecordOut, summary="Hồ sơ Đảng của một đoàn viên")
def member_record(request, member_id: int):
    """Mỗi lần đọc được ghi nhật ký."""
    scope = _scope(request)
    member = member_selectors.member_get(scope=scope, pk=member_id)
    if not scope.can(member.unit, Action.ACT):
        raise Http404
    services.party_record_read(scope=scope, member=member, unit=member.unit, via=f"API {request.path}")
    return {
        "member_id": member.pk,
        "party_status": member.party_status,
        "party_introduced_on": member.party_introduced_on,
        "party_admitted_on": member.party_admitted_on,
        "introductions": selectors.member_introductions(scope=scope, member=member),
    }


@router.get("/figures", response=PartyFiguresOut, summary="Số liệu giới thiệu, kết nạp trong kỳ")
def figures(request, unit_id: int, start: ApiDate | None = None, end: ApiDate | None = None):
    scope = _scope(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    year = today().year
    start, end = start or dt.date(year, 1, 1), end or dt.date(year, 12, 31)
    f = selectors.party_figures(scope=scope, unit=unit, start=start, end=end)
    return {
        "unit_id": unit.pk,
        "start": start,
        "end": end,
        "introduced": f.introduced,
        "admitted": f.admitted,
        "not_admitted": f.not_admitted,
        "withdrawn": f.withdrawn,
        "open_at_end": f.open_at_end,
    }
