import datetime as dt

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from congdoan.core.api import ApiYear, LimitOffset
from congdoan.core.fields import ApiDate
from congdoan.core.scoping import Scope

from . import selectors, services

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
    on: ApiDate | None = None


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
@paginate(LimitOffset)
def list_units(request, filters: Query[UnitFilter]):
    return selectors.unit_list(scope=Scope.of(request), q=filters.q, kind=filters.kind, on=filters.on)


@router.get("/units/{int:unit_id}", response=UnitOut, summary="Chi tiết đơn vị")
def get_unit(request, unit_id: int):
    return selectors.unit_get(scope=Scope.of(request), pk=unit_id)


@router.get("/units/{int:unit_id}/children", response=list[UnitOut], summary="Đơn vị trực thuộc (theo ngày)")
@paginate(LimitOffset)
def unit_children(request, unit_id: int, on: ApiDate | None = None):
    scope = Scope.of(request)
    unit = selectors.unit_get(scope=scope, pk=unit_id)
    return selectors.natural_order(selectors.unit_children(scope=scope, unit=unit, on=on))


@router.get("/units/{int:unit_id}/parents", response=list[LinkOut], summary="Lịch sử đơn vị cấp trên")
@paginate(LimitOffset)
def unit_parents(request, unit_id: int):
    scope = Scope.of(request)
    unit = selectors.unit_get(scope=scope, pk=unit_id)
    return selectors.unit_parent_history(scope=scope, unit=unit)


@router.get("/clusters", response=list[ClusterOut], summary="Cụm, khối thi đua")
@paginate(LimitOffset)
def list_clusters(request, year: ApiYear | None = None):
    return selectors.cluster_list(scope=Scope.of(request), year=year).prefetch_related("members")


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
