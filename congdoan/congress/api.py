"""Đại hội, nhiệm kỳ: API routes, scoped as the pages (objects outside the scope answer 404)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from congdoan.core.api import ApiYear, LimitOffset
from congdoan.core.concurrency import idempotent_create
from congdoan.core.fields import ApiDate, ApiInteger
from congdoan.core.scoping import Scope
from congdoan.members import selectors as member_selectors
from congdoan.org import selectors as org_selectors

from . import selectors, services
from .constants import CongressForm, SeatRole

router = Router(tags=["Đại hội, nhiệm kỳ"])


def _fields(payload: Schema, exclude: set[str] = frozenset()) -> dict:
    """The payload's values as parsed (dates stay dates: ``.dict()`` would serialise them back to text)."""
    return {name: getattr(payload, name) for name in type(payload).model_fields if name not in exclude}


class CongressOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    term_id: int
    start_year: int = Field(..., alias="term.start_year")
    end_year: int = Field(..., alias="term.end_year")
    ordinal: int
    form: str
    consent_no: str
    planned_on: dt.date | None
    deadline: dt.date | None
    held_on: dt.date | None
    members_count: int | None
    delegates: int | None
    plan_id: int | None
    version: int


class CongressIn(Schema):
    unit_id: int
    start_year: ApiYear
    end_year: ApiYear
    form: str = Field(CongressForm.ALL_MEMBERS, description="all_members | delegates | conference")
    ordinal: ApiInteger | None = Field(None, description="Để trống: lần tiếp theo của đơn vị.")
    consent_no: str = ""
    planned_on: ApiDate | None = None
    delegates: ApiInteger | None = None
    note: str = ""


class RecordIn(Schema):
    held_on: ApiDate
    form: str | None = None
    consent_no: str | None = None
    delegates: ApiInteger | None = None
    members_count: ApiInteger | None = Field(None, description="Để trống: theo sổ đoàn viên ngày đại hội.")


class SeatOut(Schema):
    id: int
    kind: str = Field(..., alias="body.kind")
    role: str
    member_id: int | None
    full_name: str
    is_full_time: bool
    post_id: int | None


class SeatIn(Schema):
    kind: str
    role: str = SeatRole.MEMBER
    member_id: int | None = None
    full_name: str = ""
    is_full_time: bool = False


class TermOut(Schema):
    id: int
    unit_id: int
    start_year: int
    end_year: int
    origin: str
    took_office: dt.date | None
    decision_no: str
    decision_date: dt.date | None
    seats: list[SeatOut]

    @staticmethod
    def resolve_seats(obj):
        return [seat for _kind, _label, seats in selectors.bodies_of(term=obj) for seat in seats]


class DeadlineIO(Schema):
    unit_kind: str
    deadline: ApiDate


class ProgressOut(Schema):
    label: str
    total: int
    held: int
    held_late: int
    late: int
    pending: int


class PlanOut(Schema):
    id: int
    owner_id: int
    name: str
    document_no: str
    term_start: int
    term_end: int
    deadlines: list[DeadlineIO]

    @staticmethod
    def resolve_deadlines(obj):
        return [
            {"unit_kind": d.unit_kind.code, "deadline": d.deadline}
            for d in selectors.plan_deadlines(plan=obj)
        ]


class PlanDetailOut(PlanOut):
    kinds: list[ProgressOut]
    grassroots: ProgressOut


class PlanIn(Schema):
    owner_id: int
    name: str
    document_no: str = ""
    term_start: ApiYear
    term_end: ApiYear
    note: str = ""
    deadlines: list[DeadlineIO]


class PlanUnitOut(Schema):
    id: int
    code: str
    name: str
    deadline: dt.date
    congress_id: int | None
    held_on: dt.date | None
    state: str


@router.get("/congresses", response=list[CongressOut], summary="Đại hội của các đơn vị")
@paginate(LimitOffset)
def list_congresses(request, unit_id: int | None = None, year: ApiYear | None = None):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id) if unit_id else None
    return selectors.congress_list(scope=scope, unit=unit, year=year)


@router.get("/congresses/{congress_id}", response=CongressOut, summary="Chi tiết đại hội")
def get_congress(request, congress_id: int):
    return selectors.congress_get(scope=Scope.of(request), pk=congress_id)


