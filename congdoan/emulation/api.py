"""API of emulation and commendation: movements, registrations, pledges and scores, nominations,
council results, decisions and award history. Scoped like the pages (404 outside the user's units)."""

import datetime as dt
from decimal import Decimal

from django.http import Http404
from ninja import Field, Router, Schema

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.members import selectors as member_selectors
from congdoan.org import selectors as org_selectors

from . import selectors, services
from .models import AwardKind

router = Router(tags=["Thi đua, khen thưởng"])


def _kind(code_or_id) -> AwardKind:
    qs = selectors.award_kinds(on=today())
    kind = (qs.filter(pk=code_or_id) if str(code_or_id).isdigit() else qs.filter(code=code_or_id)).first()
    if kind is None:
        raise Http404
    return kind


# -- schemas ------------------------------------------------------------------------------------
class MovementIn(Schema):
    owner_id: int
    name: str
    year: int
    starts_on: dt.date
    ends_on: dt.date
    criteria: str = ""


class MovementOut(Schema):
    id: int
    owner_id: int
    name: str
    year: int
    starts_on: dt.date
    ends_on: dt.date
    criteria: str


class RegistrationEntryIn(Schema):
    award_kind: str = Field(..., description="Mã hoặc ID danh hiệu")
    member_id: int | None = None


class RegistrationIn(Schema):
    unit_id: int
    year: int
    entries: list[RegistrationEntryIn]
    registered_on: dt.date | None = None
    note: str = ""


class RegistrationOut(Schema):
    id: int
    unit_id: int
    upper_unit_id: int
    year: int
    registered_on: dt.date
    is_late: bool


class OverviewOut(Schema):
    deadline: dt.date
    on_time: list[int]
    late: list[int]
    missing: list[int]


class CriterionIn(Schema):
    name: str
    max_points: int


class SignatoryIn(Schema):
    unit_id: int
    signer_name: str
    signer_title: str = ""


class PledgeIn(Schema):
    content: str
    criteria: list[CriterionIn]
    signatories: list[SignatoryIn]
    head_unit_id: int | None = None


class CriterionOut(Schema):
    id: int
    order: int
    name: str
    max_points: int


class ResultOut(Schema):
    unit_id: int
    total: Decimal
    rank: int
    tie_note: str


class PledgeOut(Schema):
    id: int
    cluster_id: int
    status: str
    head_unit_id: int
    content: str
    signed_on: dt.date | None
    criteria: list[CriterionOut]
    results: list[ResultOut]

    @staticmethod
    def resolve_criteria(obj):
        return list(obj.criteria.all())

    @staticmethod
    def resolve_results(obj):
        return list(obj.results.all())


class SignIn(Schema):
    signed_on: dt.date
    place: str = ""


class PointsIn(Schema):
    points: dict[int, Decimal]
    note: str = ""


class ScoreOut(Schema):
    criterion_id: int
    self_points: Decimal
    reviewed_points: Decimal | None


class NominationIn(Schema):
    proposing_unit_id: int
    award_kind: str = Field(..., description="Mã hoặc ID hình thức khen thưởng")
    year: int
    achievements: str
    member_id: int | None = None
    nominee_unit_id: int | None = None


class NominationOut(Schema):
    id: int
    proposing_unit_id: int
    granting_unit_id: int
    award_kind_id: int
    award_kind_name: str = Field(..., alias="award_kind.name")
    year: int
    member_id: int | None
    nominee_unit_id: int
    nominee_name: str
    achievements: str
    status: str
    submitted_on: dt.date | None
    council_id: int | None
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    council_reason: str
    decision_id: int | None


class CouncilIn(Schema):
    granting_unit_id: int
    year: int
    held_on: dt.date
    members_total: int
    members_present: int
    chair: str = ""


class CouncilOut(Schema):
    id: int
    granting_unit_id: int
    year: int
    held_on: dt.date
    members_total: int
    members_present: int
    has_quorum: bool


class VoteIn(Schema):
    council_id: int
    accept: bool
    votes_for: int
    votes_against: int = 0
    votes_abstain: int = 0
    reason: str = ""


