"""What the generated tree holds: the rest of Lào Cai around the scenario (the province scale) and the
34 provinces, their districts and communes, and the central unions (the national scale), built with
``builder.Builder``."""

from __future__ import annotations

import random

from congdoan.org.constants import UnitStatus

from . import data
from .builder import Builder
from .units import LAST_DISTRICT_DAY, D, Node

# Which kinds of employer a grassroots union serves, by the kind of union above it (weights).
CATEGORY_MIX = {
    "xa": [("school", 34), ("health", 5), ("state_co", 5), ("company", 33), ("coop", 10), ("guild", 5),
           ("fdi", 3), ("mining", 5)],
    "phuong": [("school", 18), ("health", 6), ("state_co", 9), ("company", 47), ("coop", 2), ("guild", 5),
               ("fdi", 9), ("mining", 4)],
    "ip": [("company", 42), ("fdi", 53), ("state_co", 5)],
}  # fmt: skip
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


def weighted(rng: random.Random, pairs):
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


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
