"""Bulk generation of the province and national organisation trees around the small scenario.

Ids, materialised paths and depths are computed here and the rows written with COPY (PostgreSQL) or
executemany (SQLite): ~140,000 units cannot go through the one-at-a-time restructure services.
The history follows the 2025 reform: district federations ended on 30/06/2025, their grassroots
unions moved to the new commune/ward unions on 01/07/2025, the unions of 100%-state-budget offices
were dissolved on 15/06/2025, and 29 provincial federations merged into 23 others on 01/07/2025.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from congdoan.core.text import fold
from congdoan.org import tree
from congdoan.org.constants import Sector, UnitStatus
from congdoan.org.models import Unit, UnitKind, UnitLink

from . import bulk, data

D = dt.date
RESTRUCTURE = D(2025, 7, 1)
LAST_DISTRICT_DAY = D(2025, 6, 30)
BUDGET_DISSOLVED = D(2025, 6, 15)
RESTRUCTURE_DECISION = ("1030/QĐ-LĐLĐ", D(2025, 6, 28))
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

# Which kinds of employer a grassroots union serves, by the kind of union above it (weights).
CATEGORY_MIX = {
    "xa": [("school", 34), ("health", 5), ("state_co", 5), ("company", 33), ("coop", 10), ("guild", 5),
           ("fdi", 3), ("mining", 5)],
    "phuong": [("school", 18), ("health", 6), ("state_co", 9), ("company", 47), ("coop", 2), ("guild", 5),
               ("fdi", 9), ("mining", 4)],
    "ip": [("company", 42), ("fdi", 53), ("state_co", 5)],
}  # fmt: skip
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
CENTRAL_CATEGORY = {
    "GDVN": "school",
    "YTVN": "health",
    "VCVN": "office",
    "CTVN": "company",
    "XDVN": "company",
}
SPECIAL_ZONES = {
    "QNH": ["Vân Đồn", "Cô Tô"],
    "HPG": ["Cát Hải", "Bạch Long Vĩ"],
    "QTI": ["Cồn Cỏ"],
    "QNG": ["Lý Sơn"],
    "LDG": ["Phú Quý"],
    "HCM": ["Côn Đảo"],
    "AGG": ["Phú Quốc", "Kiên Hải", "Thổ Châu"],
}
CITIES = {"HNI", "HUE", "HPG", "DNG", "HCM", "CTO"}


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


def weighted(rng: random.Random, pairs):
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


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


def spread(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    """Split ``total`` into len(weights) random parts proportional to ``weights``."""
    s = sum(weights)
    raw = [total * w / s * rng.uniform(0.6, 1.4) for w in weights]
    k = total / (sum(raw) or 1)
    parts = [int(r * k) for r in raw]
    for i in rng.sample(range(len(parts)), min(len(parts), total - sum(parts))):
        parts[i] += 1
    return parts


def place_of(commune_name: str) -> str:
    """ "xã Bảo Yên" → "Bảo Yên"."""
    for prefix in ("xã ", "phường ", "đặc khu "):
        if commune_name.startswith(prefix):
            return commune_name[len(prefix) :]
    return commune_name


# -- Lào Cai (the province scale) ----------------------------------------------------------------------
SCENARIO_COMMUNES = {
    "phường Lào Cai": "LCI.PLC",
    "phường Cam Đường": "LCI.PCD",
    "xã Bảo Thắng": "LCI.XBT",
    "xã Phong Hải": "LCI.XPH",
    "phường Yên Bái": "LCI.PYB",
}


def build_lao_cai(b: Builder, *, grassroots: int = 1900) -> None:
    """The rest of Lào Cai around the scenario: ~99 commune/ward unions, districts, ~1,900 CĐCS."""
    rng = b.rng
    province = b.nodes["LCI"]
    olds = {"LCI": province, "YBI": b.nodes["YBI"]}
    info = ("Lào Cai", "010", "laocai")
    yb_info = ("Yên Bái", "015", "laocai")
    communes: list[tuple[Node, Node, str, float]] = []  # (commune, district, place, weight)
    n = 0
    for old_code, suffix, district_name, names in data.LAO_CAI_DISTRICTS:
        code = f"{old_code}.{suffix}"
        district = b.nodes.get(code) or b.district(old_province=olds[old_code], code=code, name=district_name)
        district_short = district_name.removeprefix("Liên đoàn Lao động ")
        for i in range(2 if suffix.startswith("H") else 0):
            b.budget_union(
                district=district,
                code=f"{code}.{90 + i:03d}",
                district_short=district_short,
                province=info if old_code == "LCI" else yb_info,
            )
        for raw in names:
            name = raw.rstrip("*")
            if raw.endswith("*"):
                commune = b.nodes[SCENARIO_COMMUNES[name]]
            else:
                n += 1
                commune = b.commune(province=province, code=f"LCI.C{n:03d}", name=f"Công đoàn {name}")
            communes.append((commune, district, place_of(name), 4.0 if name.startswith("phường") else 1.0))
    # The industrial-park union (from the scenario) takes companies from Bảo Thắng and the city.
    kcn = b.nodes["LCI.KCN"]
    targets = communes + [(kcn, b.nodes["LCI.BT"], "Tằng Loỏng", 12.0)]
    counts = spread(rng, grassroots, [t[3] for t in targets])
    for (parent, district, place, weight), count in zip(targets, counts, strict=True):
        mix = CATEGORY_MIX["ip" if parent is kcn else ("phuong" if weight > 1 else "xa")]
        for i in range(count):
            b.grassroots_union(
                parent=parent,
                code=f"{parent.code}.{i + 1:03d}",
                category=weighted(rng, mix),
                place=place,
                province=info,
                group="LCI",
                district=district,
            )


# -- the whole country (national scale) ---------------------------------------------------------------
def build_country(b: Builder, *, grassroots: int = 136_000, lao_cai: int = 1900) -> None:
    rng = b.rng
    root = b.nodes["TLD"]
    central_share = int(grassroots * 0.03)
    # Central industry and corporation unions, with grassroots unions directly under them.
    central_counts = spread(rng, central_share, [c[4] for c in data.CENTRAL_UNIONS])
    for (code, name, kind, year, _weight, _sector), count in zip(
        data.CENTRAL_UNIONS, central_counts, strict=True
    ):
        node = b.nodes.get(code) or b.add(
            code=code,
            name=name,
            kind=kind,
            parents=[(root, D(year, 1, 1), None, f"{rng.randint(10, 300)}/QĐ-TLĐ")],
            founded_on=D(year, 1, 1),
            decision_no=f"{rng.randint(10, 300)}/QĐ-TLĐ",
        )
        category = CENTRAL_CATEGORY.get(code, "state_co")
        for i in range(count):
            spec = rng.choice(data.PROVINCES)
            b.grassroots_union(
                parent=node,
                code=f"{code}.{i + 2:04d}",
                category=category if rng.random() < 0.8 else "state_co",
                place=spec[2],
                province=(spec[2], spec[3], spec[6]),
                group=code,
                earliest=1976,
            )
    build_lao_cai(b, grassroots=lao_cai)
    others = [p for p in data.PROVINCES if p[0] != "LCI"]
    counts = spread(rng, grassroots - central_share - lao_cai, [p[5] for p in others])
    for spec, count in zip(others, counts, strict=True):
        build_province(b, spec, count)


def build_province(b: Builder, spec, n_grassroots: int) -> None:
    rng = b.rng
    code, fed_name, short, cccd, n_communes, _weight, region, absorbed = spec
    root = b.nodes["TLD"]
    info = (short, cccd, region)
    province = b.nodes.get(code) or b.add(
        code=code,
        name=fed_name,
        kind="province",
        parents=[(root, D(1991, 10, 1), None, f"{rng.randint(100, 199)}/QĐ-TLĐ")],
        founded_on=D(1991, 10, 1),
        decision_no=f"{rng.randint(100, 199)}/QĐ-TLĐ",
    )
    existing = sum(1 for c in b.nodes if c.startswith(f"{code}.") and c.count(".") == 1)
    olds = [(province, info)]
    for old_code, old_name, old_short, old_cccd in absorbed:
        old = b.nodes.get(old_code) or b.add(
            code=old_code,
            name=old_name,
            kind="province",
            parents=[(root, D(1991, 10, 1), LAST_DISTRICT_DAY, f"{rng.randint(100, 199)}/QĐ-TLĐ")],
            founded_on=D(1991, 10, 1),
            decision_no=f"{rng.randint(100, 199)}/QĐ-TLĐ",
            status=UnitStatus.MERGED,
            dissolved_on=LAST_DISTRICT_DAY,
            dissolution_decision_no=f"{rng.randint(1500, 1599)}/QĐ-TLĐ",
            successor=province,
        )
        olds.append((old, (old_short, old_cccd, region)))
    # District federations of the old provinces (all ended on 30/06/2025).
    districts: list[tuple[Node, tuple]] = []
    per_old = max(2, n_communes // (9 * len(olds)))
    for old, old_info in olds:
        for i in range(per_old):
            place = commune_place(rng, set())
            kind_word = "thành phố" if i == 0 else rng.choice(["huyện", "huyện", "huyện", "thị xã"])
            d = b.district(
                old_province=old,
                code=f"{old.code}.H{i + 1:02d}",
                name=f"Liên đoàn Lao động {kind_word} {place}",
            )
            districts.append((d, old_info))
            b.budget_union(
                district=d, code=f"{d.code}.090", district_short=f"{kind_word} {place}", province=old_info
            )
    # Commune, ward and special-zone unions from 01/07/2025.
    used: set[str] = set()
    ward_share = 0.5 if code in CITIES else 0.15
    targets: list[tuple[Node, str, float, tuple[Node, tuple]]] = []
    zones = SPECIAL_ZONES.get(code, [])
    for i in range(max(0, n_communes - existing)):
        if i < len(zones):
            word, place, weight = "đặc khu", zones[i], 1.0
        else:
            place = commune_place(rng, used)
            word, weight = ("phường", 3.0) if rng.random() < ward_share else ("xã", 1.0)
        used.add(place)
        node = b.commune(province=province, code=f"{code}.C{i + 1:03d}", name=f"Công đoàn {word} {place}")
        targets.append((node, place, weight, rng.choice(districts)))
    if _weight >= 1.5:
        kcn = b.add(
            code=f"{code}.KCN",
            name=f"{data.INDUSTRIAL_PARK}{fed_name.removeprefix('Liên đoàn Lao động ')}",
            kind="industrial_park",
            parents=[(province, D(2008, 1, 1), None, f"{rng.randint(100, 999)}/QĐ-TLĐ")],
            founded_on=D(2008, 1, 1),
            decision_no=f"{rng.randint(100, 999)}/QĐ-TLĐ",
        )
        total = sum(t[2] for t in targets)
        targets.append((kcn, short, total * 0.15, (None, info)))
    counts = spread(rng, n_grassroots, [t[2] for t in targets])
    for (parent, place, weight, (district, old_info)), count in zip(targets, counts, strict=True):
        if parent.code.endswith(".KCN"):
            mix = CATEGORY_MIX["ip"]
        else:
            mix = CATEGORY_MIX["phuong" if weight > 1 else "xa"]
        for i in range(count):
            b.grassroots_union(
                parent=parent,
                code=f"{parent.code}.{i + 1:03d}",
                category=weighted(rng, mix),
                place=place,
                province=old_info,
                group=code,
                district=district,
                earliest=2008 if district is None else 1993,
            )


def commune_place(rng: random.Random, used: set[str]) -> str:
    for _ in range(50):
        place = " ".join(rng.sample(data.PLACE_SYLLABLES, 2))
        if place not in used:
            return place
    return f"{place} {rng.randint(2, 9)}"


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