class DecisionIn(Schema):
    issuing_unit_id: int
    number: str
    issued_on: dt.date
    signer_name: str
    signer_title: str
    year: int
    nomination_ids: list[int]
    subject: str = ""


class AwardOut(Schema):
    id: int
    decision_id: int
    decision_number: str = Field(..., alias="decision.number")
    issued_on: dt.date = Field(..., alias="decision.issued_on")
    award_kind: str = Field(..., alias="award_kind.name")
    unit_id: int
    member_id: int | None
    year: int


class DecisionOut(Schema):
    id: int
    issuing_unit_id: int
    number: str
    issued_on: dt.date
    signer_name: str
    signer_title: str
    year: int
    subject: str


class UnitHistoryOut(Schema):
    collective: list[AwardOut]
    individual: list[AwardOut]


class FiguresOut(Schema):
    total: int
    collectives: int
    individuals: int
    women: int
    medals: int
    by_kind: list[dict]


# -- movements and registrations ----------------------------------------------------------------
@router.get("/movements", response=list[MovementOut], summary="Phong trào thi đua")
def list_movements(request, year: int | None = None):
    return list(selectors.movement_list(scope=Scope.of(request), year=year))


@router.get("/movements/{movement_id}", response=MovementOut, summary="Chi tiết phong trào")
def get_movement(request, movement_id: int):
    return selectors.movement_get(scope=Scope.of(request), pk=movement_id)


@router.post("/movements", response={201: MovementOut}, summary="Phát động phong trào")
def create_movement(request, payload: MovementIn):
    scope = Scope.of(request)
    owner = org_selectors.unit_get(scope=scope, pk=payload.owner_id)
    data = payload.dict(exclude={"owner_id"})
    return 201, services.movement_save(scope=scope, owner=owner, **data)


@router.get("/registrations", response=list[RegistrationOut], summary="Đăng ký thi đua")
def list_registrations(request, year: int | None = None):
    return list(selectors.registration_list(scope=Scope.of(request), year=year))


@router.get("/registrations/overview", response=OverviewOut, summary="Đúng hạn, muộn, chưa đăng ký")
def registration_overview(request, upper_id: int, year: int):
    scope = Scope.of(request)
    upper = org_selectors.unit_get(scope=scope, pk=upper_id)
    data = selectors.registration_overview(scope=scope, upper=upper, year=year)
    return {
        "deadline": data["deadline"],
        "on_time": [r.unit_id for r in data["on_time"]],
        "late": [r.unit_id for r in data["late"]],
        "missing": [u.pk for u in data["missing"]],
    }


@router.post("/registrations", response={201: RegistrationOut}, summary="Đăng ký thi đua của đơn vị")
def create_registration(request, payload: RegistrationIn):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=payload.unit_id)
    entries = [
        (
            _kind(e.award_kind),
            member_selectors.member_get(scope=scope, pk=e.member_id) if e.member_id else None,
        )
        for e in payload.entries
    ]
    registration = services.registration_submit(
        scope=scope,
        unit=unit,
        year=payload.year,
        entries=entries,
        registered_on=payload.registered_on,
        note=payload.note,
    )
    return 201, registration


# -- pledges and scores -------------------------------------------------------------------------
@router.get("/pledges", response=list[PledgeOut], summary="Giao ước thi đua")
def list_pledges(request, year: int | None = None):
    return list(selectors.pledge_list(scope=Scope.of(request), year=year))


@router.get("/pledges/{pledge_id}", response=PledgeOut, summary="Chi tiết giao ước, kết quả xếp hạng")
def get_pledge(request, pledge_id: int):
    return selectors.pledge_get(scope=Scope.of(request), pk=pledge_id)


