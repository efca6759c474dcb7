"""Welfare API: programmes, fund sources, payments, registrations and figures — scoped as the pages."""

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from congdoan.core.api import ApiYear, LimitOffset
from congdoan.core.concurrency import api_version_field, idempotent_create, responses, update_or_conflict
from congdoan.core.dates import today
from congdoan.core.fields import ApiAmount, ApiDate
from congdoan.core.scoping import Scope
from congdoan.members import selectors as member_selectors
from congdoan.org import selectors as org_selectors

from . import selectors, services
from .constants import PaymentForm, ProgrammeStatus
from .registration_api import router as registration_router
from .social.api import router as social_router

router = Router(tags=["Chăm lo, phúc lợi"])
router.add_router("/social", social_router)
router.add_router("", registration_router)


class FundOut(Schema):
    id: int
    kind: str
    donor_name: str
    budget: int


class ProgrammeOut(Schema):
    id: int
    owner_id: int
    kind: str
    name: str
    start: dt.date
    end: dt.date
    whole_subtree: bool
    unit_ids: list[int]
    eligibility: str
    standard_amount: int
    per_member_limit: int | None
    allows_non_members: bool
    online_registration: bool
    status: str
    funds: list[FundOut]
    version: int = Field(..., description="Gửi lại khi sửa (PUT) để không ghi đè thay đổi của người khác.")

    @staticmethod
    def resolve_unit_ids(obj):
        return list(obj.units.values_list("id", flat=True))

    @staticmethod
    def resolve_funds(obj):
        return list(obj.funds.all())


class ProgrammeIn(Schema):
    owner_id: int
    kind: str
    name: str
    start: dt.date
    end: dt.date
    whole_subtree: bool = True
    unit_ids: list[int] = []
    eligibility: str = ""
    standard_amount: ApiAmount = 0
    per_member_limit: ApiAmount | None = None
    allows_non_members: bool = False
    online_registration: bool = False
    status: str = ProgrammeStatus.OPEN


class ProgrammeUpdateIn(ProgrammeIn):
    version: int | None = api_version_field()


class FundIn(Schema):
    kind: str
    donor_name: str = ""
    budget: ApiAmount = 0


class SplitIO(Schema):
    fund_id: int
    amount: int


class FundSplitIn(Schema):
    fund_id: int
    amount: ApiAmount


class PaymentOut(Schema):
    id: int
    programme_id: int
    unit_id: int
    member_id: int | None
    member_code: str
    name: str
    worker_cccd: str
    amount: int
    paid_on: dt.date
    form: str
    status: str
    reverses_id: int | None
    splits: list[SplitIO]

    @staticmethod
    def resolve_member_code(obj):
        return obj.beneficiary_code

    @staticmethod
    def resolve_name(obj):
        return obj.beneficiary_name

    @staticmethod
    def resolve_splits(obj):
        return [{"fund_id": s.fund_id, "amount": s.amount} for s in obj.splits.all()]


class PaymentIn(Schema):
    member_id: int | None = None
    worker_name: str = ""
    worker_cccd: str = ""
    unit_id: int | None = None
    amount: ApiAmount | None = Field(
        None, description="Số tiền (đồng), số nguyên hoặc chuỗi “500.000”; để trống: theo mức hỗ trợ."
    )
    paid_on: dt.date | None = None
    form: str = PaymentForm.CASH
    splits: list[FundSplitIn] | None = None
    note: str = ""
    repeat_reason: str = Field(
        "", description="Bắt buộc khi người này đã có trong danh sách của chương trình: lý do chi thêm."
    )


class ApproveIn(Schema):
    confirm_warnings: bool = False


class ReverseIn(Schema):
    reason: str
    on: dt.date | None = None


class CountOut(Schema):
    count: int


class WarningsOut(Schema):
    warnings: list[str]


class AmountRow(Schema):
    code: str
    label: str
    amount: int


class ChildRow(Schema):
    unit_id: int
    name: str
    people: int
    amount: int
    donations: int


class WelfareFiguresOut(Schema):
    unit_id: int
    start: dt.date
    end: dt.date
    members_supported: int
    amount_total: int
    union_total: int
    donation_total: int
    donation_share: float
    by_kind: list[AmountRow]
    by_fund: list[AmountRow]
    donors: list[dict]
    houses: int
    houses_handed_over: int
    house_amount: int
    visits: int
    registrations: int
    children: list[ChildRow]


def _programme_args(scope, payload: ProgrammeIn) -> dict:
    fields = payload.dict(exclude={"owner_id", "unit_ids", "version"})
    fields["units"] = [org_selectors.unit_get(scope=scope, pk=pk) for pk in payload.unit_ids]
    return fields


@router.get("/programmes", response=list[ProgrammeOut], summary="Chương trình chăm lo")
@paginate(LimitOffset)
def list_programmes(request, kind: str = "", q: str = "", year: ApiYear | None = None):
    return selectors.programme_list(scope=Scope.of(request), kind=kind, q=q, year=year).prefetch_related(
        "units", "funds"
    )


@router.get("/programmes/{programme_id}", response=ProgrammeOut, summary="Chi tiết chương trình")
def get_programme(request, programme_id: int):
    return selectors.programme_get(scope=Scope.of(request), pk=programme_id)


@router.post("/programmes", response={201: ProgrammeOut}, summary="Lập chương trình")
def create_programme(request, payload: ProgrammeIn):
    """Một header ``Idempotency-Key`` làm lần gửi lại cùng khoá trả về chương trình đã lập, không lập thêm."""
    scope = Scope.of(request)
    owner = org_selectors.unit_get(scope=scope, pk=payload.owner_id)
    programme = idempotent_create(
        request,
        lambda: services.programme_create(scope=scope, owner=owner, **_programme_args(scope, payload)),
        lambda pk: selectors.programme_get(scope=scope, pk=pk),
    )
    return 201, programme


