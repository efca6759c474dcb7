"""Decisions and award history."""

from django.http import Http404
from ninja.pagination import paginate

from congdoan.core.api import ApiYear, LimitOffset
from congdoan.core.concurrency import idempotent_create
from congdoan.core.scoping import Scope
from congdoan.members import selectors as member_selectors
from congdoan.org import selectors as org_selectors

from .. import selectors, services
from ..constants import Issuer
from ..models import AwardKind
from ._common import router
from .schemas import AwardOut, DecisionIn, DecisionOut, DecisionRecordIn, FiguresOut, UnitHistoryOut


# -- decisions and award history ----------------------------------------------------------------
@router.get("/decisions", response=list[DecisionOut], summary="Quyết định khen thưởng")
@paginate(LimitOffset)
def list_decisions(request, year: ApiYear | None = None, by: str = "year", issuer: str = ""):
    """``year`` is the award year, or with ``by=signed`` the year of the signing date; ``issuer`` narrows to
    one issuer (union, province_gov, ministry, prime_minister, president)."""
    issuer = issuer if issuer in Issuer.values else ""
    return selectors.decision_list(
        scope=Scope.of(request), year=year, by=selectors.count_by_param(by), issuer=issuer
    )


# Before /decisions/{decision_id}: the first route of a path answers its methods.
def _any_kind(code_or_id: str) -> AwardKind:
    """A catalogue entry by code or id, any version (the service picks the one in force on the signing day)."""
    qs = selectors.award_kinds().order_by("-valid_from")
    text = str(code_or_id)[:64]
    numeric = text.isascii() and text.isdigit() and len(text) <= 9
    kind = (qs.filter(pk=int(text)) if numeric else qs.filter(code=text)).first()
    if kind is None:
        raise Http404
    return kind


@router.post(
    "/decisions/recorded",
    response={201: DecisionOut},
    summary="Ghi nhận quyết định đã có (cơ quan ngoài Công đoàn, hoặc của năm trước)",
)
def record_decision(request, payload: DecisionRecordIn):
    """A header ``Idempotency-Key``: sent again with the same key, the decision recorded then is returned."""
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=payload.issuing_unit_id)
    lines = [
        (
            _any_kind(line.award_kind),
            org_selectors.unit_get(scope=scope, pk=line.unit_id) if line.unit_id else None,
            member_selectors.member_get(scope=scope, pk=line.member_id) if line.member_id else None,
        )
        for line in payload.lines
    ]
    data = payload.dict(exclude={"issuing_unit_id", "lines"})
    decision = idempotent_create(
        request,
        lambda: services.decision_record(scope=scope, issuing_unit=unit, lines=lines, **data),
        lambda pk: selectors.decision_get(scope=scope, pk=pk),
    )
    return 201, decision


@router.get("/decisions/{decision_id}", response=DecisionOut, summary="Chi tiết quyết định")
def get_decision(request, decision_id: int):
    return selectors.decision_get(scope=Scope.of(request), pk=decision_id)


@router.get("/decisions/{decision_id}/awards", response=list[AwardOut], summary="Danh sách khen thưởng")
@paginate(LimitOffset)
def decision_awards(request, decision_id: int):
    decision = selectors.decision_get(scope=Scope.of(request), pk=decision_id)
    return selectors.decision_awards(decision=decision)


@router.post("/decisions", response={201: DecisionOut}, summary="Ban hành quyết định khen thưởng")
def issue_decision(request, payload: DecisionIn):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=payload.issuing_unit_id)
    nominations = [selectors.nomination_get(scope=scope, pk=pk) for pk in payload.nomination_ids]
    data = payload.dict(exclude={"issuing_unit_id", "nomination_ids"})
    return 201, services.decision_issue(scope=scope, issuing_unit=unit, nominations=nominations, **data)


@router.get("/history/members/{member_id}", response=list[AwardOut], summary="Quá trình khen thưởng cá nhân")
@paginate(LimitOffset)
def member_history(request, member_id: int):
    scope = Scope.of(request)
    member = member_selectors.member_get(scope=scope, pk=member_id)
    return selectors.member_award_history(scope=scope, member=member)


@router.get("/history/units/{unit_id}", response=UnitHistoryOut, summary="Quá trình khen thưởng đơn vị")
def unit_history(request, unit_id: int):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    data = selectors.unit_award_history(scope=scope, unit=unit)
    return {"collective": list(data["collective"]), "individual": list(data["individual"])}


@router.get("/figures", response=FiguresOut, summary="Số liệu khen thưởng của một đơn vị (cả cấp dưới)")
def figures(request, unit_id: int, year: ApiYear, by: str = "year"):
    """Counted by award year, or with ``by=signed`` by the signing date's year."""
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    data = selectors.figures(scope=scope, unit=unit, year=year, by=selectors.count_by_param(by))
    keys = ("total", "collectives", "individuals", "women", "medals", "historical", "by_kind", "count_by")
    return {
        **{k: data[k] for k in keys},
        "by_level": [
            {"level": level, "label": label, "collectives": c, "individuals": i}
            for level, label, c, i in data["by_level"]
        ],
    }
