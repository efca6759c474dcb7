import datetime as dt
import itertools

import pytest

from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.members.constants import Gender, MemberStatus, StintStart
from congdoan.members.models import Member, Membership
from congdoan.party import services

SYSTEM = Scope.unrestricted()
_seq = itertools.count(1)


def make_member(unit, name="Nguyễn Văn An", joined=dt.date(2015, 1, 1), **fields) -> Member:
    n = next(_seq)
    member = Member.objects.create(
        code=f"P{n:07d}",
        cccd=f"1{n:011d}",
        full_name=name,
        name_folded=fold(name),
        gender=Gender.MALE,
        date_of_birth=dt.date(1990, 1, 1),
        status=MemberStatus.ACTIVE,
        unit=unit,
        joined_on=joined,
        **fields,
    )
    Membership.objects.create(member=member, unit=unit, valid_from=joined, start_kind=StintStart.ADMIT)
    return member


def introduce(member, on=dt.date(2025, 3, 1), scope=SYSTEM, **fields):
    data = {
        "resolution_no": "05/NQ-CĐCS",
        "introduced_on": on,
        "party_cell": "Chi bộ Phân xưởng Tuyển quặng",
        "mentors": "Hoàng Văn Thụ, Lò Thị Mai",
    }
    data.update(fields)
    return services.introduction_create(scope=scope, member=member, **data)


@pytest.fixture
def member(tree):
    return make_member(tree.g1, "Lò Văn Pao")
