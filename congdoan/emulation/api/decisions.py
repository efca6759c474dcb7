"""Decisions and award history."""

from ninja.pagination import paginate

from congdoan.core.api import ApiYear, LimitOffset
from congdoan.core.scoping import Scope
from congdoan.members import selectors as member_selectors
from congdoan.org import selectors as org_selectors

from .. import selectors, services
from ._common import router
from .schemas import AwardOut, DecisionIn, DecisionOut, FiguresOut, UnitHistoryOut


# -- decisions and award history ----------------------------------------------------------------
@router.get("/decisions", response=list[DecisionOut], summary="Quyết định khen thưởng")
@paginate(LimitOffset)
def list_decisions(request, year: ApiYear | None = None):
    return selectors.decision_list(scope=Scope.of(request), year=year)


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
def figures(request, unit_id: int, year: ApiYear):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    data = selectors.figures(scope=scope, unit=unit, year=year)
    return {k: data[k] for k in ("total", "collectives", "individuals", "women", "medals", "by_kind")}
