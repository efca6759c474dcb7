"""Nominations and council sessions."""

from ninja.pagination import paginate

from congdoan.core.api import ApiYear, LimitOffset
from congdoan.core.concurrency import idempotent_create
from congdoan.core.scoping import Scope
from congdoan.members import selectors as member_selectors
from congdoan.org import selectors as org_selectors

from .. import selectors, services
from ._common import _kind, router
from .schemas import CouncilIn, CouncilOut, NominationIn, NominationOut, VoteIn


# -- nominations and councils -------------------------------------------------------------------
@router.get("/nominations", response=list[NominationOut], summary="Hồ sơ đề nghị khen thưởng")
@paginate(LimitOffset)
def list_nominations(request, year: ApiYear | None = None, status: str = ""):
    return selectors.nomination_list(scope=Scope.of(request), year=year, status=status)


@router.get("/nominations/{nomination_id}", response=NominationOut, summary="Chi tiết hồ sơ")
def get_nomination(request, nomination_id: int):
    return selectors.nomination_get(scope=Scope.of(request), pk=nomination_id)


@router.post("/nominations", response={201: NominationOut}, summary="Lập hồ sơ đề nghị")
def create_nomination(request, payload: NominationIn):
    """A header ``Idempotency-Key``: sent again with the same key, the file made then is returned, no new one."""
    scope = Scope.of(request)
    nomination = idempotent_create(
        request,
        lambda: services.nomination_create(
            scope=scope,
            proposing_unit=org_selectors.unit_get(scope=scope, pk=payload.proposing_unit_id),
            award_kind=_kind(payload.award_kind),
            year=payload.year,
            achievements=payload.achievements,
            member=member_selectors.member_get(scope=scope, pk=payload.member_id)
            if payload.member_id
            else None,
            nominee_unit=org_selectors.unit_get(scope=scope, pk=payload.nominee_unit_id)
            if payload.nominee_unit_id
            else None,
        ),
        lambda pk: selectors.nomination_get(scope=scope, pk=pk),
    )
    return 201, nomination


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
@paginate(LimitOffset)
def list_councils(request, year: ApiYear | None = None):
    return selectors.council_list(scope=Scope.of(request), year=year)


@router.post("/councils", response={201: CouncilOut}, summary="Ghi phiên họp Hội đồng TĐKT")
def create_council(request, payload: CouncilIn):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=payload.granting_unit_id)
    data = payload.dict(exclude={"granting_unit_id"})
    return 201, services.council_session_create(scope=scope, granting_unit=unit, **data)