@router.put("/programmes/{programme_id}", response=responses(ProgrammeOut), summary="Sửa chương trình")
def update_programme(request, programme_id: int, payload: ProgrammeUpdateIn):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=programme_id)
    return update_or_conflict(
        lambda: services.programme_update(
            scope=scope, programme=programme, version=payload.version, **_programme_args(scope, payload)
        ),
        lambda: selectors.programme_get(scope=scope, pk=programme_id),
    )


@router.post("/programmes/{programme_id}/funds", response={201: FundOut}, summary="Thêm nguồn kinh phí")
def add_fund(request, programme_id: int, payload: FundIn):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=programme_id)
    fund = idempotent_create(
        request,
        lambda: services.fund_add(scope=scope, programme=programme, **payload.dict()),
        lambda pk: programme.funds.get(pk=pk),
    )
    return 201, fund


@router.get(
    "/programmes/{programme_id}/payments", response=list[PaymentOut], summary="Khoản chi của chương trình"
)
@paginate(LimitOffset)
def list_payments(request, programme_id: int, status: str = ""):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=programme_id)
    return selectors.payment_list(scope=scope, programme=programme, status=status).prefetch_related("splits")


@router.post(
    "/programmes/{programme_id}/payments", response={201: PaymentOut}, summary="Thêm người được hỗ trợ"
)
def add_payment(request, programme_id: int, payload: PaymentIn):
    """Một người chỉ một lần mỗi chương trình (trừ khi ghi ``repeat_reason``); số tiền ≤ 10^12 đ và ≤ mức tối
    đa mỗi người. Header ``Idempotency-Key``: gửi lại cùng khoá trả về khoản đã thêm, không thêm lần nữa."""
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=programme_id)
    member = member_selectors.member_get(scope=scope, pk=payload.member_id) if payload.member_id else None
    unit = org_selectors.unit_get(scope=scope, pk=payload.unit_id) if payload.unit_id else None
    splits = None
    if payload.splits is not None:
        splits = [(get_object_or_404(programme.funds, pk=s.fund_id), s.amount) for s in payload.splits]
    payment = idempotent_create(
        request,
        lambda: services.payment_add(
            scope=scope,
            programme=programme,
            member=member,
            worker_name=payload.worker_name,
            worker_cccd=payload.worker_cccd,
            unit=unit,
            amount=payload.amount,
            paid_on=payload.paid_on,
            form=payload.form,
            splits=splits,
            note=payload.note,
            repeat_reason=payload.repeat_reason,
        ),
        lambda pk: selectors.payment_get(scope=scope, pk=pk),
    )
    return 201, payment


@router.post("/programmes/{programme_id}/submit", response=CountOut, summary="Gửi duyệt các khoản đang lập")
def submit_payments(request, programme_id: int):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=programme_id)
    return {"count": services.payments_submit(scope=scope, programme=programme)}


@router.get("/programmes/{programme_id}/warnings", response=WarningsOut, summary="Cảnh báo hỗ trợ trùng")
def payment_warnings(request, programme_id: int):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=programme_id)
    pending = list(selectors.payment_list(scope=scope, programme=programme, status="submitted"))
    return {"warnings": selectors.duplicate_warnings(scope=scope, programme=programme, payments=pending)}


@router.post("/programmes/{programme_id}/approve", response=CountOut, summary="Duyệt chi")
def approve_payments(request, programme_id: int, payload: ApproveIn):
    scope = Scope.of(request)
    programme = selectors.programme_get(scope=scope, pk=programme_id)
    n = services.payments_approve(scope=scope, programme=programme, confirm_warnings=payload.confirm_warnings)
    return {"count": n}


@router.post(
    "/payments/{payment_id}/reverse", response={201: PaymentOut}, summary="Điều chỉnh khoản đã duyệt"
)
def reverse_payment(request, payment_id: int, payload: ReverseIn):
    scope = Scope.of(request)
    payment = selectors.payment_get(scope=scope, pk=payment_id)
    reversal = services.payment_reverse(scope=scope, payment=payment, reason=payload.reason, on=payload.on)
    return 201, selectors.payment_get(scope=scope, pk=reversal.pk)


@router.get(
    "/figures", response=WelfareFiguresOut, summary="Số liệu chăm lo của một đơn vị (cả cây) trong kỳ"
)
def figures(request, unit_id: int, start: ApiDate | None = None, end: ApiDate | None = None):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    year = today().year
    start, end = start or dt.date(year, 1, 1), end or dt.date(year, 12, 31)
    data = selectors.welfare_figures(scope=scope, unit=unit, start=start, end=end)
    children = selectors.welfare_figures_children(scope=scope, unit=unit, start=start, end=end)
    return {
        **{k: v for k, v in data.items() if k not in ("unit", "by_kind", "by_fund")},
        "unit_id": unit.pk,
        "by_kind": [{"code": c, "label": str(label), "amount": a} for c, label, a in data["by_kind"]],
        "by_fund": [{"code": c, "label": str(label), "amount": a} for c, label, a in data["by_fund"]],
        "children": [
            {
                "unit_id": r["unit"].pk,
                "name": r["unit"].name,
                "people": r["people"],
                "amount": r["amount"],
                "donations": r["donations"],
            }
            for r in children
        ],
    }
