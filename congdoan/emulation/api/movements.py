"""Movements and registrations."""

from ninja.pagination import paginate

from congdoan.core.api import ApiYear, LimitOffset
from congdoan.core.scoping import Scope
from congdoan.members import selectors as member_selectors
from congdoan.org import selectors as org_selectors

from .. import selectors, services
from ._common import _kind, router
from .schemas import MovementIn, MovementOut, OverviewOut, RegistrationIn, RegistrationOut


# -- movements and registrations ----------------------------------------------------------------
@router.get("/movements", response=list[MovementOut], summary="Phong trào thi đua")
@paginate(LimitOffset)
def list_movements(request, year: ApiYear | None = None):
    return selectors.movement_list(scope=Scope.of(request), year=year)


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
@paginate(LimitOffset)
def list_registrations(request, year: ApiYear | None = None):
    return selectors.registration_list(scope=Scope.of(request), year=year)


@router.get("/registrations/overview", response=OverviewOut, summary="Đúng hạn, muộn, chưa đăng ký")
def registration_overview(request, upper_id: int, year: ApiYear):
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
