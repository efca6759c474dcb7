"""The members' follow-through of a unit's dissolution or merge."""

import datetime as dt

from congdoan.core.scoping import Scope
from congdoan.members.constants import MemberStatus, StintStart
from congdoan.members.models import Member, Membership
from congdoan.restructure import operations

from ..conftest import admit_active

D = dt.date


def test_dissolving_a_grassroots_union_ends_its_members_stints(tree):
    m = admit_active(tree.g1, on=D(2020, 1, 1))
    operations.unit_dissolve(
        scope=Scope.for_user(tree.commune_officer),
        unit=tree.g1,
        dissolved_on=D(2025, 6, 30),
        decision_no="GT/2025",
    )
    m.refresh_from_db()
    stint = Membership.objects.get(member=m)
    assert m.status == MemberStatus.LEFT
    assert stint.valid_to == D(2025, 6, 30) and stint.end_reason.code == "unit_dissolved"
    assert stint.end_decision_no == "GT/2025"


def test_merging_grassroots_unions_moves_members_and_keeps_codes(tree):
    a = admit_active(tree.g1, on=D(2020, 1, 1))
    b = admit_active(tree.g1, on=D(2020, 1, 1))
    operations.unit_merge(
        scope=Scope.for_user(tree.commune_officer),
        sources=[tree.g1],
        target=tree.g2,
        effective_on=D(2025, 7, 1),
        decision_no="HN/1",
    )
    for m in (a, b):
        fresh = Member.objects.get(pk=m.pk)
        assert fresh.code == m.code and fresh.unit == tree.g2 and fresh.status == MemberStatus.ACTIVE
        open_stint = Membership.objects.get(member=m, valid_to__isnull=True)
        assert (open_stint.unit, open_stint.valid_from, open_stint.start_kind) == (
            tree.g2,
            D(2025, 7, 1),
            StintStart.RESTRUCTURE,
        )
        assert Membership.objects.get(member=m, unit=tree.g1).end_reason.code == "restructure"
