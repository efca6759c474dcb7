"""Demo summary figures of 2023 (before the 2025 restructure): the province, the former Bảo Thắng district
federation and some of its grassroots unions, as their year-end reports gave them."""

from __future__ import annotations

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from . import services
from .constants import SummaryItem as I

SYSTEM = Scope.unrestricted()
YEAR = 2023
NOTE = "Báo cáo tổng kết công tác công đoàn năm 2023"

FIGURES = {
    "LCI": {
        I.MEMBERS_ADMITTED: 4_215,
        I.WELFARE_PEOPLE: 38_460,
        I.WELFARE_TET: 9_850_000_000,
        I.WELFARE_VISITS: 1_240_000_000,
        I.WELFARE_HOUSES: 2_100_000_000,
        I.AWARDS_NATIONAL: 12,
        I.AWARDS_PROVINCIAL: 186,
        I.AWARDS_STATE: 3,
    },
    "LCI.BT": {
        I.MEMBERS_ADMITTED: 512,
        I.WELFARE_PEOPLE: 3_870,
        I.WELFARE_TET: 1_020_000_000,
        I.WELFARE_VISITS: 96_000_000,
        I.AWARDS_PROVINCIAL: 21,
        I.AWARDS_UPPER: 64,
    },
    "LCI.BT.001": {
        I.MEMBERS_ADMITTED: 18,
        I.WELFARE_PEOPLE: 127,
        I.WELFARE_TET: 63_500_000,
        I.AWARDS_GRASSROOTS: 9,
    },
    "LCI.BT.005": {I.MEMBERS_ADMITTED: 11, I.WELFARE_PEOPLE: 84, I.WELFARE_TET: 42_000_000},
    "LCI.BT.006": {I.MEMBERS_ADMITTED: 7, I.WELFARE_PEOPLE: 45, I.WELFARE_HARDSHIP: 15_000_000},
}


def load(*, scale: str) -> None:
    if today().year <= YEAR:
        return
    units = org_selectors.units_by_codes(FIGURES)
    for code, values in FIGURES.items():
        unit = units.get(code)
        if unit is not None and unit.exists_on(today().replace(year=YEAR, month=12, day=31)):
            services.summary_save(scope=SYSTEM, unit=unit, year=YEAR, values=dict(values), note=NOTE)
