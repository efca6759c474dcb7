import datetime as dt
import itertools

import pytest

from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.emulation import services
from congdoan.emulation.models import AwardKind
from congdoan.members.constants import MemberStatus
from congdoan.members.models import Member, Membership
from congdoan.org.services import cluster_save

SYSTEM = Scope.unrestricted()
_n = itertools.count(1)
TODAY = dt.date(2026, 11, 20)


def make_member(unit, name="Nguyễn Thị Lan", gender="F", joined=dt.date(2015, 3, 1)) -> Member:
    """A member row made directly (the registry's own services are tested in the members app)."""
    member = Member.objects.create(
        code=f"T{next(_n):07d}",
        full_name=name,
        name_folded=fold(name),
        gender=gender,
        date_of_birth=dt.date(1985, 6, 1),
        status=MemberStatus.ACTIVE,
        unit=unit,
        joined_on=joined,
    )
    Membership.objects.create(member=member, unit=unit, valid_from=joined, start_kind="admit")
    return member


def kind(code: str) -> AwardKind:
    return AwardKind.objects.get(code=code)


def register(unit, year, *entries, on=dt.date(2026, 1, 10)):
    return services.registration_submit(
        actor=None, scope=SYSTEM, unit=unit, year=year, entries=list(entries), registered_on=on
    )


@pytest.fixture
def member_factory():
    return make_member


@pytest.fixture
def block(tree):
    """A 2026 block of the three Lào Cai communes/grassroots: bt (head), cd, g1 — owned by the province."""
    return cluster_save(
        actor=None,
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
        actor=None,
        scope=SYSTEM,
        cluster=block,
        content="Các đơn vị cam kết thi đua hoàn thành nhiệm vụ năm 2026.",
        criteria=SHEET,
        signatories=[(u, f"Người ký {u.code}", "Chủ tịch") for u in (tree.bt, tree.cd, tree.g1)],
    )
    return services.pledge_sign(actor=None, scope=SYSTEM, pledge=pledge, signed_on=dt.date(2026, 1, 20))


@pytest.fixture
def council(tree):
    return services.council_session_create(
        actor=None,
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


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Argon2 is deliberately slow; tests here do not test hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
