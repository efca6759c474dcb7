from decimal import Decimal

import pytest

from congdoan.targets import selectors
from congdoan.targets.models import TargetAssignment
from congdoan.targets.periods import Period

from ..conftest import fill

pytestmark = pytest.mark.django_db


def target(unit, ind, value, year=2026):
    return TargetAssignment.objects.create(
        assigned_by=unit.parent, unit=unit, year=year, indicator=ind, value=value, decision_no="1/QĐ"
    )


def test_evaluation_statuses_including_lower_is_better_and_yes_no(cat):
    t = cat.tree
    for ind, value in [
        (cat.members, 100),
        (cat.dialogues, 4),
        (cat.accidents, 1),
        (cat.cba, 1),
        (cat.women, 50),
    ]:
        target(t.g1, ind, value)
    fill(
        cat,
        t.g1,
        {cat.members: "120", cat.dialogues: "2", cat.accidents: "0", cat.cba: "1", cat.women: "50"},
        approve=True,
    )
    fill(
        cat,
        t.g1,
        {cat.members: "5", cat.dialogues: "1", cat.accidents: "0"},
        period=Period("Q", 2026, 2),
        approve=True,
    )
    results = {r.indicator.code: r for r in selectors.evaluate_unit(unit=t.g1, year=2026)}
    assert results["t_members"].actual == 125 and results["t_members"].status == "exceeded"
    assert results["t_dialogues"].actual == 3 and results["t_dialogues"].status == "not_met"
    assert results["t_dialogues"].percent == 75
    assert results["t_accidents"].status == "exceeded"  # 0 accidents against a ceiling of 1
    assert results["t_cba"].status == "met"
    assert results["t_women"].status == "met"
    assert selectors.headline(list(results.values())) == (4, 5)


def test_judging_lower_is_better_and_yes_no_targets():
    assert selectors.judge("lower", Decimal(2), Decimal(3))[0] == "not_met"
    assert selectors.judge("lower", Decimal(2), Decimal(2))[0] == "met"
    assert selectors.judge("lower", Decimal(2), Decimal(1)) == ("exceeded", Decimal(200))
    assert selectors.judge("yes_no", Decimal(1), Decimal(0))[0] == "not_met"
    assert selectors.judge("higher", Decimal(10), None)[0] == "no_data"


def test_evaluation_compares_with_the_same_period_last_year(cat):
    t = cat.tree
    target(t.g1, cat.members, 100)
    fill(cat, t.g1, {cat.members: "80"}, period=Period("Q", 2025, 1), approve=True)
    fill(cat, t.g1, {cat.members: "20"}, period=Period("Q", 2025, 2), approve=True)
    fill(cat, t.g1, {cat.members: "90"}, approve=True)
    [result] = selectors.evaluate_unit(unit=t.g1, year=2026)
    assert result.actual == 90 and result.last_year == 80
