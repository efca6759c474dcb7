"""The monthly dues roll: who is on it, what they owe, posting, reversal, two treasurers."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.concurrency import VersionConflict
from congdoan.core.scoping import Scope
from congdoan.finance import selectors, services
from congdoan.finance.models import LedgerEntry, Transfer, UnitDuesProfile

from ..conftest import SYSTEM

D = dt.date
pytestmark = pytest.mark.django_db


def _codes(roll):
    return sorted(line.member.code for line in selectors.roll_lines(roll=roll))


def test_the_roll_lists_the_members_in_the_unit_that_month_only(tree, staff):
    june = services.dues_month_open(scope=SYSTEM, unit=tree.g1, month=D(2025, 6, 15))
    assert june.month == D(2025, 6, 1)
    assert _codes(june) == ["F0000101", "F0000102", "F0000103"]
    may = services.dues_month_open(scope=SYSTEM, unit=tree.g1, month=D(2025, 5, 1))
    assert "F0000104" in _codes(may)
    august = services.dues_month_open(scope=SYSTEM, unit=tree.g1, month=D(2025, 8, 1))
    assert "F0000105" in _codes(august) and "F0000104" not in _codes(august)


def test_saving_computes_dues_with_the_rate_of_the_month_and_the_cap(tree, staff):
    roll = services.dues_month_open(scope=SYSTEM, unit=tree.g1, month=D(2025, 7, 1))
    an, binh = staff["an"].pk, staff["binh"].pk
    services.dues_month_save(
        scope=SYSTEM, roll=roll, version=roll.version, rows={an: (10_000_000, None), binh: (60_000_000, 0)}
    )
    due = {line.member_id: (line.due, line.paid) for line in roll.lines.all()}
    assert due[an] == (50_000, 50_000)
    assert due[binh] == (234_000, 0)  # group 3 by default: capped at 10 % of 2.340.000 đ
    arrears = selectors.member_arrears(scope=SYSTEM, unit=tree.g1)
    assert arrears == []  # not posted yet


def test_posting_books_the_dues_and_the_share_owed_above_then_freezes_the_month(tree, staff):
    roll = services.dues_month_open(scope=SYSTEM, unit=tree.g1, month=D(2025, 7, 1))
    rows = {staff["an"].pk: (10_000_000, None), staff["binh"].pk: (60_000_000, 100_000)}
    services.dues_month_save(scope=SYSTEM, roll=roll, version=roll.version, rows=rows)
    services.dues_month_post(scope=SYSTEM, roll=roll, version=roll.version)
    entry = LedgerEntry.objects.get(unit=tree.g1)
    assert (entry.line, entry.amount) == ("I.1", 150_000)
    transfer = Transfer.objects.get()
    assert (transfer.to_unit, transfer.collected, transfer.owed) == (tree.bt, 150_000, 45_000)
    assert selectors.member_arrears(scope=SYSTEM, unit=tree.g1)[0]["owed"] == 134_000
    with pytest.raises(ValidationError, match="đã ghi sổ"):
        services.dues_month_save(scope=SYSTEM, roll=roll, version=roll.version, rows=rows)
    assert Event.objects.filter(action="finance.dues_post").count() == 1


def test_a_reversal_keeps_the_posting_and_adds_its_opposite_with_the_reason(tree, staff):
    roll = services.dues_month_open(scope=SYSTEM, unit=tree.g1, month=D(2025, 7, 1))
    services.dues_month_save(scope=SYSTEM, roll=roll, version=None, rows={staff["an"].pk: (10_000_000, None)})
    services.dues_month_post(scope=SYSTEM, roll=roll, version=None)
    with pytest.raises(ValidationError):
        services.dues_month_reverse(scope=SYSTEM, roll=roll, version=None, reason="  ")
    services.dues_month_reverse(scope=SYSTEM, roll=roll, version=None, reason="Sai lương anh An")
    amounts = sorted(LedgerEntry.objects.filter(unit=tree.g1).values_list("amount", flat=True))
    assert amounts == [-50_000, 50_000]
    assert sum(Transfer.objects.values_list("owed", flat=True)) == 0
    assert roll.status == "draft" and roll.reversals == 1
    assert "Sai lương anh An" in Event.objects.get(action="finance.dues_reverse").summary


def test_two_treasurers_on_one_month_get_a_conflict_not_a_lost_update(tree, staff):
    roll = services.dues_month_open(scope=SYSTEM, unit=tree.g1, month=D(2025, 7, 1))
    seen = roll.version
    services.dues_month_save(scope=SYSTEM, roll=roll, version=seen, rows={staff["an"].pk: (10_000_000, None)})
    with pytest.raises(VersionConflict):
        services.dues_month_save(scope=SYSTEM, roll=roll, version=seen, rows={staff["an"].pk: (1, None)})
    assert roll.lines.get(member=staff["an"]).pay == 10_000_000


def test_a_unit_paid_by_the_state_budget_has_no_roll_from_that_date(tree, staff):
    UnitDuesProfile.objects.create(unit=tree.g1, group="1", state_budget_from=D(2025, 6, 1))
    services.dues_month_open(scope=SYSTEM, unit=tree.g1, month=D(2025, 5, 1))
    with pytest.raises(ValidationError, match="ngân sách"):
        services.dues_month_open(scope=SYSTEM, unit=tree.g1, month=D(2025, 6, 1))


@pytest.mark.parametrize(
    ("who", "unit", "refused"),
    [
        ("grassroots_officer", "g1", False),
        ("province_officer", "g1", False),
        ("viewer", "g1", True),
        ("other_province_officer", "g1", True),
        ("grassroots_officer", "g2", True),
    ],
)
def test_only_officers_of_the_unit_or_above_open_a_roll(tree, staff, who, unit, refused):
    scope = Scope.for_user(getattr(tree, who))
    if refused:
        with pytest.raises(PermissionDenied):
            services.dues_month_open(scope=scope, unit=getattr(tree, unit), month=D(2025, 7, 1))
    else:
        assert services.dues_month_open(scope=scope, unit=getattr(tree, unit), month=D(2025, 7, 1)).pk


def test_a_commune_union_has_no_dues_roll(tree):
    with pytest.raises(ValidationError, match="công đoàn cơ sở"):
        services.dues_month_open(scope=SYSTEM, unit=tree.bt, month=D(2025, 7, 1))


def test_pay_carries_over_from_the_last_roll(tree, staff):
    july = services.dues_month_open(scope=SYSTEM, unit=tree.g1, month=D(2025, 7, 1))
    services.dues_month_save(scope=SYSTEM, roll=july, version=None, rows={staff["an"].pk: (8_000_000, None)})
    august = services.dues_month_open(scope=SYSTEM, unit=tree.g1, month=D(2025, 8, 1))
    assert august.lines.get(member=staff["an"]).due == 40_000
