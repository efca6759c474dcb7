"""Demo data for congresses: Lào Cai's 2023–2028 round (most grassroots unions on time, some late, a few not
yet held), the bodies they elected (linked to the member registry, so the members' union posts follow), the
province's own congress, and the committees appointed for the commune unions founded on 01/07/2025.

Called by the demo loader after units and members exist. The first unions go through the services (audit log,
posts, caps); at the province and national scales the thousands of others are bulk-inserted, held, bodiless.
"""

from __future__ import annotations

import datetime as dt
import random

from congdoan.core.scoping import Scope
from congdoan.members.selectors.people import active_members_unscoped
from congdoan.org import selectors as org_selectors

from . import services
from .constants import BodyKind, CongressForm, SeatRole, TermOrigin
from .models import Congress, Term
from .rules import cap_for
from .services._common import member_count

SYSTEM = Scope.unrestricted()
D = dt.date
DEADLINE = D(2023, 3, 31)
WITH_BODIES = 40  # unions recorded through the services, with their bodies
# The commune account (xa) sees one union of its own held late and one not held yet; coso's held on time.
FORCED = {"LCI.BT.001": 0.0, "LCI.BT.005": 0.8, "LCI.BT.006": 0.95}
OFFICERS = ["Nguyễn Văn Thành", "Lò Thị Hoa", "Hoàng Văn Bình", "Vàng Thị Dung", "Trần Minh Đức"]


def _plan(province):
    kinds = {k.code: k for k in org_selectors.kinds()}
    return services.plan_create(
        scope=SYSTEM,
        owner=province,
        name="Kế hoạch tổ chức đại hội công đoàn các cấp nhiệm kỳ 2023–2028",
        document_no="15/KH-LĐLĐ",
        term_start=2023,
        term_end=2028,
        note="Đại hội công đoàn cơ sở xong trước 31/03/2023; đại hội LĐLĐ tỉnh trong quý III/2023.",
        deadlines={kinds["grassroots"]: DEADLINE, kinds["union_guild"]: DEADLINE},
    )


def _bodies(term, unit, day, rng) -> None:
    """An executive committee up to its cap (the chair and a vice-chair first), members of the union where
    it has them, and an inspection committee of one."""
    members = list(active_members_unscoped(unit=unit, subtree=False)[:30])
    cap = cap_for("executive", unit=unit, members=member_count(unit, day), day=day)
    size = min(cap.cap if cap else 3, max(3, len(members)))
    roles = [SeatRole.CHAIR, SeatRole.VICE_CHAIR] + [SeatRole.MEMBER] * (size - 2)
    names = iter(OFFICERS)
    for i, role in enumerate(roles):
        person = members[i] if i < len(members) else None
        if person is None:
            services.seat_add(
                scope=SYSTEM, term=term, kind=BodyKind.EXECUTIVE, role=role, full_name=next(names)
            )
        else:
            services.seat_add(
                scope=SYSTEM, term=term, kind=BodyKind.EXECUTIVE, role=role, member=person, is_full_time=False
            )
    spare = members[size] if len(members) > size else None
    if spare is not None:
        services.seat_add(
            scope=SYSTEM, term=term, kind=BodyKind.INSPECTION, role=SeatRole.CHAIR, member=spare
        )


def _grassroots_round(province, plan, rng) -> dict:
    units = list(
        org_selectors.units_below(province)
        .filter(kind__code__in=["grassroots", "union_guild"], status="active", founded_on__lte=DEADLINE)
        .order_by("code")
    )
    counts = {"held": 0, "late": 0, "not_held": 0}
    bulk_terms, bulk_congresses = [], []
    for i, unit in enumerate(units):
        coso = unit.code == "LCI.BT.001"
        roll = FORCED.get(unit.code)
        if roll is None:
            roll = rng.random()
        if roll < 0.72:
            day, kind = D(2023, 1, 5) + dt.timedelta(days=rng.randrange(0, 80)), "held"
        elif roll < 0.86:
            day, kind = D(2023, 4, 3) + dt.timedelta(days=rng.randrange(0, 70)), "late"
        else:
            day, kind = None, "not_held"
        if day is not None and day < unit.founded_on + dt.timedelta(days=7):
            # A union founded just before the deadline held its congress after its founding, not before.
            day = unit.founded_on + dt.timedelta(days=7)
            kind = "late" if day > DEADLINE else kind
        counts[kind] += 1
        if i >= WITH_BODIES and not coso:
            if day is not None:
                bulk_terms.append(
                    Term(
                        unit=unit, start_year=2023, end_year=2028, origin=TermOrigin.CONGRESS, took_office=day
                    )
                )
                bulk_congresses.append(
                    Congress(
                        unit=unit,
                        ordinal=rng.randint(3, 9),
                        form=CongressForm.ALL_MEMBERS,
                        plan=plan,
                        deadline=DEADLINE,
                        planned_on=day,
                        held_on=day,
                    )
                )
            continue
        planned = max((day or D(2023, 3, 20)) - dt.timedelta(days=7), unit.founded_on)
        congress = services.congress_create(
            scope=SYSTEM,
            unit=unit,
            start_year=2023,
            end_year=2028,
            ordinal=rng.randint(3, 9),
            form=CongressForm.ALL_MEMBERS,
            planned_on=planned,
        )
        if day is None:
            continue
        services.congress_record(scope=SYSTEM, congress=congress, held_on=day)
        _bodies(congress.term, unit, day, rng)
        services.term_recognise(
            scope=SYSTEM,
            term=congress.term,
            decision_no=f"{20 + i}/QĐ-LĐLĐ",
            decision_date=day + dt.timedelta(days=10),
            signer_name="Hoàng Văn Dũng",
            signer_title="TM. Ban Thường vụ — Chủ tịch",
        )
    terms = Term.objects.bulk_create(bulk_terms, batch_size=2000)
    for term, congress in zip(terms, bulk_congresses, strict=True):
        congress.term = term
    Congress.objects.bulk_create(bulk_congresses, batch_size=2000)
    return counts


