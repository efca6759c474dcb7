import datetime as dt
import itertools

import pytest

from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.members.constants import Gender, MemberStatus, StintStart
from congdoan.members.models import Member, Membership
from congdoan.welfare import services
from congdoan.welfare.constants import FundKind, ProgrammeKind

SYSTEM = Scope.unrestricted()
_seq = itertools.count(1)


def make_member(unit, name="Nguyễn Văn An", status=MemberStatus.ACTIVE, code=None, cccd=None) -> Member:
    n = next(_seq)
    member = Member.objects.create(
        code=code or f"W{n:07d}",
        cccd=cccd or f"0{n:011d}",
        full_name=name,
        name_folded=fold(name),
        gender=Gender.MALE,
        date_of_birth=dt.date(1990, 1, 1),
        status=status,
        unit=unit,
        joined_on=dt.date(2015, 1, 1),
    )
    Membership.objects.create(
        member=member, unit=unit, valid_from=dt.date(2015, 1, 1), start_kind=StintStart.ADMIT
    )
    return member


def make_programme(owner, kind=ProgrammeKind.TET_GIFTS, *, funds=(FundKind.GRASSROOTS,), **fields):
    defaults = {
        "name": "Tết Sum vầy 2026",
        "kind": kind,
        "start": dt.date(2026, 1, 1),
        "end": dt.date(2026, 2, 28),
        "standard_amount": 500_000,
    }
    defaults.update(fields)
    programme = services.programme_create(scope=SYSTEM, owner=owner, **defaults)
    for fund in funds:
        if fund == FundKind.DONATION:
            services.fund_add(
                scope=SYSTEM,
                programme=programme,
                kind=fund,
                donor_name="Công ty CP Apatit Việt Nam",
            )
        else:
            services.fund_add(scope=SYSTEM, programme=programme, kind=fund, budget=100_000_000)
    return programme


@pytest.fixture
def members(tree):
    return {
        "g1": [make_member(tree.g1, f"Đoàn viên G1 số {i}") for i in range(3)],
        "g3": [make_member(tree.g3, "Lò Thị Mai")],
        "g4": [make_member(tree.g4, "Trần Văn Đà")],
    }


@pytest.fixture
def tet(tree):
    return make_programme(tree.bt, funds=(FundKind.GRASSROOTS, FundKind.DONATION))
