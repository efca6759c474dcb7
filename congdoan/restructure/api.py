"""The restructuring operations on the API: they join the organisation's router (``congdoan.org.api``),
on the same /api/v1/units paths as before the operations moved here."""

import datetime as dt

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from congdoan.core.scoping import Scope
from congdoan.org import selectors
from congdoan.org.api import UnitOut
from congdoan.org.models import UnitKind

from . import operations


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


def register(router: Router) -> None:
    """Add the operations to ``router`` (the organisation's), after its read routes. The ``int``
    converter on ``unit_id`` keeps "/units/merge" from being read as a unit ID."""

    @router.post("/units/merge", response=UnitOut, summary="Hợp nhất đơn vị")
    def merge_units(request, payload: MergeIn):
        scope = Scope.of(request)
        sources = [selectors.unit_get(scope=scope, pk=pk) for pk in payload.source_ids]
        target = selectors.unit_get(scope=scope, pk=payload.target_id)
        operations.unit_merge(
            scope=scope,
            sources=sources,
            target=target,
            effective_on=payload.effective_on,
            decision_no=payload.decision_no,
            decision_date=payload.decision_date,
        )
        return selectors.unit_get(scope=scope, pk=target.pk)

    @router.post("/units", response={201: UnitOut}, summary="Thành lập đơn vị")
    def found_unit(request, payload: FoundIn):
        scope = Scope.of(request)
        parent = selectors.unit_get(scope=scope, pk=payload.parent_id)
        kind = get_object_or_404(UnitKind, code=payload.kind)
        unit = operations.unit_found(
            scope=scope,
            parent=parent,
            kind=kind,
            **payload.dict(exclude={"parent_id", "kind"}),
        )
        return Status(201, selectors.unit_get(scope=scope, pk=unit.pk))

    @router.post("/units/{int:unit_id}/reparent", response=UnitOut, summary="Chuyển đơn vị cấp trên")
    def reparent_unit(request, unit_id: int, payload: ReparentIn):
        scope = Scope.of(request)
        unit = selectors.unit_get(scope=scope, pk=unit_id)
        new_parent = selectors.unit_get(scope=scope, pk=payload.new_parent_id)
        operations.unit_reparent(
            scope=scope,
            unit=unit,
            new_parent=new_parent,
            effective_on=payload.effective_on,
            decision_no=payload.decision_no,
            decision_date=payload.decision_date,
        )
        return selectors.unit_get(scope=scope, pk=unit_id)

    @router.post("/units/{int:unit_id}/dissolve", response=UnitOut, summary="Giải thể đơn vị")
    def dissolve_unit(request, unit_id: int, payload: DissolveIn):
        scope = Scope.of(request)
        unit = selectors.unit_get(scope=scope, pk=unit_id)
        operations.unit_dissolve(scope=scope, unit=unit, **payload.dict())
        return selectors.unit_get(scope=scope, pk=unit_id)

    @router.post("/units/{int:unit_id}/split", response=list[UnitOut], summary="Chia tách đơn vị")
    def split_unit(request, unit_id: int, payload: SplitIn):
        scope = Scope.of(request)
        unit = selectors.unit_get(scope=scope, pk=unit_id)
        new_units = operations.unit_split(
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
