"""Test helpers shared by the fixtures and the scope walker's fixtures."""

import datetime as dt
import itertools

from congdoan.core.text import fold
from congdoan.members.constants import MemberStatus
from congdoan.members.models import Member, Membership

_n = itertools.count(1)


def make_member(
    unit, name="Nguyễn Thị Lan", gender="F", joined=dt.date(2015, 3, 1), born=dt.date(1985, 6, 1)
) -> Member:
    """A member row made directly (the registry's own services are tested in the members app)."""
    member = Member.objects.create(
        code=f"T{next(_n):07d}",
        full_name=name,
        name_folded=fold(name),
        gender=gender,
        date_of_birth=born,
        status=MemberStatus.ACTIVE,
        unit=unit,
        joined_on=joined,
    )
    Membership.objects.create(member=member, unit=unit, valid_from=joined, start_kind="admit")
    return member
