"""Dated tables (``core.dated``): the row in force on a day, over a period, and the refusal of two rows of the
same thing holding on one day — checked on real tables (the base salary, dues rates, the award catalogue)."""

import datetime as dt

import pytest
from django import forms
from django.core.exceptions import ValidationError

from congdoan.congress.models import CongressRule, SizeCap
from congdoan.core.dated import Dated, in_force_q
from congdoan.culture.models import Authority, Criterion, Rule
from congdoan.emulation.models import AwardKind
from congdoan.finance.models import BaseSalary, DuesRate, FundRate, Relief, SpendingNorm, Split
from congdoan.targets.models import Indicator

D = dt.date


@pytest.fixture
def salaries(db):
    BaseSalary.objects.all().delete()
    old = BaseSalary.objects.create(valid_from=D(2023, 7, 1), valid_to=D(2024, 6, 30), amount=1_800_000)
    new = BaseSalary.objects.create(valid_from=D(2024, 7, 1), amount=2_340_000)
    return old, new


def test_the_row_in_force_changes_on_the_first_day_of_the_next(salaries):
    old, new = salaries
    rows = BaseSalary.objects
    assert rows.latest_in_force(D(2023, 6, 30)) is None
    assert rows.latest_in_force(D(2023, 7, 1)) == old
    assert rows.latest_in_force(D(2024, 6, 30)) == old
    assert rows.latest_in_force(D(2024, 7, 1)) == new
    assert rows.latest_in_force(D(2099, 1, 1)) == new
    assert list(rows.in_force(D(2024, 6, 30))) == [old]
    assert set(rows.filter(in_force_q(D(2024, 7, 1)))) == {new}
    assert old.in_force_on(D(2024, 6, 30)) and not old.in_force_on(D(2024, 7, 1))
    assert new.in_force_on(D(2024, 7, 1)) and not new.in_force_on(D(2024, 6, 30))


def test_rows_in_force_during_a_period_include_both_ends(salaries):
    old, new = salaries
    rows = BaseSalary.objects
    assert set(rows.in_force_during(D(2024, 6, 1), D(2024, 7, 31))) == {old, new}
    assert set(rows.in_force_during(D(2024, 6, 30), D(2024, 6, 30))) == {old}
    assert set(rows.in_force_during(D(2024, 7, 1), None)) == {new}
    assert set(rows.in_force_during(D(2020, 1, 1), D(2023, 6, 30))) == set()


def test_an_overlapping_row_is_refused_in_vietnamese(salaries):
    row = BaseSalary(valid_from=D(2024, 1, 1), amount=2_000_000)
    with pytest.raises(ValidationError) as info:
        row.full_clean()
    message = info.value.message_dict["valid_from"][0]
    assert "áp dụng từ 01/07/2023 đến 30/06/2024" in message
    assert "không được chồng lên nhau" in message
    BaseSalary(valid_from=D(2023, 1, 1), valid_to=D(2023, 6, 30), amount=1_490_000).full_clean()


def test_a_row_ending_before_it_starts_is_refused(salaries):
    row = BaseSalary(valid_from=D(2020, 1, 1), valid_to=D(2019, 12, 31), amount=1_490_000)
    with pytest.raises(ValidationError) as info:
        row.full_clean()
    assert info.value.message_dict["valid_to"] == ["Ngày hết áp dụng phải từ ngày bắt đầu áp dụng trở đi."]


def test_an_edited_row_does_not_overlap_itself(salaries):
    old, _new = salaries
    old.valid_from = D(2023, 1, 1)
    old.full_clean()


def test_rows_of_different_things_may_hold_together(db):
    current = DuesRate.objects.filter(group="1").latest_in_force(D(2025, 1, 1))
    assert current is not None
    other_group = DuesRate(
        group="2", valid_from=current.valid_from, rate=current.rate, pay_base=current.pay_base, basis="x"
    )
    with pytest.raises(ValidationError):  # group 2 already has its own row then
        other_group.full_clean()
    DuesRate.objects.filter(group="2").delete()
    other_group.full_clean()


def test_an_admin_form_shows_the_refusal_on_the_start_date(salaries):
    form_class = forms.modelform_factory(BaseSalary, fields=["valid_from", "valid_to", "amount"])
    form = form_class(data={"valid_from": "2024-03-01", "valid_to": "", "amount": "2000000"})
    assert not form.is_valid()
    assert "không được chồng lên nhau" in form.errors["valid_from"][0]


def test_tables_whose_rows_may_overlap_are_not_checked(db):
    assert Relief.dated_key is None and Indicator.dated_key is None


SEEDED = [
    CongressRule,
    SizeCap,
    BaseSalary,
    DuesRate,
    FundRate,
    Split,
    SpendingNorm,
    Criterion,
    Authority,
    Rule,
]


@pytest.mark.parametrize("model", [*SEEDED, AwardKind], ids=lambda m: m.__name__)
def test_the_seeded_tables_have_no_overlapping_rows(db, model):
    assert issubclass(model, Dated)
    rows = list(model.objects.all())
    assert rows or model is AwardKind
    assert [str(row) for row in rows if row.dated_overlap() is not None] == []
