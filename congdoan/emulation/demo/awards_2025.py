"""The 2025 round: the block pledge, councils, nominations, decisions and the commemorative medals."""

from __future__ import annotations

import datetime as dt
import random

from congdoan.members.models import UnionPost
from congdoan.members.selectors.people import active_members_unscoped
from congdoan.org.constants import ClusterKind
from congdoan.org.models import Unit
from congdoan.org.services import cluster_save

from .. import services
from ..models import AwardKind, AwardQuota, CouncilSession, WorkAbsence
from ._common import ACHIEVEMENTS, SYSTEM, D, _kind, _self_score, _sign, _unit


def _block_2025(rng: random.Random, province: Unit, grassroots: list[Unit]):
    enterprises = [u for u in grassroots if u.sector in ("non_state", "fdi")][:6] or grassroots[:4]
    if len(enterprises) < 2:
        return None
    cluster = cluster_save(
        scope=SYSTEM,
        owner=province,
        name="Khối thi đua các doanh nghiệp ngoài nhà nước",
        kind=ClusterKind.BLOCK,
        year=2025,
        members=enterprises,
        head_unit=enterprises[0],
    )
    pledge = _sign(cluster, D(2025, 1, 16), "Lào Cai")
    _self_score(rng, pledge, enterprises)
    criteria = list(pledge.criteria.all())
    # The head's review trims two generous self-scores.
    for unit in enterprises[1:3]:
        services.pledge_review(
            scope=SYSTEM,
            pledge=pledge,
            unit=unit,
            points={criteria[0].pk: 17},
            note="Chưa hoàn thành chỉ tiêu phát triển đoàn viên",
        )
    services.pledge_rank(scope=SYSTEM, pledge=pledge, on=D(2025, 12, 5))
    return pledge


def _council(unit: Unit, year: int, day: dt.date, total: int = 9) -> CouncilSession:
    return services.council_session_create(
        scope=SYSTEM,
        granting_unit=unit,
        year=year,
        held_on=day,
        members_total=total,
        members_present=total - 1,
        chair=f"Chủ tịch {unit.name}",
    )


def _propose(proposing: Unit, kind: AwardKind, year: int, on: dt.date, text: str, member=None, nominee=None):
    nomination = services.nomination_create(
        scope=SYSTEM,
        proposing_unit=proposing,
        award_kind=kind,
        year=year,
        member=member,
        nominee_unit=nominee,
        achievements=text,
        on=on,
    )
    return services.nomination_submit(scope=SYSTEM, nomination=nomination, on=on)


def _accept_all(nominations, session: CouncilSession) -> list:
    accepted = []
    for nomination in nominations:
        services.nomination_council_accept(
            scope=SYSTEM,
            nomination=nomination,
            session=session,
            votes_for=session.members_present,
            votes_against=0,
            votes_abstain=0,
        )
        accepted.append(nomination)
    return accepted


def _decide(unit: Unit, number: str, day: dt.date, nominations, signer: str, year: int = 2025):
    if nominations:
        services.decision_issue(
            scope=SYSTEM,
            issuing_unit=unit,
            number=number,
            issued_on=day,
            signer_name=signer,
            signer_title="Chủ tịch",
            year=year,
            nominations=nominations,
        )


def _medals(province: Unit) -> None:
    """Service history for a few long-serving officers; three receive the medal in July 2025."""
    root = _unit("TLD")
    candidates = list(active_members_unscoped(unit=province).filter(date_of_birth__lte=D(1972, 12, 31))[:4])
    if root is None or len(candidates) < 4:
        return
    posts = [
        [("Chủ tịch CĐCS (không chuyên trách)", D(2003, 3, 1), None, False, False)],
        [
            ("Ủy viên BCH CĐCS", D(1998, 5, 1), D(2008, 4, 30), False, False),
            ("Phó Chủ tịch công đoàn (chuyên trách)", D(2008, 5, 1), None, True, False),
        ],
        [("Chủ tịch CĐCS doanh nghiệp ngoài nhà nước", D(2012, 6, 1), None, False, True)],
        [("Ủy viên BCH CĐCS", D(2016, 1, 1), None, False, False)],  # 10 years × 1,5: not yet
    ]
    for member, rows in zip(candidates, posts, strict=True):
        for title, start, end, full_time, non_state in rows:
            UnionPost.objects.create(
                member=member,
                unit=member.unit,
                title=title,
                valid_from=start,
                valid_to=end,
                is_full_time=full_time,
                is_non_state=non_state,
            )
    medal = _kind("ky_niem_chuong")
    on = D(2025, 6, 20)
    nominations = [
        _propose(
            province,
            medal,
            2025,
            on,
            "Có thời gian công tác công đoàn đủ tiêu chuẩn theo Hướng dẫn 149/HD-TLĐ.",
            member=m,
        )
        for m in candidates[:3]
    ]
    session = _council(root, 2025, D(2025, 7, 10), total=15)
    _decide(root, "1520/QĐ-TLĐ", D(2025, 7, 25), _accept_all(nominations, session), "Nguyễn Đình Khang")
    WorkAbsence.objects.create(member=candidates[3], year=2025, days=46)


