"""Demo data of emulation and commendation, built through the real services.

Lào Cai province in 2025: movements, registrations (a few late, a few missing), a block of enterprise
unions with a signed pledge, scores and a ranking, and a decided awards round: the province's decision
(flags by "suy tôn", Bằng khen for collectives and individuals), commune decisions (Giấy khen, "CĐCS
vững mạnh"), grassroots decisions (Lao động giỏi) and the national decision on commemorative medals.
2026 is under way: registrations, the signed pledges of "Cụm thi đua số 1" and the industrial-park block.
"""

from __future__ import annotations

import datetime as dt
import random

from django.core.exceptions import ValidationError

from congdoan.core.scoping import Scope
from congdoan.members.constants import MemberStatus
from congdoan.members.models import Member, UnionPost
from congdoan.members.selectors.people import active_members_unscoped
from congdoan.org.constants import ClusterKind, UnitStatus
from congdoan.org.models import Cluster, Unit
from congdoan.org.services import cluster_save

from . import services
from .models import AwardKind, AwardQuota, CouncilSession, Nomination, WorkAbsence

SYSTEM = Scope.unrestricted()
D = dt.date
SHEET = [
    ("Thực hiện nhiệm vụ do công đoàn cấp trên giao", 20),
    ("Đại diện, bảo vệ quyền, lợi ích hợp pháp của đoàn viên", 15),
    ("Tổ chức các phong trào thi đua", 10),
    ("Nắm bắt, phản ánh tâm tư, nguyện vọng của đoàn viên", 15),
    ("Đoàn kết, tương trợ, chăm lo đời sống đoàn viên", 10),
    ("Không để xảy ra vi phạm, tranh chấp lao động tập thể", 10),
    ("Phát triển đoàn viên, thành lập công đoàn cơ sở", 10),
]
MOVEMENTS = [
    (
        "Lao động giỏi, lao động sáng tạo",
        "Phấn đấu 100% CĐCS doanh nghiệp phát động phong trào; mỗi CĐCS có ít nhất 01 sáng kiến được công nhận.",
    ),
    (
        "Giỏi việc nước, đảm việc nhà",
        "Nữ đoàn viên hoàn thành tốt nhiệm vụ; xây dựng gia đình no ấm, bình đẳng, tiến bộ, hạnh phúc.",
    ),
    (
        "Xanh - Sạch - Đẹp, bảo đảm an toàn, vệ sinh lao động",
        "Không để xảy ra tai nạn lao động nghiêm trọng; 100% doanh nghiệp có mạng lưới an toàn vệ sinh viên.",
    ),
    (
        "Đổi mới, sáng tạo vì sự phát triển của tỉnh Lào Cai",
        "Khuyến khích đoàn viên, người lao động đề xuất giải pháp tăng năng suất, tiết kiệm chi phí.",
    ),
]
ACHIEVEMENTS = [
    "Hoàn thành xuất sắc nhiệm vụ chuyên môn năm {y}; tích cực tham gia phong trào “Lao động giỏi, lao động sáng tạo”.",
    "Có sáng kiến cải tiến kỹ thuật được công nhận, làm lợi cho đơn vị trên 150 triệu đồng trong năm {y}.",
    "Tiêu biểu trong phong trào “Giỏi việc nước, đảm việc nhà” năm {y}; nhiệt tình trong công tác công đoàn.",
    "Hoàn thành xuất sắc nhiệm vụ; tham gia tích cực công tác chăm lo đời sống đoàn viên năm {y}.",
]


def _unit(code: str) -> Unit | None:
    return Unit.objects.filter(code=code).first()


def _kind(code: str) -> AwardKind:
    return AwardKind.objects.get(code=code)


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


def _sign(cluster: Cluster, day: dt.date, place: str):
    members = list(cluster.members.order_by("name"))
    signers = [
        "Nguyễn Văn Thành",
        "Lê Thị Hồng",
        "Trần Minh Đức",
        "Phạm Thị Thu",
        "Hoàng Văn Long",
        "Vũ Thị Mai",
    ]
    pledge = services.pledge_save(
        scope=SYSTEM,
        cluster=cluster,
        content=(
            f"Các đơn vị trong {cluster.get_kind_display().lower()} thống nhất ký kết giao ước thi đua năm "
            f"{cluster.year}: thực hiện thắng lợi Nghị quyết Đại hội Công đoàn các cấp, chăm lo và bảo vệ "
            "quyền, lợi ích hợp pháp của đoàn viên, đẩy mạnh các phong trào thi đua yêu nước."
        ),
        criteria=SHEET,
        signatories=[(u, signers[i % len(signers)], "Chủ tịch") for i, u in enumerate(members)],
    )
    return services.pledge_sign(scope=SYSTEM, pledge=pledge, signed_on=day, place=place)


def _self_score(rng: random.Random, pledge, units) -> None:
    criteria = list(pledge.criteria.all())
    for unit in units:
        points = {c.pk: max(0, c.max_points - rng.choice([0, 0, 1, 1, 2, 3])) for c in criteria}
        services.pledge_self_score(scope=SYSTEM, pledge=pledge, unit=unit, points=points)


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
