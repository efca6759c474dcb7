import datetime as dt

import pytest

from congdoan.core.scoping import Scope
from congdoan.emulation import services
from congdoan.emulation.models import AwardKind
from congdoan.org.services import cluster_save

from .helpers import make_member

SYSTEM = Scope.unrestricted()
TODAY = dt.date(2026, 11, 20)


def kind(code: str) -> AwardKind:
    return AwardKind.objects.get(code=code, valid_to__isnull=True)


def register(unit, year, *entries, on=dt.date(2026, 1, 10)):
    return services.registration_submit(
        scope=SYSTEM, unit=unit, year=year, entries=list(entries), registered_on=on
    )


@pytest.fixture
def member_factory():
    return make_member


@pytest.fixture
def block(tree):
    """A 2026 block of the three Lào Cai communes/grassroots: bt (head), cd, g1 — owned by the province."""
    return cluster_save(
        scope=SYSTEM,
        owner=tree.lc,
        name="Khối thi đua thử nghiệm",
        kind="block",
        year=2026,
        members=[tree.bt, tree.cd, tree.g1],
        head_unit=tree.bt,
    )


SHEET = [
    ("Thực hiện nhiệm vụ cấp trên giao", 20),
    ("Đại diện, bảo vệ quyền lợi", 15),
    ("Phong trào thi đua", 10),
    ("Phản ánh tâm tư đoàn viên", 15),
    ("Đoàn kết, tương trợ", 10),
    ("Không vi phạm", 10),
    ("Phát triển đoàn viên", 10),
]


@pytest.fixture
def signed_pledge(tree, block):
    pledge = services.pledge_save(
        scope=SYSTEM,
        cluster=block,
        content="Các đơn vị cam kết thi đua hoàn thành nhiệm vụ năm 2026.",
        criteria=SHEET,
        signatories=[(u, f"Người ký {u.code}", "Chủ tịch") for u in (tree.bt, tree.cd, tree.g1)],
    )
    return services.pledge_sign(scope=SYSTEM, pledge=pledge, signed_on=dt.date(2026, 1, 20))


@pytest.fixture
def council(tree):
    return services.council_session_create(
        scope=SYSTEM,
        granting_unit=tree.lc,
        year=2026,
        held_on=dt.date(2026, 11, 25),
        members_total=9,
        members_present=7,
        chair="Chủ tịch LĐLĐ tỉnh",
    )


@pytest.fixture
def lan(tree):
    """A registered member of g1, eligible for an individual Bằng khen of the province in 2026."""
    member = make_member(tree.g1)
    register(tree.g1, 2026, (kind("lao_dong_gioi"), member))
    return member


@pytest.fixture
def decided(tree, lan, council):
    """A decided round: Lan's Bằng khen and a collective flag for g1, by the province's decision 215."""
    nominations = []
    flag = kind("co_thi_dua_ldld")
    register(tree.g1, 2026, (flag, None), (kind("lao_dong_gioi"), lan))
    for award_kind, member, unit in ((kind("bang_khen_ldld"), lan, tree.g1), (flag, None, tree.g1)):
        nomination = services.nomination_create(
            scope=SYSTEM,
            proposing_unit=tree.g1,
            award_kind=award_kind,
            year=2026,
            member=member,
            nominee_unit=unit,
            achievements="Hoàn thành xuất sắc nhiệm vụ",
            on=TODAY,
        )
        services.nomination_submit(scope=SYSTEM, nomination=nomination)
        services.nomination_council_accept(
            scope=SYSTEM,
            nomination=nomination,
            session=council,
            votes_for=7,
            votes_against=0,
            votes_abstain=0,
        )
        nominations.append(nomination)
    return services.decision_issue(
        scope=Scope.for_user(tree.province_officer),
        issuing_unit=tree.lc,
        number="215/QĐ-LĐLĐ",
        issued_on=dt.date(2026, 12, 5),
        signer_name="Vũ Xuân Hà",
        signer_title="Chủ tịch",
        year=2026,
        nominations=nominations,
    )
