"""Tài chính công đoàn: API routes, scoped as the pages (dues rolls, payroll import, collection)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import paginate

from congdoan.core.api import ApiYear, LimitOffset
from congdoan.core.concurrency import api_version_field, idempotent_create, responses, update_or_conflict
from congdoan.core.dates import today
from congdoan.core.fields import ApiAmount, ApiDate
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from . import figures, selectors, services

router = Router(tags=["Tài chính công đoàn"])


class RollLineOut(Schema):
    member_id: int
    member_code: str
    name: str
    pay: int
    due: int
    paid: int

    @staticmethod
    def resolve_member_code(obj):
        return obj.member.code or ""

    @staticmethod
    def resolve_name(obj):
        return obj.member.full_name


class RollOut(Schema):
    id: int
    unit_id: int
    month: dt.date
    status: str
    version: int
    due: int
    paid: int

    @staticmethod
    def resolve_due(obj):
        return services.roll_totals(obj)["due"]

    @staticmethod
    def resolve_paid(obj):
        return services.roll_totals(obj)["paid"]


class RollDetailOut(RollOut):
    lines: list[RollLineOut]

    @staticmethod
    def resolve_lines(obj):
        return list(selectors.roll_lines(roll=obj))


class RollIn(Schema):
    month: ApiDate


class LineIn(Schema):
    member_id: int
    pay: ApiAmount
    paid: ApiAmount | None = None


class LinesIn(Schema):
    version: int | None = api_version_field()
    lines: list[LineIn]


class VersionIn(Schema):
    version: int | None = api_version_field()


class CountOut(Schema):
    count: int


class CollectionOut(Schema):
    unit_id: int
    year: int
    dues_due: int
    dues_paid: int
    dues_arrears: int
    fund_due: int
    fund_paid: int
    fund_arrears: int


@router.get("/units/{unit_id}/rolls", response=list[RollOut], summary="Các bảng thu đoàn phí của đơn vị")
@paginate(LimitOffset)
def roll_list(request, unit_id: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    return selectors.roll_list(scope=scope, unit=unit)


@router.post("/units/{unit_id}/rolls", response={201: RollDetailOut}, summary="Mở bảng thu đoàn phí tháng")
def roll_open(request, unit_id: int, payload: RollIn):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    made = idempotent_create(
        request,
        lambda: services.dues_month_open(scope=scope, unit=unit, month=payload.month),
        lambda pk: selectors.roll_get(scope=scope, pk=pk),
    )
    return 201, made


@router.get("/rolls/{roll_id}", response=RollDetailOut, summary="Bảng thu đoàn phí tháng, từng đoàn viên")
def roll_detail(request, roll_id: int):
    return selectors.roll_get(scope=Scope.of(request), pk=roll_id)


@router.put("/rolls/{roll_id}/lines", response=responses(RollDetailOut), summary="Sửa tiền lương, số đã đóng")
def roll_lines(request, roll_id: int, payload: LinesIn):
    scope = Scope.of(request)
    roll = selectors.roll_get(scope=scope, pk=roll_id)
    rows = {line.member_id: (line.pay, line.paid) for line in payload.lines}
    return update_or_conflict(
        lambda: services.dues_month_save(scope=scope, roll=roll, version=payload.version, rows=rows),
        lambda: selectors.roll_get(scope=scope, pk=roll_id),
    )


@router.post(
    "/rolls/{roll_id}/post", response=responses(RollDetailOut), summary="Ghi sổ tháng (không sửa được nữa)"
)
def roll_post(request, roll_id: int, payload: VersionIn):
    scope = Scope.of(request)
    roll = selectors.roll_get(scope=scope, pk=roll_id)
    return update_or_conflict(
        lambda: services.dues_month_post(scope=scope, roll=roll, version=payload.version),
        lambda: selectors.roll_get(scope=scope, pk=roll_id),
    )


@router.post(
    "/rolls/{roll_id}/import", response=CountOut, summary="Nhập bảng lương Excel (mã đoàn viên, tiền lương)"
)
def roll_import(request, roll_id: int, file: File[UploadedFile] = None, version: Form[int | None] = None):
    # The file is optional in the signature so that a roll out of scope answers 404, not 422.
    scope = Scope.of(request)
    roll = selectors.roll_get(scope=scope, pk=roll_id)
    if file is None:
        raise ValidationError({"file": _("Chọn tệp Excel bảng lương.")})
    count = services.dues_import(scope=scope, roll=roll, content=file.read(), version=version)
    return {"count": count}


@router.get(
    "/units/{unit_id}/collection", response=CollectionOut, summary="Thu đoàn phí, KPCĐ so với phải thu"
)
def collection(request, unit_id: int, year: ApiYear | None = None):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    year = year or today().year
    figures_ = figures.collection(unit=unit, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    return {
        "unit_id": unit.pk,
        "year": year,
        **{k: v for k, v in figures_.items() if not k.endswith("_share")},
    }
