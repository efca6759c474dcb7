import datetime as dt
import random

import pytest

from congdoan.core.scoping import Scope
from congdoan.targets import selectors, services
from congdoan.targets.models import Rollup
from congdoan.targets.periods import Period

from ..conftest import Q1, fill

pytestmark = pytest.mark.django_db
ALL = Scope.unrestricted()


def test_reopening_takes_the_values_out_of_every_ancestors_roll_up(cat):
    t = cat.tree
    report = fill(cat, t.g1, {cat.members: "100"}, approve=True)
    assert selectors.rollup_stored(unit=t.root, indicator=cat.members, start=Q1.start, end=Q1.end) == (100, 1)
    services.report_reopen(scope=Scope.unrestricted(), report=report, reason="Sai")
    for unit in (t.bt, t.lc, t.root):
        assert selectors.rollup_stored(unit=unit, indicator=cat.members, start=Q1.start, end=Q1.end) == (0, 0)


def test_approving_touches_only_the_ancestors_roll_ups(cat):
    t = cat.tree
    fill(cat, t.g4, {cat.members: "70"}, approve=True)
    touched = set(Rollup.objects.filter(indicator=cat.members).values_list("unit__code", flat=True))
    assert touched == {"TLD", "DNG", "DNG.HC"}


def test_computed_values_roll_up_from_grassroots_only(cat):
    t = cat.tree

    from tests.factories import found

    new = found(t.bt, "CĐCS mới thành lập", "grassroots", founded_on=dt.date(2026, 1, 5))
    fill(cat, new, {cat.members: "10"}, approve=True)  # counts itself as founded in Q1
    bt = fill(cat, t.bt, {cat.members: "1"}, approve=True)  # the commune's own value covers it again
    assert bt.values.get(indicator=cat.founded).value == 1
    total, n = selectors.rollup_stored(unit=t.lc, indicator=cat.founded, start=Q1.start, end=Q1.end)
    assert (total, n) == (1, 1)


def test_incremental_roll_ups_match_a_brute_force_computation(cat):
    t = cat.tree
    rng = random.Random(5)
    units = [t.g1, t.g2, t.g3, t.g4, t.bt, t.cd, t.hc, t.lc]
    periods = [Q1, Period("Q", 2026, 2)]
    reports = []
    for unit in units:
        for period in periods:
            reports.append(
                fill(
                    cat,
                    unit,
                    {cat.members: str(rng.randint(1, 500)), cat.rate: str(rng.randint(0, 100))},
                    period=period,
                    submit=True,
                )
            )
    for _step in range(25):
        report = rng.choice(reports)
        report.refresh_from_db()
        if report.status == "submitted":
            services.report_approve(scope=Scope.unrestricted(), report=report)
        elif report.status == "approved":
            services.report_reopen(scope=Scope.unrestricted(), report=report, reason="Kiểm tra")
        else:
            services.report_submit(scope=Scope.unrestricted(), report=report)
    for unit in [t.root, t.lc, t.dn, t.bt, t.cd, t.hc]:
        for period in periods:
            for ind in (cat.members, cat.rate):
                stored = selectors.rollup_stored(unit=unit, indicator=ind, start=period.start, end=period.end)
                brute = selectors.rollup_brute(unit=unit, indicator=ind, start=period.start, end=period.end)
                assert stored == brute, (unit.code, period.key, ind.code)
    services.rollup_rebuild()
    stored = selectors.rollup_stored(unit=t.root, indicator=cat.members, start=Q1.start, end=Q1.end)
    assert stored == selectors.rollup_brute(unit=t.root, indicator=cat.members, start=Q1.start, end=Q1.end)


def _stored(unit, indicator):
    return selectors.rollup_stored(unit=unit, indicator=indicator, start=Q1.start, end=Q1.end)


def test_moving_a_union_to_another_commune_moves_its_approved_values_between_roll_ups(cat):

    from congdoan.restructure.operations import unit_reparent

    t = cat.tree
    fill(cat, t.g1, {cat.members: "100"}, approve=True)
    fill(cat, t.g3, {cat.members: "30"}, approve=True)
    assert _stored(t.bt, cat.members) == (100, 1) and _stored(t.cd, cat.members) == (30, 1)
    unit_reparent(
        scope=ALL,
        unit=t.g1,
        new_parent=t.cd,
        effective_on=dt.date(2026, 6, 1),
        decision_no="7/QĐ",
    )
    assert _stored(t.bt, cat.members) == (0, 0)
    assert _stored(t.cd, cat.members) == (130, 2)
    assert _stored(t.lc, cat.members) == (130, 2) and _stored(t.root, cat.members) == (130, 2)
    kept = sorted(
        Rollup.objects.filter(n_values__gt=0).values_list("unit_id", "indicator_id", "total", "n_values")
    )
    services.rollup_rebuild()
    rebuilt = sorted(Rollup.objects.values_list("unit_id", "indicator_id", "total", "n_values"))
    assert kept == rebuilt


def test_moving_a_commune_to_another_province_shifts_only_the_ancestors_outside_it(cat):

    from congdoan.restructure.operations import unit_reparent

    t = cat.tree
    fill(cat, t.g1, {cat.members: "100"}, approve=True)
    fill(cat, t.g4, {cat.members: "70"}, approve=True)
    unit_reparent(
        scope=ALL,
        unit=t.bt,
        new_parent=t.dn,
        effective_on=dt.date(2026, 6, 1),
        decision_no="8/QĐ",
    )
    assert _stored(t.bt, cat.members) == (100, 1)  # inside the moved subtree: unchanged
    assert _stored(t.lc, cat.members) == (0, 0)
    assert _stored(t.dn, cat.members) == (170, 2)
    assert _stored(t.root, cat.members) == (170, 2)
