"""The ledger and transfers: hand entries, receipts from below, sums against a recount."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.core.scoping import Scope
from congdoan.finance import ledger, services
from congdoan.finance.models import EmployerMonth, LedgerEntry, Transfer

from ..conftest import SYSTEM

D = dt.date
pytestmark = pytest.mark.django_db


def test_a_hand_entry_refuses_automatic_lines_and_empty_amounts(tree):
    with pytest.raises(ValidationError) as exc:
        services.entry_add(scope=SYSTEM, unit=tree.g1, on=D(2025, 7, 2), line="I.1", amount=5, memo="x")
    assert "line" in exc.value.error_dict
    with pytest.raises(ValidationError) as exc:
        services.entry_add(scope=SYSTEM, unit=tree.g1, on=D(2025, 7, 2), line="II.4", amount=0, memo="x")
    assert "amount" in exc.value.error_dict


def test_a_reversed_entry_nets_to_zero_and_cannot_be_reversed_twice(tree):
    entry = services.entry_add(
        scope=SYSTEM, unit=tree.g1, on=D(2025, 7, 2), line="II.4", amount=500_000, memo="Thăm ốm"
    )
    services.entry_reverse(scope=SYSTEM, entry=entry, reason="Nhầm đơn vị")
    assert ledger.ledger_sums(unit=tree.g1, start=D(2025, 1, 1), end=D(2025, 12, 31))["II.4"] == 0
    with pytest.raises(ValidationError):
        services.entry_reverse(scope=SYSTEM, entry=entry, reason="again")


def test_the_level_above_receives_what_is_owed_and_the_consolidated_sums_leave_it_out(tree):
    employer = services.employer_save(scope=SYSTEM, unit=tree.g1, name="Apatit")
    services.employer_month_record(
        scope=SYSTEM, employer=employer, month=D(2025, 7, 1), salary_fund=100_000_000, paid=2_000_000
    )
    transfer = Transfer.objects.get()
    with pytest.raises(PermissionDenied):
        services.transfer_receive(
            scope=Scope.for_user(tree.grassroots_officer), transfer=transfer, amount=1, on=D(2025, 8, 5)
        )
    with pytest.raises(ValidationError):
        services.transfer_receive(scope=SYSTEM, transfer=transfer, amount=500_001, on=D(2025, 8, 5))
    services.transfer_receive(
        scope=Scope.for_user(tree.commune_officer), transfer=transfer, amount=500_000, on=D(2025, 8, 5)
    )
    year = (D(2025, 1, 1), D(2025, 12, 31))
    assert ledger.ledger_sums(unit=tree.g1, start=year[0], end=year[1]) == {
        "I.2": 2_000_000,
        "III.1": 500_000,
    }
    assert ledger.ledger_sums(unit=tree.bt, start=year[0], end=year[1]) == {"I.2": 500_000}
    assert ledger.ledger_sums(unit=tree.lc, start=year[0], end=year[1], subtree=True) == {"I.2": 2_000_000}
    sums = ledger.transfer_sums(unit=tree.bt, start=year[0], end=year[1])
    assert sums["below"] == {"owed": 500_000, "received": 500_000}


def test_spending_norms_warn_when_broken(tree):
    for line, amount in (("II.4", 300_000), ("II.1", 500_000), ("II.2", 200_000)):
        services.entry_add(scope=SYSTEM, unit=tree.g1, on=D(2025, 3, 1), line=line, amount=amount, memo="x")
    warnings = ledger.norm_warnings(unit=tree.g1, year=2025)
    assert any("30,00 %" in w and "tối thiểu 40 %" in w for w in warnings)
    assert any("50,00 %" in w for w in warnings)
    assert any("20,00 %" in w for w in warnings)


LINES = ["I.3", "I.4", "II.1", "II.2", "II.3", "II.4"]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(st.sampled_from(LINES), st.integers(1, 10**9), st.integers(0, 364)), max_size=12),
    st.lists(st.integers(0, 10**8), max_size=4),
)
def test_ledger_sums_equal_a_recount_and_splits_add_up(tree, entries, collections):
    LedgerEntry.objects.all().delete()
    Transfer.objects.all().delete()
    EmployerMonth.objects.all().delete()
    employer = services.employer_save(scope=SYSTEM, unit=tree.g3, name="Go!")
    for i, paid in enumerate(collections):
        services.employer_month_record(
            scope=SYSTEM, employer=employer, month=D(2025, i + 1, 1), salary_fund=10**10, paid=paid
        )
    for line, amount, day in entries:
        services.entry_add(
            scope=SYSTEM,
            unit=tree.g3,
            on=D(2025, 1, 1) + dt.timedelta(days=day),
            line=line,
            amount=amount,
            memo="x",
        )
    sums = ledger.ledger_sums(unit=tree.g3, start=D(2025, 1, 1), end=D(2025, 12, 31))
    recount: dict[str, int] = {}
    for line, amount, _day in entries:
        recount[line] = recount.get(line, 0) + amount
    if sum(collections):
        recount["I.2"] = sum(collections)
    assert {k: v for k, v in sums.items() if v} == {k: v for k, v in recount.items() if v}
    for transfer in Transfer.objects.all():
        kept = transfer.collected - transfer.owed
        assert kept + transfer.owed == transfer.collected and 0 <= transfer.owed <= transfer.collected
