import datetime as dt
import itertools

import pytest

from congdoan.congress import services
from congdoan.congress.constants import CongressForm
from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.members.constants import Gender, MemberStatus, StintStart
from congdoan.members.models import Member, Membership

SYSTEM = Scope.unrestricted()
_seq = itertools.count(1)
D = dt.date
HELD_ON = D(2023, 5, 10)


def make_member(unit, name="Nguyễn Văn An") -> Member:
    n = next(_seq)
    member = Member.objects.create(
        code=f"C{n:07d}",
        cccd=f"1{n:011d}",
        full_name=name,
        name_folded=fold(name),
        gender=Gender.FEMALE if n % 2 else Gender.MALE,
        date_of_birth=D(1980, 1, 1),
        status=MemberStatus.ACTIVE,
        unit=unit,
        joined_on=D(2005, 1, 1),
    )
    Membership.objects.create(member=member, unit=unit, valid_from=D(2005, 1, 1), start_kind=StintStart.ADMIT)
    return member


def make_congress(unit, *, start=2023, form=CongressForm.ALL_MEMBERS, **fields):
    return services.congress_create(
        scope=SYSTEM, unit=unit, start_year=start, end_year=start + 5, form=form, **fields
    )


def held(unit, *, members_count=40, day=HELD_ON, **fields):
    congress = make_congress(unit, **fields)
    return services.congress_record(scope=SYSTEM, congress=congress, held_on=day, members_count=members_count)


@pytest.fixture
def plan(tree):
    from congdoan.org.models import UnitKind

    return services.plan_create(
        scope=SYSTEM,
        owner=tree.lc,
        name="Kế hoạch đại hội công đoàn các cấp nhiệm kỳ 2023–2028",
        document_no="15/KH-LĐLĐ",
        term_start=2023,
        term_end=2028,
        deadlines={
            UnitKind.objects.get(code="commune"): D(2023, 6, 30),
            UnitKind.objects.get(code="grassroots"): D(2023, 3, 31),
        },
    )
