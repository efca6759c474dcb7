"""Demo data for Party introductions, coherent with the demo members' Party dates.

The member generator (``congdoan/demo/people.py``) gives some members a Party status with dates: "introduced"
(an introduction date in the last two years) or "admitted" (an admission date, introduced 180–400 days
before). Each of them gets the Introduction those dates tell (introduced, or in training after two months;
admitted with a decision), bulk-inserted without touching the member rows, so the statistics ledger already
counts them. Then a few members of the ``coso`` account's union (LCI.BT.001) are introduced through the
services across 2024–2026 — some admitted, one withdrawn, one in training — so the audit log shows them too.
"""

from __future__ import annotations

import datetime as dt
import random

from django.core.exceptions import ValidationError

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.members import selectors as member_selectors
from congdoan.members.constants import MemberStatus, PartyStatus
from congdoan.members.models import Member
from congdoan.members.selectors.people import active_members_unscoped
from congdoan.members.services import party_dates_set
from congdoan.org.models import Unit

from . import services
from .constants import IntroStatus
from .models import Introduction

SYSTEM = Scope.unrestricted()
D = dt.date
MAX_BULK = 20_000
MAX_FIXES = 300
CELLS = [
    "Chi bộ Phân xưởng Tuyển quặng",
    "Chi bộ Phòng Kỹ thuật",
    "Chi bộ Khối Văn phòng",
    "Chi bộ Phân xưởng Cơ điện",
    "Chi bộ Tổ sản xuất số 3",
]
MENTORS = ["Hoàng Văn Thụ", "Lò Thị Mai", "Nguyễn Văn Bình", "Giàng A Páo", "Trần Thị Hằng", "Vàng Văn Sình"]
# coso's union: (days after 1/1/2024 of the resolution, the fate, days to training, days to the end)
STORY = [
    (60, IntroStatus.ADMITTED, 45, 300),
    (150, IntroStatus.ADMITTED, 40, 280),
    (400, IntroStatus.ADMITTED, 50, 260),
    (470, IntroStatus.WITHDRAWN, 0, 120),
    (600, IntroStatus.TRAINING, 45, 0),
    (700, IntroStatus.INTRODUCED, 0, 0),
    (640, IntroStatus.NOT_ADMITTED, 40, 200),
]


def _mentors(rng: random.Random) -> str:
    return ", ".join(rng.sample(MENTORS, rng.choice((1, 2))))


def _resolution(rng: random.Random, day: dt.date) -> str:
    return f"{rng.randint(1, 40):02d}/NQ-CĐCS ngày {day:%d/%m/%Y}"


def _legacy(province: Unit, rng: random.Random) -> int:
    """One Introduction per demo member whose record already carries Party dates."""
    day = today()
    members = (
        member_selectors.members_in_scope(scope=SYSTEM, unit=province)
        .exclude(party_introduced_on__isnull=True)
        .filter(status__in=(MemberStatus.ACTIVE, MemberStatus.LEFT))
        .order_by("id")
        .values_list(
            "id", "unit_id", "party_status", "party_introduced_on", "party_admitted_on", "joined_on", "status"
        )[:MAX_BULK]
    )
    rows, fixes = [], 0
    for member_id, unit_id, status, introduced, admitted, joined, member_status in members:
        if joined is None or (admitted or introduced) < joined:
            continue  # a Party member before joining the union: no union introduction
        left_on = None
        if member_status == MemberStatus.LEFT:
            left_on = max(s.valid_to for s in member_selectors.member_stints(member=Member(pk=member_id)))
            if max(introduced, admitted or introduced) > left_on or introduced < joined:
                continue  # dated after leaving: not the union's introduction
        if introduced < joined:
            # introduced before joining, admitted after: the union introduced them on joining (the member's
            # date moves there, through the service that keeps the statistics ledger in step)
            if fixes >= MAX_FIXES:
                continue
            fixes += 1
            introduced = min(joined + dt.timedelta(days=rng.randint(30, 120)), admitted)
            member = member_selectors.members_in_scope(scope=SYSTEM, unit=province).get(pk=member_id)
            party_dates_set(member=member, status=status, introduced_on=introduced, admitted_on=admitted)
        row = Introduction(
            member_id=member_id,
            unit_id=unit_id,
            resolution_no=f"{rng.randint(1, 40):02d}/NQ-CĐCS",
            introduced_on=introduced,
            party_cell=rng.choice(CELLS),
            mentors=_mentors(rng),
        )
        if status == PartyStatus.ADMITTED and admitted is not None:
            row.status = IntroStatus.ADMITTED
            row.training_from = min(introduced + dt.timedelta(days=rng.randint(20, 90)), admitted)
            row.admitted_on = admitted
            row.decision_no = f"{rng.randint(100, 999)}-QĐ/ĐU"
        elif left_on is not None:
            row.status, row.closed_on, row.reason = IntroStatus.WITHDRAWN, left_on, "Thôi sinh hoạt công đoàn"
        elif (day - introduced).days > 60:
            row.status = IntroStatus.TRAINING
            row.training_from = introduced + dt.timedelta(days=rng.randint(20, 60))
        rows.append(row)
    Introduction.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _story(union: Unit, rng: random.Random) -> int:
    """Introductions of coso's union through the services (audited, member dates and ledger kept in step)."""
    base, made = D(2024, 1, 1), 0
    candidates = list(
        active_members_unscoped(unit=union, subtree=False)
        .filter(party_status=PartyStatus.NONE, party_introduced_on__isnull=True, joined_on__lt=D(2023, 6, 1))
        .select_related("unit")
    )
    rng.shuffle(candidates)
    for member, (offset, fate, to_training, to_end) in zip(candidates, STORY, strict=False):
        introduced = base + dt.timedelta(days=offset)
        if introduced > today():
            continue
        try:
            intro = services.introduction_create(
                scope=SYSTEM,
                member=member,
                resolution_no=_resolution(rng, introduced),
                introduced_on=introduced,
                party_cell=rng.choice(CELLS),
                mentors=_mentors(rng),
            )
        except ValidationError:  # not in this union on that day (moved in later): the next one
            continue
        made += 1
        on = introduced
        if fate in (IntroStatus.TRAINING, IntroStatus.ADMITTED, IntroStatus.NOT_ADMITTED):
            on = introduced + dt.timedelta(days=to_training)
            services.introduction_move(scope=SYSTEM, introduction=intro, to=IntroStatus.TRAINING, on=on)
        if fate in (IntroStatus.ADMITTED, IntroStatus.NOT_ADMITTED, IntroStatus.WITHDRAWN):
            end = on + dt.timedelta(days=to_end)
            if end > today():
                continue
            services.introduction_move(
                scope=SYSTEM,
                introduction=intro,
                to=fate,
                on=end,
                decision_no=f"{rng.randint(100, 999)}-QĐ/ĐU" if fate == IntroStatus.ADMITTED else "",
                reason="Chuyển công tác khỏi đơn vị" if fate == IntroStatus.WITHDRAWN else "",
            )
    return made


def load(*, scale: str = "small") -> dict:
    rng = random.Random(2026)
    province = Unit.objects.filter(code="LCI").first()
    if province is None:
        return {}
    legacy = _legacy(province, rng)
    union = Unit.objects.filter(code="LCI.BT.001").first()
    story = _story(union, rng) if union is not None else 0
    return {"introductions": legacy + story}
