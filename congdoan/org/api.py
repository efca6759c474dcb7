import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from congdoan.core.scoping import Scope

from . import selectors, services
from .models import UnitKind

router = Router(tags=["Tổ chức"])


class UnitOut(Schema):
    id: int
    code: str
    name: str
    kind: str = Field(..., alias="kind.code")
    kind_name: str = Field(..., alias="kind.name")
    sector: str
    status: str
    founded_on: dt.date
    founding_decision_no: str
    dissolved_on: dt.date | None
    parent_id: int | None
    depth: int


class LinkOut(Schema):
    parent_id: int
    parent_name: str = Field(..., alias="parent.name")
    valid_from: dt.date
    valid_to: dt.date | None
    decision_no: str


class UnitFilter(Schema):
    q: str = ""
    kind: str = ""
    on: dt.date | None = None


class FoundIn(Schema):
    parent_id: int
    name: str
    kind: str
    founded_on: dt.date
    decision_no: str
    decision_date: dt.date | None = None
    sector: str = ""
    code: str = ""
    employer: str = ""


class ReparentIn(Schema):
    new_parent_id: int
    effective_on: dt.date
    decision_no: str
    decision_date: dt.date | None = None


class DissolveIn(Schema):
    dissolved_on: dt.date
    decision_no: str
    reason: str = ""
    decision_date: dt.date | None = None


class MergeIn(Schema):
    source_ids: list[int]
    target_id: int
    effective_on: dt.date
    decision_no: str
    decision_date: dt.date | None = None


class SplitPart(Schema):
    name: str
    code: str = ""


class SplitIn(Schema):
    parts: list[SplitPart]
    child_targets: dict[int, int] = {}
    # A split grassroots union's members: member id -> index of the part; everyone else goes to part
    # ``members_to`` (null: every member must be listed).
    member_targets: dict[int, int] = {}
    members_to: int | None = 0
    effective_on: dt.date
    decision_no: str
    decision_date: dt.date | None = None


class ClusterOut(Schema):
    id: int
    name: str
    kind: str
    year: int
    owner_id: int
    head_unit_id: int | None
    member_ids: list[int]

    @staticmethod
    def resolve_member_ids(obj):
        return list(obj.members.values_list("id", flat=True))


class ClusterRollOverIn(Schema):
    year: int
    head_unit_id: int


class ClusterIn(Schema):
    owner_id: int
    name: str
    kind: str = "cluster"
    year: int
    member_ids: list[int]
    head_unit_id: int | None = None
    note: str = ""


@router.get("/units", response=list[UnitOut], summary="Danh sách, tìm kiếm đơn vị")
@paginate(LimitOffsetPagination)
def list_units(request, filters: Query[UnitFilter]):
    return selectors.unit_list(scope=Scope.of(request), q=filters.q, kind=filters.kind, on=filters.on)


# Declared before /units/{unit_id}: Ninja's path parameters match any text, "merge" included.
@router.post("/units/merge", response=UnitOut, summary="Hợp nhất đơn vị")
def merge_units(request, payload: MergeIn):
    scope = Scope.of(request)
    sources = [selectors.unit_get(scope=scope, pk=pk) for pk in payload.source_ids]
    target = selectors.unit_get(scope=scope, pk=payload.target_id)
    services.unit_merge(
        scope=scope,
        sources=sources,
        target=target,
        effective_on=payload.effective_on,
        decision_no=payload.decision_no,
        decision_date=payload.decision_date,
    )
    return selectors.unit_get(scope=scope, pk=target.pk)


@router.get("/units/{unit_id}", response=UnitOut, summary="Chi tiết đơn vị")
def get_unit(request, unit_id: int):
    return selectors.unit_get(scope=Scope.of(request), pk=unit_id)


@router.get("/units/{unit_id}/children", response=list[UnitOut], summary="Đơn vị trực thuộc (theo ngày)")
def unit_children(request, unit_id: int, on: dt.date | None = None):
    scope = Scope.of(request)
    unit = selectors.unit_get(scope=scope, pk=unit_id)
    return list(selectors.unit_children(scope=scope, unit=unit, on=on))


@router.get("/units/{unit_id}/parents", response=list[LinkOut], summary="Lịch sử đơn vị cấp trên")
def unit_parents(request, unit_id: int):
    scope = Scope.of(request)
    unit = selectors.unit_get(scope=scope, pk=unit_id)
    return list(selectors.unit_parent_history(scope=scope, unit=unit))


