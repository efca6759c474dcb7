"""API of social work (donors, gifts, their figures) under /api/v1/welfare/social — scoped as the pages."""

import datetime as dt

from ninja import Router, Schema
from ninja.pagination import paginate

from congdoan.core.api import LimitOffset
from congdoan.core.concurrency import idempotent_create
from congdoan.core.dates import today
from congdoan.core.fields import ApiAmount, ApiDate
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from .. import selectors as welfare_selectors
from ..constants import GiftForm
from . import selectors, services

router = Router(tags=["Công tác xã hội"])


class SocialDonorOut(Schema):
    id: int
    owner_id: int
    name: str
    kind: str
    contact: str


class SocialDonorIn(Schema):
    owner_id: int
    name: str
    kind: str
    contact: str = ""


class SocialGiftOut(Schema):
    id: int
    unit_id: int
    donor_id: int | None
    programme_id: int | None
    recipient_kind: str
    recipient_name: str
    form: str
    value: int
    given_on: dt.date
    description: str


class SocialGiftIn(Schema):
    unit_id: int
    donor_id: int | None = None
    programme_id: int | None = None
    recipient_kind: str
    recipient_name: str
    form: str = GiftForm.CASH
    value: ApiAmount
    given_on: ApiDate
    description: str = ""


class SocialAmountRow(Schema):
    code: str
    label: str
    value: int


class SocialFiguresOut(Schema):
    unit_id: int
    start: dt.date
    end: dt.date
    gifts: int
    value: int
    cash: int
    in_kind: int
    donated: int
    union_own: int
    donors_count: int
    by_recipient: list[dict]
    by_donor_kind: list[SocialAmountRow]
    donors: list[dict]
    by_level: list[dict]


@router.get("/donors", response=list[SocialDonorOut], summary="Nhà tài trợ")
@paginate(LimitOffset)
def list_donors(request, q: str = ""):
    return selectors.donor_list(scope=Scope.of(request), q=q[:100])


@router.post("/donors", response={201: SocialDonorOut}, summary="Thêm nhà tài trợ")
def create_donor(request, payload: SocialDonorIn):
    """Header ``Idempotency-Key``: gửi lại cùng khoá trả về nhà tài trợ đã thêm."""
    scope = Scope.of(request)
    owner = org_selectors.unit_get(scope=scope, pk=payload.owner_id)
    donor = idempotent_create(
        request,
        lambda: services.donor_create(
            scope=scope, owner=owner, name=payload.name, kind=payload.kind, contact=payload.contact
        ),
        lambda pk: selectors.donor_get(scope=scope, pk=pk),
    )
    return 201, donor


@router.get("/gifts", response=list[SocialGiftOut], summary="Quà tặng công tác xã hội")
@paginate(LimitOffset)
def list_gifts(request, unit_id: int | None = None, start: ApiDate | None = None, end: ApiDate | None = None):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id) if unit_id else None
    return selectors.gift_list(scope=scope, unit=unit, start=start, end=end)


@router.get("/gifts/{gift_id}", response=SocialGiftOut, summary="Chi tiết quà tặng")
def get_gift(request, gift_id: int):
    return selectors.gift_get(scope=Scope.of(request), pk=gift_id)


@router.post("/gifts", response={201: SocialGiftOut}, summary="Ghi nhận quà tặng")
def create_gift(request, payload: SocialGiftIn):
    """Giá trị là số nguyên đồng (hiện vật: giá trị ước tính). Header ``Idempotency-Key`` như các API khác."""
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=payload.unit_id)
    donor = selectors.donor_get(scope=scope, pk=payload.donor_id) if payload.donor_id else None
    programme = (
        welfare_selectors.programme_get(scope=scope, pk=payload.programme_id)
        if payload.programme_id
        else None
    )
    fields = payload.dict(exclude={"unit_id", "donor_id", "programme_id", "given_on"})
    fields["given_on"] = payload.given_on
    gift = idempotent_create(
        request,
        lambda: services.gift_create(scope=scope, unit=unit, donor=donor, programme=programme, **fields),
        lambda pk: selectors.gift_get(scope=scope, pk=pk),
    )
    return 201, gift


@router.get("/figures", response=SocialFiguresOut, summary="Số liệu công tác xã hội của một đơn vị (cả cây)")
def social_figures(request, unit_id: int, start: ApiDate | None = None, end: ApiDate | None = None):
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    year = today().year
    start, end = start or dt.date(year, 1, 1), end or dt.date(year, 12, 31)
    data = selectors.social_figures(scope=scope, unit=unit, start=start, end=end)
    return {**data, "unit_id": unit.pk, "start": start, "end": end}