@router.put("/clusters/{cluster_id}/pledge", response=PledgeOut, summary="Soạn giao ước của cụm, khối")
def save_pledge(request, cluster_id: int, payload: PledgeIn):
    scope = Scope.of(request)
    cluster = selectors.cluster_list(scope=scope).filter(pk=cluster_id).first()
    if cluster is None:
        raise Http404
    members = {u.pk: u for u in cluster.members.all()}
    signatories = []
    for s in payload.signatories:
        unit = members.get(s.unit_id) or org_selectors.unit_get(scope=scope, pk=s.unit_id)
        signatories.append((unit, s.signer_name, s.signer_title))
    head = members.get(payload.head_unit_id) if payload.head_unit_id else None
    return services.pledge_save(
        scope=scope,
        cluster=cluster,
        content=payload.content,
        criteria=[(c.name, c.max_points) for c in payload.criteria],
        signatories=signatories,
        head_unit=head,
    )


@router.post("/pledges/{pledge_id}/sign", response=PledgeOut, summary="Ký kết giao ước")
def sign_pledge(request, pledge_id: int, payload: SignIn):
    scope = Scope.of(request)
    pledge = selectors.pledge_get(scope=scope, pk=pledge_id)
    return services.pledge_sign(scope=scope, pledge=pledge, **payload.dict())


def _member_unit(pledge, unit_id):
    unit = pledge.cluster.members.filter(pk=unit_id).first()
    if unit is None:
        raise Http404
    return unit


@router.post("/pledges/{pledge_id}/scores/{unit_id}", response=list[ScoreOut], summary="Đơn vị tự chấm điểm")
def self_score(request, pledge_id: int, unit_id: int, payload: PointsIn):
    scope = Scope.of(request)
    pledge = selectors.pledge_get(scope=scope, pk=pledge_id)
    unit = _member_unit(pledge, unit_id)
    return services.pledge_self_score(scope=scope, pledge=pledge, unit=unit, points=payload.points)


@router.post(
    "/pledges/{pledge_id}/reviews/{unit_id}", response=list[ScoreOut], summary="Cụm trưởng thẩm định điểm"
)
def review_score(request, pledge_id: int, unit_id: int, payload: PointsIn):
    scope = Scope.of(request)
    pledge = selectors.pledge_get(scope=scope, pk=pledge_id)
    unit = _member_unit(pledge, unit_id)
    return services.pledge_review(
        scope=scope, pledge=pledge, unit=unit, points=payload.points, note=payload.note
    )


@router.post("/pledges/{pledge_id}/rank", response=list[ResultOut], summary="Xếp hạng các đơn vị")
def rank_pledge(request, pledge_id: int):
    scope = Scope.of(request)
    pledge = selectors.pledge_get(scope=scope, pk=pledge_id)
    return services.pledge_rank(scope=scope, pledge=pledge)


# -- nominations and councils -------------------------------------------------------------------
@router.get("/nominations", response=list[NominationOut], summary="Hồ sơ đề nghị khen thưởng")
def list_nominations(request, year: int | None = None, status: str = ""):
    return list(selectors.nomination_list(scope=Scope.of(request), year=year, status=status)[:1000])


@router.get("/nominations/{nomination_id}", response=NominationOut, summary="Chi tiết hồ sơ")
def get_nomination(request, nomination_id: int):
    return selectors.nomination_get(scope=Scope.of(request), pk=nomination_id)


@router.post("/nominations", response={201: NominationOut}, summary="Lập hồ sơ đề nghị")
def create_nomination(request, payload: NominationIn):
    scope = Scope.of(request)
    nomination = services.nomination_create(
        scope=scope,
        proposing_unit=org_selectors.unit_get(scope=scope, pk=payload.proposing_unit_id),
        award_kind=_kind(payload.award_kind),
        year=payload.year,
        achievements=payload.achievements,
        member=member_selectors.member_get(scope=scope, pk=payload.member_id) if payload.member_id else None,
        nominee_unit=org_selectors.unit_get(scope=scope, pk=payload.nominee_unit_id)
        if payload.nominee_unit_id
        else None,
    )
    return 201, selectors.nomination_get(scope=scope, pk=nomination.pk)


@router.post("/nominations/{nomination_id}/submit", response=NominationOut, summary="Trình cấp khen thưởng")
def submit_nomination(request, nomination_id: int):
    scope = Scope.of(request)
    nomination = selectors.nomination_get(scope=scope, pk=nomination_id)
    services.nomination_submit(scope=scope, nomination=nomination)
    return selectors.nomination_get(scope=scope, pk=nomination_id)


