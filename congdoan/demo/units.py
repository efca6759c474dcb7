"""The organisation tree as the demo generators see it: the days of the 2025 reform, the nodes the tree
builder hands around (``Node``), and what the member generator needs to know about a grassroots union
(``Grassroots``), including the scenario's own unions (``scenario_grassroots``).

The generated tree itself: ``builder`` (the rows, ids and paths) and ``country`` (Lào Cai and the country).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from congdoan.org.constants import Sector
from congdoan.org.models import Unit

from . import data

D = dt.date
RESTRUCTURE = D(2025, 7, 1)
LAST_DISTRICT_DAY = D(2025, 6, 30)
BUDGET_DISSOLVED = D(2025, 6, 15)
RESTRUCTURE_DECISION = ("1030/QĐ-LĐLĐ", D(2025, 6, 28))


@dataclass
class Node:
    id: int
    path: str
    depth: int
    code: str


@dataclass
class Grassroots:
    """What the member generator needs to know about a grassroots union."""

    id: int
    code: str
    sector: str
    category: str
    founded_on: dt.date
    dissolved_on: dt.date | None
    cccd_prefix: str
    region: str
    hometown: str
    group: str  # members transfer within a group (a province)


# -- scenario units, as the member generator sees them ------------------------------------------------
def scenario_grassroots() -> list[Grassroots]:
    """Grassroots unions already in the database (the small scenario's), described for members."""
    prefix = {p[0]: (p[2], p[3], p[6]) for p in data.PROVINCES}
    for p in data.PROVINCES:
        for old_code, _name, short, cccd in p[7]:
            prefix[old_code] = (short, cccd, p[6])
    prefix["LCI"] = ("Lào Cai", "010", "laocai")
    prefix["YBI"] = ("Yên Bái", "015", "laocai")
    out = []
    rows = Unit.objects.filter(kind__is_grassroots=True).order_by("id")
    for u in rows.values("id", "code", "sector", "name", "founded_on", "dissolved_on"):
        top = u["code"].split(".")[0]
        short, cccd, region = prefix.get(top, ("Hà Nội", "001", "north"))
        name = u["name"]
        if "Trường" in name:
            category = "school"
        elif "Bệnh viện" in name:
            category = "health"
        elif "Phòng" in name:
            category = "office"
        elif u["sector"] == Sector.FDI:
            category = "fdi"
        elif "Apatit" in name or "Xi măng" in name:
            category = "mining"
        else:
            category = "state_co" if u["sector"] == Sector.STATE else "company"
        group = "LCI" if top in ("LCI", "YBI") else top
        out.append(
            Grassroots(
                u["id"],
                u["code"],
                u["sector"] or Sector.NON_STATE,
                category,
                u["founded_on"],
                u["dissolved_on"],
                cccd,
                region,
                short,
                group,
            )
        )
    return out
