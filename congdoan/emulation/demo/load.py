"""Loading the emulation demo data: registrations, the 2025 round and the 2026 pledges."""

from __future__ import annotations

import random

from django.core.exceptions import ValidationError

from congdoan.members.constants import MemberStatus
from congdoan.members.models import Member
from congdoan.members.selectors.people import active_members_unscoped
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Cluster, Unit

from .. import services
from ..models import Nomination
from ._common import ACHIEVEMENTS, MOVEMENTS, SYSTEM, D, _kind, _self_score, _sign, _unit
from .awards_2025 import _block_2025, _medals, _propose, _round_2025
from .received import load_received


def load(*, scale: str) -> None:
    """Load the emulation demo (called by ``demo_data`` after units and members exist)."""
    province = _unit("LCI")
    if province is None:
        return
    rng = random.Random(2025)
    grassroots = list(
        Unit.objects.filter(
            path__startswith=province.path, kind__is_grassroots=True, status=UnitStatus.ACTIVE
        )
        .filter(members__status=MemberStatus.ACTIVE)
        .distinct()
        .order_by("code")[:40]
    )
    if not grassroots:
        return
    for name, criteria in MOVEMENTS:
        services.movement_save(
            scope=SYSTEM,
            owner=province,
            name=name,
            year=2025,
            starts_on=D(2025, 1, 1),
            ends_on=D(2025, 12, 31),
            criteria=criteria,
        )
    services.movement_save(
        scope=SYSTEM,
        owner=province,
        name=MOVEMENTS[0][0],
        year=2026,
        starts_on=D(2026, 1, 1),
        ends_on=D(2026, 12, 31),
        criteria=MOVEMENTS[0][1],
    )
    people = _register(rng, grassroots, 2025)
    block = _block_2025(rng, province, [u for u in grassroots if u.pk in people])
    _medals(province)
    _round_2025(rng, province, grassroots, people, block)
    _register(rng, grassroots, 2026)
    _register_communes(province, 2026)
    _pledges_2026(rng)
    load_received(province, grassroots)


def _members(unit: Unit, year: int) -> list[Member]:
    return list(active_members_unscoped(unit=unit, subtree=False).filter(joined_on__lte=D(year - 1, 12, 1)))


def _register(rng: random.Random, grassroots: list[Unit], year: int) -> dict[int, list[Member]]:
    """Most unions register by 25 January, two register late, two never do."""
    registered: dict[int, list[Member]] = {}
    titles = [_kind("cdcs_vung_manh"), _kind("co_thi_dua_ldld")]
    good_worker = _kind("lao_dong_gioi")
    for index, unit in enumerate(grassroots):
        if index % 7 == 6:
            continue  # missing
        late = index % 7 == 3
        day = D(year, 2, 10) if late else D(year, 1, rng.randint(5, 24))
        members = [m for m in _members(unit, year) if rng.random() < 0.75]
        entries = [(k, None) for k in titles] + [(good_worker, m) for m in members]
        services.registration_submit(
            scope=SYSTEM,
            unit=unit,
            year=year,
            entries=entries,
            registered_on=day,
            note="Đăng ký theo Nghị quyết Hội nghị người lao động",
        )
        registered[unit.pk] = members
    return registered


def _register_communes(province: Unit, year: int) -> None:
    """Commune and industrial-park unions register their collective title with the province (one late)."""
    flag = _kind("co_thi_dua_ldld")
    communes = Unit.objects.filter(parent=province, kind__level=2, status=UnitStatus.ACTIVE).order_by("code")
    for index, commune in enumerate(communes[:5]):
        day = D(year, 1, 28) if index == 4 else D(year, 1, 12 + index)
        services.registration_submit(
            scope=SYSTEM, unit=commune, year=year, entries=[(flag, None)], registered_on=day
        )


def _pledges_2026(rng: random.Random) -> None:
    """The two 2026 clusters of the scenario sign their pledges; the block's members have scored."""
    cluster = Cluster.objects.filter(year=2026, name__startswith="Cụm thi đua số 1").first()
    if cluster is not None and cluster.head_unit_id:
        _sign(cluster, D(2026, 1, 20), "Lào Cai")
    block = Cluster.objects.filter(year=2026, name="Khối doanh nghiệp khu công nghiệp").first()
    if block is not None and block.head_unit_id:
        pledge = _sign(block, D(2026, 1, 22), "Khu công nghiệp Bắc Duyên Hải")
        _self_score(rng, pledge, list(block.members.all()))
    # A few 2026 files already wait for the province's council.
    province = _unit("LCI")
    grassroots = _unit("LCI.BT.001")
    if province is None or grassroots is None:
        return
    waiting = 0
    for member in _members(grassroots, 2026):
        if waiting == 3:
            break
        if Nomination.objects.filter(member=member, year=2026).exists():
            continue
        try:
            _propose(
                grassroots,
                _kind("bang_khen_ldld"),
                2026,
                D(2026, 11, 15),
                ACHIEVEMENTS[0].format(y=2026),
                member=member,
            )
        except ValidationError:  # a member the rules exclude is simply skipped
            continue
        waiting += 1
