"""The employers' fund: 2 % due, paid, arrears; exemption, reduction, suspension with back-payment."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from congdoan.finance import services
from congdoan.finance.models import LedgerEntry, Transfer, UnitDuesProfile

from ..conftest import SYSTEM

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def employer(tree):
    return services.employer_save(
        scope=SYSTEM, unit=tree.g2, name="Công ty Hóa chất Đức Giang", tax_code="5300100"
    )


def test_the_fund_is_two_percent_and_payments_go_to_the_ledger_split_75_25(tree, employer):
    row = services.employer_month_record(
        scope=SYSTEM, employer=employer, month=D(2025, 7, 1), salary_fund=500_000_000, paid=6_000_000
    )
    assert row.due == 10_000_000
    assert LedgerEntry.objects.get(unit=tree.g2).amount == 6_000_000
    assert Transfer.objects.get().owed == 1_500_000
    services.employer_month_record(
        scope=SYSTEM, employer=employer, month=D(2025, 7, 1), salary_fund=500_000_000, paid=10_000_000
    )
    assert sum(LedgerEntry.objects.filter(unit=tree.g2).values_list("amount", flat=True)) == 10_000_000
    assert sum(Transfer.objects.values_list("owed", flat=True)) == 2_500_000


@pytest.mark.parametrize(
    ("kind", "to", "percent", "due", "deferred"),
    [
        ("exemption", None, None, 0, None),
        ("reduction", D(2025, 12, 31), Decimal(30), 7_000_000, None),
        ("suspension", D(2026, 3, 31), None, 10_000_000, D(2026, 4, 30)),
    ],
)
def test_relief_changes_what_is_due(employer, kind, to, percent, due, deferred):
    services.relief_add(
        scope=SYSTEM,
        employer=employer,
        kind=kind,
        valid_from=D(2025, 4, 1),
        valid_to=to,
        decision="QĐ 12/QĐ-LĐLĐ",
        reduction_percent=percent,
    )
    row = services.employer_month_record(
        scope=SYSTEM, employer=employer, month=D(2025, 7, 1), salary_fund=500_000_000, paid=0
    )
    assert (row.due, row.deferred_to) == (due, deferred)


@pytest.mark.parametrize(
    ("kind", "start", "end", "percent", "field"),
    [
        ("suspension", D(2025, 3, 1), D(2026, 3, 1), None, "valid_to"),  # 12 months and a day
        ("suspension", D(2025, 3, 1), None, None, "valid_to"),
        ("reduction", D(2025, 3, 1), None, Decimal(100), "reduction_percent"),
        ("reduction", D(2025, 3, 1), None, None, "reduction_percent"),
        ("exemption", D(2025, 3, 1), D(2025, 2, 1), None, "valid_to"),
    ],
)
def test_bad_relief_decisions_are_refused_on_the_field(employer, kind, start, end, percent, field):
    with pytest.raises(ValidationError) as exc:
        services.relief_add(
            scope=SYSTEM,
            employer=employer,
            kind=kind,
            valid_from=start,
            valid_to=end,
            decision="QĐ 1",
            reduction_percent=percent,
        )
    assert field in exc.value.error_dict


def test_a_suspension_of_twelve_months_is_allowed(employer):
    relief = services.relief_add(
        scope=SYSTEM,
        employer=employer,
        kind="suspension",
        valid_from=D(2025, 3, 1),
        valid_to=D(2026, 2, 28),
        decision="QĐ 2",
    )
    assert relief.back_payment_due == D(2026, 3, 31)


def test_no_fund_from_a_unit_paid_by_the_state_budget(tree, employer):
    UnitDuesProfile.objects.create(unit=tree.g2, group="1", state_budget_from=D(2025, 6, 1))
    row = services.employer_month_record(
        scope=SYSTEM, employer=employer, month=D(2025, 7, 1), salary_fund=500_000_000, paid=0
    )
    assert row.due == 0
