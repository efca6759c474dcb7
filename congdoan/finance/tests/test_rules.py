"""The rule tables at their boundaries: rates, caps, groups, splits, rounding."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from congdoan.finance import rules
from congdoan.finance.models import UnitDuesProfile

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("day", "amount"),
    [
        (D(2024, 6, 30), 1_800_000),
        (D(2024, 7, 1), 2_340_000),
        (D(2026, 6, 30), 2_340_000),
        (D(2026, 7, 1), 2_530_000),
    ],
)
def test_base_salary_changes_on_the_first_of_july(day, amount):
    assert rules.base_salary_on(day) == amount


@pytest.mark.parametrize(
    ("group", "day", "pay", "due"),
    [
        # 1 % before 01/07/2025, 0,5 % from it; group 1 has no cap.
        ("1", D(2025, 6, 30), 10_000_000, 100_000),
        ("1", D(2025, 7, 1), 10_000_000, 50_000),
        ("1", D(2025, 7, 1), 80_000_000, 400_000),
        # groups 2 and 3: capped at 10 % of the base salary: 234.000 đ, then 253.000 đ from 01/07/2026.
        ("3", D(2025, 6, 30), 30_000_000, 234_000),
        ("3", D(2025, 7, 1), 30_000_000, 150_000),
        ("3", D(2025, 7, 1), 60_000_000, 234_000),
        ("2", D(2026, 6, 30), 60_000_000, 234_000),
        ("2", D(2026, 7, 1), 60_000_000, 253_000),
        ("3", D(2026, 7, 1), 50_600_000, 253_000),
        ("3", D(2026, 7, 1), 50_590_000, 252_950),
        ("2", D(2025, 7, 1), 0, 0),
    ],
)
def test_dues_follow_the_rate_and_cap_of_the_group_on_the_day(group, day, pay, due):
    assert rules.dues_amount(pay=pay, day=day, group=group) == due


def test_group_2_is_reckoned_on_take_home_pay_and_the_others_on_the_insured_salary():
    assert rules.dues_rule(day=D(2025, 7, 1), group="2").pay_base == "take_home"
    assert rules.dues_rule(day=D(2025, 7, 1), group="3").pay_base == "insurance"
    assert rules.dues_rule(day=D(2025, 6, 30), group="2").pay_base == "insurance"


@pytest.mark.parametrize(("pay", "due"), [(5_000_100, 25_001), (5_000_099, 25_000), (5_000_101, 25_001)])
def test_dues_are_rounded_half_up_to_the_dong(pay, due):
    # 0,5 % of 5.000.100 = 25.000,5 → 25.001; of 5.000.099 = 25.000,495 → 25.000
    assert rules.dues_amount(pay=pay, day=D(2025, 7, 1), group="3") == due


def test_round_vnd_rounds_half_up():
    assert rules.round_vnd(Decimal("0.5")) == 1
    assert rules.round_vnd(Decimal("1.49")) == 1
    assert rules.round_vnd(Decimal("2.5")) == 3


def test_a_unit_paid_by_the_state_budget_collects_nothing_from_that_day(tree):
    profile = UnitDuesProfile(unit=tree.g1, group="1", state_budget_from=D(2025, 6, 1))
    assert rules.dues_amount(pay=10_000_000, day=D(2025, 5, 31), profile=profile) == 100_000
    assert rules.dues_amount(pay=10_000_000, day=D(2025, 6, 1), profile=profile) == 0


def test_a_higher_own_rate_applies_from_its_decision_and_keeps_the_cap_unless_uncapped(tree):
    profile = UnitDuesProfile(
        unit=tree.g2,
        group="3",
        own_rate=Decimal(1),
        own_rate_from=D(2025, 9, 1),
        own_rate_decision="NQ 3/NQ-BCH",
    )
    assert rules.dues_amount(pay=10_000_000, day=D(2025, 8, 1), profile=profile) == 50_000
    assert rules.dues_amount(pay=10_000_000, day=D(2025, 9, 1), profile=profile) == 100_000
    assert rules.dues_amount(pay=40_000_000, day=D(2025, 9, 1), profile=profile) == 234_000
    profile.own_rate_uncapped = True
    assert rules.dues_amount(pay=40_000_000, day=D(2025, 9, 1), profile=profile) == 400_000


def test_a_lower_own_rate_is_ignored(tree):
    profile = UnitDuesProfile(unit=tree.g2, group="3", own_rate=Decimal("0.2"))
    assert rules.dues_amount(pay=10_000_000, day=D(2025, 9, 1), profile=profile) == 50_000


@pytest.mark.parametrize(
    ("kind", "day", "kept"),
    [("dues", D(2022, 12, 31), 600), ("dues", D(2023, 1, 1), 700), ("fund", D(2025, 7, 1), 750)],
)
def test_splits_give_the_grassroots_share_by_date(kind, day, kept):
    assert rules.split(kind, 1000, day) == (kept, 1000 - kept)


@given(st.integers(min_value=0, max_value=10**11), st.sampled_from(["dues", "fund"]))
def test_splits_add_up_to_the_collected_total_to_the_dong(collected, kind):
    kept, up = rules.split(kind, collected, D(2025, 7, 1))
    assert kept + up == collected
    assert up >= 0


def test_the_fund_is_two_percent_of_the_salary_fund():
    assert rules.fund_due(salary_fund=123_456_789, day=D(2025, 7, 1)) == 2_469_136


def test_a_day_before_the_tables_is_a_clear_refusal():
    with pytest.raises(ValidationError, match="lương cơ sở"):
        rules.base_salary_on(D(2000, 1, 1))


def test_the_spending_norms_are_seeded():
    norms = {n.lines: (n.bound, n.percent) for n in rules.norms_on(D(2025, 7, 1))}
    assert norms["II.4"] == ("min", Decimal(40))
    assert norms["II.1"] == ("max", Decimal(45))
