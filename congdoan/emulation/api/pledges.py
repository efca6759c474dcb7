"""Pledges and scores."""

from django.http import Http404
from ninja.pagination import paginate

from congdoan.core.api import ApiYear, LimitOffset
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from .. import selectors, services
from ._common import router
from .schemas import PledgeIn, PledgeOut, PointsIn, ResultOut, ScoreOut, SignIn


# -- pledges and scores -------------------------------------------------------------------------
@router.get("/pledges", response=list[PledgeOut], summary="Giao ước thi đua")
@paginate(LimitOffset)
def list_pledges(request, year: ApiYear | None = None):
    return selectors.pledge_list(scope=Scope.of(request), year=year)


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
