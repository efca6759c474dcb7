"""Bulk generation of the province and national organisation trees around the small scenario: the rows.

Ids, materialised paths and depths are computed here and the rows written with COPY (PostgreSQL) or
executemany (SQLite): ~140,000 units cannot go through the one-at-a-time restructure services.
The history follows the 2025 reform: district federations ended on 30/06/2025, their grassroots
unions moved to the new commune/ward unions on 01/07/2025, the unions of 100%-state-budget offices
were dissolved on 15/06/2025, and 29 provincial federations merged into 23 others on 01/07/2025.
What is built where (Lào Cai, the provinces, the central unions): ``country``.
"""

from __future__ import annotations

import datetime as dt
import random

from congdoan.core.text import fold
from congdoan.org import tree
from congdoan.org.constants import Sector, UnitStatus
from congdoan.org.models import Unit, UnitKind, UnitLink

from . import bulk, data
from .units import (
    BUDGET_DISSOLVED,
    LAST_DISTRICT_DAY,
    RESTRUCTURE,
    RESTRUCTURE_DECISION,
    D,
    Grassroots,
    Node,
)

DISTRICT_END_REASON = "Kết thúc hoạt động công đoàn cấp huyện (Kết luận 157-KL/TW)"
BUDGET_REASON = "Đơn vị hưởng 100% lương từ ngân sách nhà nước"

UNIT_FIELDS = [
    "id",
    "code",
    "name",
    "name_folded",
    "kind_id",
    "sector",
    "status",
    "founded_on",
    "founding_decision_no",
    "founding_decision_date",
    "dissolved_on",
    "dissolution_decision_no",
    "dissolution_reason",
    "successor_id",
    "parent_id",
    "path",
    "depth",
    "employer",
]
LINK_FIELDS = ["child_id", "parent_id", "valid_from", "valid_to", "decision_no", "decision_date", "note"]
CATEGORY_SECTOR = {
    "school": Sector.STATE,
    "health": Sector.STATE,
    "state_co": Sector.STATE,
    "office": Sector.STATE,
    "company": Sector.NON_STATE,
    "coop": Sector.NON_STATE,
    "mining": Sector.NON_STATE,
    "fdi": Sector.FDI,
    "guild": Sector.INFORMAL,
}