def _round_2025(rng, province: Unit, grassroots: list[Unit], people: dict, block) -> None:
    on = D(2025, 11, 20)
    AwardQuota.objects.create(
        award_kind=_kind("bang_khen_ldld"), granting_unit=province, year=2025, max_count=60
    )
    AwardQuota.objects.create(award_kind=_kind("co_thi_dua_ldld"), year=2025, max_percent_of_registered=25)
    text = lambda: rng.choice(ACHIEVEMENTS).format(y=2025)  # noqa: E731
    province_files, commune_files, grassroots_files = [], {}, {}
    if block is not None:
        province_files += services.nominations_from_ranking(
            scope=SYSTEM, pledge=block, award_kind=_kind("co_thi_dua_ldld"), top=2, year=2025
        )
        for n in province_files:
            services.nomination_submit(scope=SYSTEM, nomination=n, on=on)
    flagged = {n.nominee_unit_id for n in province_files}
    for index, unit in enumerate(grassroots):
        commune = unit.parent
        members = [m for m in people.get(unit.pk, []) if not m.absences.filter(year=2025).exists()]
        rng.shuffle(members)
        if unit.pk in people and commune is not None and commune.kind.level == 2:
            commune_files.setdefault(commune.pk, (commune, []))[1].append(
                _propose(unit, _kind("cdcs_vung_manh"), 2025, on, text(), nominee=unit)
            )
        if unit.pk not in flagged and index % 3 != 2:
            province_files.append(_propose(unit, _kind("bang_khen_ldld_tt"), 2025, on, text(), nominee=unit))
        elif unit.pk not in flagged and commune is not None and commune.kind.level == 2:
            commune_files.setdefault(commune.pk, (commune, []))[1].append(
                _propose(unit, _kind("giay_khen_tren_tt"), 2025, on, text(), nominee=unit)
            )
        for member in members[: 2 if index < 20 else 1]:  # within the province's quota of 60
            province_files.append(_propose(unit, _kind("bang_khen_ldld"), 2025, on, text(), member=member))
        if commune is not None and commune.kind.level == 2:
            for member in members[2:5]:
                commune_files.setdefault(commune.pk, (commune, []))[1].append(
                    _propose(unit, _kind("giay_khen_tren"), 2025, on, text(), member=member)
                )
        grassroots_files[unit.pk] = (
            unit,
            [_propose(unit, _kind("lao_dong_gioi"), 2025, on, text(), member=m) for m in members[5:8]],
        )
    # The province's council turns one file down, with the vote and the reason on record.
    session = _council(province, 2025, D(2025, 12, 12), total=15)
    rejected = next((n for n in province_files if n.member_id), None)
    if rejected is not None:
        services.nomination_council_reject(
            scope=SYSTEM,
            nomination=rejected,
            session=session,
            votes_for=4,
            votes_against=9,
            votes_abstain=1,
            reason="Thành tích chưa tiêu biểu so với các trường hợp được đề nghị.",
        )
        province_files.remove(rejected)
    _decide(province, "1865/QĐ-LĐLĐ", D(2025, 12, 22), _accept_all(province_files, session), "Vũ Xuân Hà")
    for number, (commune, files) in enumerate(commune_files.values(), start=1):
        council = _council(commune, 2025, D(2025, 12, 15), total=7)
        _decide(
            commune,
            f"{40 + number}/QĐ-CĐX",
            D(2025, 12, 18),
            _accept_all(files, council),
            "Chủ tịch công đoàn",
        )
    for unit, files in grassroots_files.values():
        if files:
            council = _council(unit, 2025, D(2025, 12, 10), total=5)
            _decide(
                unit,
                f"{rng.randint(10, 60)}/QĐ-CĐCS",
                D(2025, 12, 12),
                _accept_all(files, council),
                "Chủ tịch CĐCS",
            )