def _province_congress(province) -> None:
    congress = services.congress_create(
        scope=SYSTEM,
        unit=province,
        start_year=2023,
        end_year=2028,
        ordinal=16,
        form=CongressForm.DELEGATES,
        planned_on=D(2023, 8, 24),
    )
    services.congress_record(scope=SYSTEM, congress=congress, held_on=D(2023, 8, 24), delegates=250)
    for role, name in [
        (SeatRole.CHAIR, "Lê Thị Thu Hà"),
        (SeatRole.VICE_CHAIR, "Phạm Văn Sơn"),
        (SeatRole.VICE_CHAIR, "Giàng Thị Mai"),
        *[(SeatRole.MEMBER, f"Ủy viên Ban Chấp hành số {i}") for i in range(4, 28)],
    ]:
        services.seat_add(
            scope=SYSTEM, term=congress.term, kind=BodyKind.EXECUTIVE, role=role, full_name=name
        )
    for name in (
        "Lê Thị Thu Hà",
        "Phạm Văn Sơn",
        "Giàng Thị Mai",
        "Ủy viên Ban Chấp hành số 4",
        "Ủy viên Ban Chấp hành số 5",
        "Ủy viên Ban Chấp hành số 6",
        "Ủy viên Ban Chấp hành số 7",
        "Ủy viên Ban Chấp hành số 8",
        "Ủy viên Ban Chấp hành số 9",
    ):
        services.seat_add(scope=SYSTEM, term=congress.term, kind=BodyKind.STANDING, full_name=name)
    for i, name in enumerate(["Nguyễn Thị Lan", "Đỗ Văn Hải", "Sùng A Páo"]):
        role = SeatRole.CHAIR if i == 0 else SeatRole.MEMBER
        services.seat_add(
            scope=SYSTEM, term=congress.term, kind=BodyKind.INSPECTION, role=role, full_name=name
        )
    services.term_recognise(
        scope=SYSTEM,
        term=congress.term,
        decision_no="1250/QĐ-TLĐ",
        decision_date=D(2023, 9, 5),
        signer_name="Nguyễn Đình Khang",
        signer_title="TM. Đoàn Chủ tịch — Chủ tịch",
    )


def _communes(province, rng) -> int:
    """The commune unions founded on 01/07/2025 got committees appointed by the province until 2028."""
    communes = list(
        org_selectors.units_below(province).filter(
            kind__level=2, status="active", founded_on__gte=D(2025, 7, 1)
        )
    )
    for i, unit in enumerate(communes):
        term = services.term_appoint(
            scope=SYSTEM,
            unit=unit,
            start_year=2025,
            end_year=2028,
            decision_no=f"{1100 + i}/QĐ-LĐLĐ",
            decision_date=unit.founded_on,
            signer_name="Lê Thị Thu Hà",
            signer_title="TM. Ban Thường vụ — Chủ tịch",
        )
        names = (
            ["Hoàng Văn Dũng", *rng.sample(OFFICERS, 4)]
            if unit.code == "LCI.XBT"
            else rng.sample(OFFICERS, 5)
        )
        for j, name in enumerate(names):
            role = SeatRole.CHAIR if j == 0 else SeatRole.VICE_CHAIR if j == 1 else SeatRole.MEMBER
            services.seat_add(scope=SYSTEM, term=term, kind=BodyKind.EXECUTIVE, role=role, full_name=name)
    return len(communes)


def load(scale: str = "small", **_kwargs) -> dict:
    province = org_selectors.units_by_codes(["LCI"]).get("LCI")
    if province is None:
        return {}
    rng = random.Random(2023)
    plan = _plan(province)
    counts = _grassroots_round(province, plan, rng)
    _province_congress(province)
    counts["communes_appointed"] = _communes(province, rng)
    return counts
