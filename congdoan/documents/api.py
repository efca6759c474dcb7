"""Documents' API: the fact table of a unit over a period (JSON)."""

from decimal import Decimal

from ninja import Router, Schema
from ninja.pagination import paginate

from congdoan.core.api import LimitOffset
from congdoan.core.dates import today
from congdoan.core.fields import ApiDate
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from .figures import facts_kept

router = Router(tags=["Văn bản, biểu mẫu"])


def _number(value: int | Decimal | None) -> int | float | None:
    """A JSON number: shares (Decimal, two places) as floats, counts and money as integers."""
    return float(value) if isinstance(value, Decimal) else value


class FactOut(Schema):
    key: str
    label: str
    value: int | float | None
    unit: str
    approved: bool
    url: str
    previous: int | float | None
    area: str
    out_of: int | None

    @staticmethod
    def resolve_value(obj) -> int | float | None:
        return _number(obj.value)

    @staticmethod
    def resolve_previous(obj) -> int | float | None:
        return _number(obj.previous)


@router.get("/facts", response=list[FactOut], summary="Bảng số liệu của đơn vị trong kỳ")
@paginate(LimitOffset)
def facts(request, unit_id: int, start: ApiDate, end: ApiDate, as_of: ApiDate | None = None):
    """Every figure of the unit's subtree over ``start..end`` (ISO dates), with last year's same period."""
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id)
    if start > end:
        start, end = end, start
    return facts_kept(scope=scope, unit=unit, start=start, end=end, as_of=as_of or today())