@router.post("/nominations/{nomination_id}/withdraw", response=NominationOut, summary="Rút hồ sơ")
def withdraw_nomination(request, nomination_id: int):
    scope = Scope.of(request)
    nomination = selectors.nomination_get(scope=scope, pk=nomination_id)
    services.nomination_withdraw(scope=scope, nomination=nomination)
    return selectors.nomination_get(scope=scope, pk=nomination_id)


@router.post("/nominations/{nomination_id}/council", response=NominationOut, summary="Kết quả Hội đồng")
def council_result(request, nomination_id: int, payload: VoteIn):
    scope = Scope.of(request)
    nomination = selectors.nomination_get(scope=scope, pk=nomination_id)
    session = selectors.council_get(scope=scope, pk=payload.council_id)
    service = services.nomination_council_accept if payload.accept else services.nomination_council_reject
    service(
        scope=scope,
        nomination=nomination,
        session=session,
        votes_for=payload.votes_for,
        votes_against=payload.votes_against,
        votes_abstain=payload.votes_abstain,
        reason=payload.reason,
    )
    return selectors.nomination_get(scope=scope, pk=nomination_id)


@router.get("/councils", response=list[CouncilOut], summary="Phiên họp Hội đồng TĐKT")
def list_councils(request, year: int | None = None):
    return list(selectors.council_list(scope=Scope.of(request), year=year))


@router.post("/councils", response={201: CouncilOut}, summary="Ghi phiên họp Hội đồng TĐKT")
def create_council(request, payload: CouncilIn):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=payload.granting_unit_id)
    data = payload.dict(exclude={"granting_unit_id"})
    return 201, services.council_session_create(scope=scope, granting_unit=unit, **data)


# -- decisions and award history ----------------------------------------------------------------
@router.get("/decisions", response=list[DecisionOut], summary="Quyết định khen thưởng")
def list_decisions(request, year: int | None = None):
    return list(selectors.decision_list(scope=Scope.of(request), year=year))


@router.get("/decisions/{decision_id}", response=DecisionOut, summary="Chi tiết quyết định")
def get_decision(request, decision_id: int):
    return selectors.decision_get(scope=Scope.of(request), pk=decision_id)


@router.get("/decisions/{decision_id}/awards", response=list[AwardOut], summary="Danh sách khen thưởng")
def decision_awards(request, decision_id: int):
    decision = selectors.decision_get(scope=Scope.of(request), pk=decision_id)
    return list(selectors.decision_awards(decision=decision))


@router.post("/decisions", response={201: DecisionOut}, summary="Ban hành quyết định khen thưởng")
def issue_decision(request, payload: DecisionIn):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=payload.issuing_unit_id)
    nominations = [selectors.nomination_get(scope=scope, pk=pk) for pk in payload.nomination_ids]
    data = payload.dict(exclude={"issuing_unit_id", "nomination_ids"})
    return 201, services.decision_issue(scope=scope, issuing_unit=unit, nominations=nominations, **data)


@router.get("/history/members/{member_id}", response=list[AwardOut], summary="Quá trình khen thưởng cá nhân")
def member_history(request, member_id: int):
    scope = Scope.of(request)
    member = member_selectors.member_get(scope=scope, pk=member_id)
    return list(selectors.member_award_history(scope=scope, member=member))


@router.get("/history/units/{unit_id}", response=UnitHistoryOut, summary="Quá trình khen thưởng đơn vị")
def unit_history(request, unit_id: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    data = selectors.unit_award_history(scope=scope, unit=unit)
    return {"collective": list(data["collective"]), "individual": list(data["individual"])}


@router.get("/figures", response=FiguresOut, summary="Số liệu khen thưởng của một đơn vị (cả cấp dưới)")
def figures(request, unit_id: int, year: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    data = selectors.figures(scope=scope, unit=unit, year=year)
    return {k: data[k] for k in ("total", "collectives", "individuals", "women", "medals", "by_kind")}
