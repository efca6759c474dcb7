"""Số liệu tổng hợp các năm trước: API routes, scoped as the pages."""

from ninja import Router, Schema
from ninja.pagination import paginate

from congdoan.core.api import ApiYear, LimitOffset
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from . import selectors

router = Router(tags=["Số liệu tổng hợp các năm trước"])


class SummaryFigureOut(Schema):
    item: str
    label: str
    value: int

    @staticmethod
    def resolve_label(obj):
        return str(obj.get_item_display())


class YearSummaryOut(Schema):
    id: int
    unit_id: int
    year: int
    note: str
    summary: bool = True
    figures: list[SummaryFigureOut]

    @staticmethod
    def resolve_figures(obj):
        return list(obj.figures.all())


@router.get("/summaries", response=list[YearSummaryOut], summary="Số liệu tổng hợp các năm trước")
@paginate(LimitOffset)
def list_summaries(request, year: ApiYear | None = None, unit_id: int | None = None):
    """Số liệu tổng hợp (không có dữ liệu chi tiết) theo đơn vị và năm; ``summary`` luôn là true."""
    scope = Scope.of(request)
    unit = org_selectors.unit_get(scope=scope, pk=unit_id) if unit_id else None
    return selectors.summary_list(scope=scope, year=year, unit=unit)