@router.post("/congresses", response={201: CongressOut}, summary="Dự kiến đại hội của một đơn vị")
def create_congress(request, payload: CongressIn):
    """Mở nhiệm kỳ và dự kiến đại hội; hạn lấy theo kế hoạch của cấp trên gần nhất. Header ``Idempotency-Key``:
    gửi lại cùng khoá trả về đại hội đã lập."""
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=payload.unit_id)
    fields = _fields(payload, {"unit_id"})
    congress = idempotent_create(
        request,
        lambda: services.congress_create(scope=scope, unit=unit, **fields),
        lambda pk: selectors.congress_get(scope=scope, pk=pk),
    )
    return 201, congress


@router.post("/congresses/{congress_id}/record", response=CongressOut, summary="Ghi nhận đại hội đã tổ chức")
def record_congress(request, congress_id: int, payload: RecordIn):
    scope = Scope.of(request)
    congress = selectors.congress_get(scope=scope, pk=congress_id)
    services.congress_record(scope=scope, congress=congress, **_fields(payload))
    return selectors.congress_get(scope=scope, pk=congress_id)


@router.get("/terms/{term_id}", response=TermOut, summary="Nhiệm kỳ và các cơ quan lãnh đạo")
def get_term(request, term_id: int):
    return selectors.term_get(scope=Scope.of(request), pk=term_id)


@router.post("/terms/{term_id}/seats", response={201: SeatOut}, summary="Thêm người vào cơ quan lãnh đạo")
def add_seat(request, term_id: int, payload: SeatIn):
    """Trong giới hạn số ủy viên (theo loại đơn vị và số đoàn viên); đoàn viên được ghi chức vụ công đoàn."""
    scope = Scope.of(request)
    term = selectors.term_get(scope=scope, pk=term_id)
    member = member_selectors.member_get(scope=scope, pk=payload.member_id) if payload.member_id else None
    seat = idempotent_create(
        request,
        lambda: services.seat_add(scope=scope, term=term, member=member, **_fields(payload, {"member_id"})),
        lambda pk: selectors.seat_get(scope=scope, pk=pk),
    )
    return 201, seat


@router.get("/plans", response=list[PlanOut], summary="Kế hoạch đại hội")
@paginate(LimitOffset)
def list_plans(request):
    return selectors.plan_list(scope=Scope.of(request))


@router.post("/plans", response={201: PlanOut}, summary="Lập kế hoạch đại hội")
def create_plan(request, payload: PlanIn):
    scope = Scope.of(request)
    owner = org_selectors.unit_get(scope=scope, pk=payload.owner_id)
    kinds = {k.code: k for k in org_selectors.kinds()}
    unknown = [d.unit_kind for d in payload.deadlines if d.unit_kind not in kinds]
    if unknown:
        raise ValidationError({"deadlines": _("Loại đơn vị không có: %(k)s.") % {"k": ", ".join(unknown)}})
    deadlines = {kinds[d.unit_kind]: d.deadline for d in payload.deadlines}
    fields = _fields(payload, {"owner_id", "deadlines"})
    plan = idempotent_create(
        request,
        lambda: services.plan_create(scope=scope, owner=owner, deadlines=deadlines, **fields),
        lambda pk: selectors.plan_get(scope=scope, pk=pk),
    )
    return 201, plan


@router.get("/plans/{plan_id}", response=PlanDetailOut, summary="Kế hoạch đại hội và tiến độ")
def get_plan(request, plan_id: int):
    scope = Scope.of(request)
    plan = selectors.plan_get(scope=scope, pk=plan_id)
    progress = selectors.plan_progress(scope=scope, plan=plan)
    plan.kinds, plan.grassroots = progress["kinds"], progress["grassroots"]
    return plan


@router.get("/plans/{plan_id}/units", response=list[PlanUnitOut], summary="Đơn vị phải tổ chức đại hội")
@paginate(LimitOffset)
def plan_units(request, plan_id: int, state: str = "", kind: str = ""):
    """``state``: held (đúng hạn) | held_late | late (quá hạn chưa tổ chức) | pending."""
    scope = Scope.of(request)
    plan = selectors.plan_get(scope=scope, pk=plan_id)
    return selectors.plan_units(scope=scope, plan=plan, state=state[:16], kind=kind[:32])