class Builder:
    """Collects unit and link rows with their ids and paths, then writes them in one go."""

    def __init__(self, rng: random.Random, today: dt.date):
        self.rng = rng
        self.today = today
        self.kinds = dict(UnitKind.objects.values_list("code", "id"))
        self.next_id = bulk.next_id(Unit)
        self.units: list[tuple] = []
        self.links: list[tuple] = []
        self.grassroots: list[Grassroots] = []
        self.nodes = {
            code: Node(pk, path, depth, code)
            for code, pk, path, depth in Unit.objects.values_list("code", "id", "path", "depth")
        }

    def add(
        self,
        *,
        code: str,
        name: str,
        kind: str,
        parents: list[tuple[Node, dt.date, dt.date | None, str]],
        founded_on: dt.date,
        decision_no: str = "",
        sector: str = "",
        employer: str = "",
        status: str = UnitStatus.ACTIVE,
        dissolved_on: dt.date | None = None,
        dissolution_decision_no: str = "",
        dissolution_reason: str = "",
        successor: Node | None = None,
    ) -> Node:
        """Add a unit; ``parents`` are its dated links, oldest first (the last is the latest structure)."""
        if code in self.nodes:
            raise ValueError(f"mã đơn vị trùng: {code}")
        pk = self.next_id
        self.next_id += 1
        top = successor or (parents[-1][0] if parents else None)
        path = f"{top.path}{pk}/" if top else f"/{pk}/"
        depth = top.depth + 1 if top else 0
        self.units.append(
            (
                pk,
                code,
                name,
                fold(name),
                self.kinds[kind],
                sector,
                status,
                founded_on,
                decision_no,
                founded_on if decision_no else None,
                dissolved_on,
                dissolution_decision_no,
                dissolution_reason,
                successor.id if successor else None,
                top.id if top else None,
                path,
                depth,
                employer,
            )
        )
        for parent, start, end, decision in parents:
            decision_date = RESTRUCTURE_DECISION[1] if start == RESTRUCTURE else start
            self.links.append((pk, parent.id, start, end, decision, decision_date, ""))
        node = Node(pk, path, depth, code)
        self.nodes[code] = node
        return node

    def write(self) -> tuple[int, int]:
        units = bulk.insert(bulk.Table(Unit, UNIT_FIELDS), iter(self.units))
        links = bulk.insert(bulk.Table(UnitLink, LINK_FIELDS), iter(self.links))
        bulk.sync_sequence(Unit)
        tree.tree_change_rebuild()  # the links were written around org.tree
        return units, links

    # -- pieces ---------------------------------------------------------------------------------------
    def founded_before_reform(self, earliest: int = 1993) -> dt.date:
        year = max(earliest, 2024 - int(self.rng.expovariate(1 / 10)))
        return D(year, self.rng.randint(1, 12), self.rng.randint(1, 28))

    def founded_after_reform(self) -> dt.date:
        span = (self.today - RESTRUCTURE).days - 14
        return RESTRUCTURE + dt.timedelta(days=self.rng.randint(14, max(14, span)))

    def grassroots_union(
        self,
        *,
        parent: Node,
        code: str,
        category: str,
        place: str,
        province: tuple[str, str, str],  # short name, CCCD prefix, region
        group: str,
        district: Node | None = None,
        pre_reform: float = 0.85,
        earliest: int = 1993,
    ) -> Node:
        """One grassroots union under ``parent``; if founded before 07/2025 and ``district`` is given,
        it lived under that district federation until 30/06/2025."""
        rng = self.rng
        short, cccd_prefix, region = province
        employer = employer_name(rng, category, place, short)
        name = employer if category == "guild" else f"CĐCS {employer}"
        sector = CATEGORY_SECTOR[category]
        if category == "mining" and rng.random() < 0.4:
            sector = Sector.STATE
        before = rng.random() < pre_reform or self.today < RESTRUCTURE + dt.timedelta(days=30)
        founded = self.founded_before_reform(earliest) if before else self.founded_after_reform()
        decision = f"{rng.randint(10, 999)}/QĐ-{'LĐLĐ' if before else 'CĐ'}"
        if before and district is not None:
            parents = [
                (district, founded, LAST_DISTRICT_DAY, decision),
                (parent, RESTRUCTURE, None, RESTRUCTURE_DECISION[0]),
            ]
        else:
            parents = [(parent, founded, None, decision)]
        node = self.add(
            code=code,
            name=name,
            kind="union_guild" if category == "guild" else "grassroots",
            parents=parents,
            founded_on=founded,
            decision_no=decision,
            sector=sector,
            employer=employer,
        )
        self.grassroots.append(
            Grassroots(node.id, code, sector, category, founded, None, cccd_prefix, region, short, group)
        )
        return node

    def budget_union(self, *, district: Node, code: str, district_short: str, province) -> Node:
        """The union of a 100%-state-budget office under a district federation, dissolved 15/06/2025."""
        rng = self.rng
        employer = f"{rng.choice(data.STATE_OFFICES)} {district_short}"
        founded = D(rng.randint(1993, 2010), rng.randint(1, 12), rng.randint(1, 28))
        decision = f"{rng.randint(10, 999)}/QĐ-LĐLĐ"
        node = self.add(
            code=code,
            name=f"CĐCS {employer}",
            kind="grassroots",
            parents=[(district, founded, BUDGET_DISSOLVED, decision)],
            founded_on=founded,
            decision_no=decision,
            sector=Sector.STATE,
            employer=employer,
            status=UnitStatus.DISSOLVED,
            dissolved_on=BUDGET_DISSOLVED,
            dissolution_decision_no=f"{rng.randint(60, 99)}/QĐ-LĐLĐ",
            dissolution_reason=BUDGET_REASON,
        )
        short, cccd_prefix, region = province
        self.grassroots.append(
            Grassroots(
                node.id,
                code,
                Sector.STATE,
                "office",
                founded,
                BUDGET_DISSOLVED,
                cccd_prefix,
                region,
                short,
                "",
            )
        )
        return node

    def district(self, *, old_province: Node, code: str, name: str) -> Node:
        founded = D(1992, self.rng.randint(1, 12), 1)
        return self.add(
            code=code,
            name=name,
            kind="district",
            parents=[(old_province, founded, LAST_DISTRICT_DAY, f"{self.rng.randint(10, 99)}/QĐ-LĐLĐ")],
            founded_on=founded,
            decision_no=f"{self.rng.randint(10, 99)}/QĐ-LĐLĐ",
            status=UnitStatus.DISSOLVED,
            dissolved_on=LAST_DISTRICT_DAY,
            dissolution_decision_no="1019/QĐ-LĐLĐ",
            dissolution_reason=DISTRICT_END_REASON,
        )

    def commune(self, *, province: Node, code: str, name: str, kind: str = "commune") -> Node:
        decision = f"{self.rng.randint(1000, 1999)}/QĐ-LĐLĐ"
        return self.add(
            code=code,
            name=name,
            kind=kind,
            parents=[(province, RESTRUCTURE, None, decision)],
            founded_on=RESTRUCTURE,
            decision_no=decision,
        )


def employer_name(rng: random.Random, category: str, place: str, province_short: str) -> str:
    if category == "school":
        return f"{rng.choice(data.SCHOOLS)} {place}"
    if category == "health":
        return f"{rng.choice(data.HEALTH)} {place}"
    if category == "state_co":
        return f"{rng.choice(data.STATE_COMPANIES)} {place}"
    if category == "coop":
        return f"{rng.choice(data.COOPS)} {place}"
    if category == "guild":
        return f"{rng.choice(data.GUILDS)} {place}"
    if category == "fdi":
        where = "Việt Nam" if rng.random() < 0.6 else province_short
        return f"Công ty TNHH {rng.choice(data.FDI_TRADES)}{rng.choice(data.FOREIGN)} {where}"
    if category == "mining":
        return f"Công ty Cổ phần Khoáng sản {rng.choice(data.BRANDS)}"
    if category == "office":
        return f"{rng.choice(data.STATE_OFFICES)} {place}"
    legal = rng.choice(["TNHH", "Cổ phần", "TNHH MTV"])
    suffix = f" {province_short}" if rng.random() < 0.3 else ""
    return f"Công ty {legal} {rng.choice(data.TRADES)} {rng.choice(data.BRANDS)}{suffix}"