@router.post("/units", response={201: UnitOut}, summary="Thành lập đơn vị")
def found_unit(request, payload: FoundIn):
    scope = Scope.of(request)
    parent = selectors.unit_get(scope=scope, pk=payload.parent_id)
    kind = get_object_or_404(UnitKind, code=payload.kind)
    unit = services.unit_found(
        scope=scope,
        parent=parent,
        kind=kind,
        **payload.dict(exclude={"parent_id", "kind"}),
    )
    return Status(201, selectors.unit_get(scope=scope, pk=unit.pk))


@router.post("/units/{unit_id}/reparent", response=UnitOut, summary="Chuyển đơn vị cấp trên")
def reparent_unit(request, unit_id: int, payload: ReparentIn):
    scope = Scope.of(request)
    unit = selectors.unit_get(scope=scope, pk=unit_id)
    new_parent = selectors.unit_get(scope=scope, pk=payload.new_parent_id)
    services.unit_reparent(
        scope=scope,
        unit=unit,
        new_parent=new_parent,
        effective_on=payload.effective_on,
        decision_no=payload.decision_no,
        decision_date=payload.decision_date,
    )
    return selectors.unit_get(scope=scope, pk=unit_id)


@router.post("/units/{unit_id}/dissolve", response=UnitOut, summary="Giải thể đơn vị")
def dissolve_unit(request, unit_id: int, payload: DissolveIn):
    scope = Scope.of(request)
    unit = selectors.unit_get(scope=scope, pk=unit_id)
    services.unit_dissolve(scope=scope, unit=unit, **payload.dict())
    return selectors.unit_get(scope=scope, pk=unit_id)


@router.post("/units/{unit_id}/split", response=list[UnitOut], summary="Chia tách đơn vị")
def split_unit(request, unit_id: int, payload: SplitIn):
    scope = Scope.of(request)
    unit = selectors.unit_get(scope=scope, pk=unit_id)
    new_units = services.unit_split(
        scope=scope,
        source=unit,
        parts=[p.dict() for p in payload.parts],
        child_targets=payload.child_targets,
        member_targets=payload.member_targets,
        members_to=payload.members_to,
        effective_on=payload.effective_on,
        decision_no=payload.decision_no,
        decision_date=payload.decision_date,
    )
    return [selectors.unit_get(scope=scope, pk=u.pk) for u in new_units]


@router.get("/clusters", response=list[ClusterOut], summary="Cụm, khối thi đua")
def list_clusters(request, year: int | None = None):
    return list(selectors.cluster_list(scope=Scope.of(request), year=year).prefetch_related("members"))


@router.get("/clusters/{cluster_id}", response=ClusterOut, summary="Chi tiết cụm, khối")
def get_cluster(request, cluster_id: int):
    return selectors.cluster_get(scope=Scope.of(request), pk=cluster_id)


def _cluster_args(scope, payload: ClusterIn) -> dict:
    return {
        "owner": selectors.unit_get(scope=scope, pk=payload.owner_id),
        "members": [selectors.unit_get(scope=scope, pk=pk) for pk in payload.member_ids],
        "head_unit": selectors.unit_get(scope=scope, pk=payload.head_unit_id)
        if payload.head_unit_id
        else None,
        "name": payload.name,
        "kind": payload.kind,
        "year": payload.year,
        "note": payload.note,
    }


@router.post("/clusters", response={201: ClusterOut}, summary="Lập cụm, khối")
def create_cluster(request, payload: ClusterIn):
    scope = Scope.of(request)
    return Status(201, services.cluster_save(scope=scope, **_cluster_args(scope, payload)))


@router.put("/clusters/{cluster_id}", response=ClusterOut, summary="Sửa cụm, khối")
def update_cluster(request, cluster_id: int, payload: ClusterIn):
    scope = Scope.of(request)
    cluster = selectors.cluster_get(scope=scope, pk=cluster_id)
    return services.cluster_save(scope=scope, cluster=cluster, **_cluster_args(scope, payload))


@router.post(
    "/clusters/{cluster_id}/roll-over",
    response={201: ClusterOut},
    summary="Chuyển cụm, khối sang năm mới với cụm trưởng mới",
)
def roll_over_cluster(request, cluster_id: int, payload: ClusterRollOverIn):
    scope = Scope.of(request)
    cluster = selectors.cluster_get(scope=scope, pk=cluster_id)
    head_unit = selectors.unit_get(scope=scope, pk=payload.head_unit_id)
    new = services.cluster_roll_over(scope=scope, cluster=cluster, year=payload.year, head_unit=head_unit)
    return Status(201, new)
