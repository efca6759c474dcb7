import random
from decimal import Decimal

import pytest

from congdoan.core.scoping import Scope
from congdoan.targets import selectors, services
from congdoan.targets.models import Rollup, TargetAssignment
from congdoan.targets.periods import Period

from .conftest import Q1, fill

pytestmark = pytest.mark.django_db
ALL = Scope.unrestricted()


def test_a_parent_sees_its_childrens_approved_values_summed_with_drill_down(cat):
    t = cat.tree
    fill(cat, t.g1, {cat.members: "100", cat.women: "40", cat.rate: "80"}, approve=True)
    fill(cat, t.g2, {cat.members: "50", cat.women: "20", cat.rate: "90"}, approve=True)
    fill(cat, t.g3, {cat.members: "30"}, submit=True)  # not approved: not in the roll-up
    fill(cat, t.bt, {cat.members: "0", cat.dialogues: "3"}, approve=True)
    view = selectors.rollup_view(scope=ALL, unit=t.lc, form=cat.form, period=Q1)
    rows = {r["indicator"].code: r for r in view["rows"]}
    assert rows["t_members"]["children"].value == 150
    assert rows["t_rate"]["children"].value == 85  # average
    assert rows["t_dialogues"]["children"].value == 3
    assert rows["t_members"]["children"].provisional  # Cam Đường and its grassroots union not approved
    per_child = {u.code: f for u, f in rows["t_members"]["per_child"]}
    assert per_child["LCI.BT"].value == 150 and not per_child["LCI.BT"].provisional
    assert per_child["LCI.CD"].value is None and per_child["LCI.CD"].provisional


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
    import datetime as dt

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


def test_a_past_report_is_shown_in_the_tree_as_it_stood_or_in_todays_shape(cat):
    import datetime as dt

    from congdoan.restructure import operations

    t = cat.tree
    fill(cat, t.g3, {cat.members: "30"}, approve=True)
    # After Q1, Cam Đường's grassroots union moves to Bảo Thắng.
    operations.unit_reparent(
        scope=ALL,
        unit=t.g3,
        new_parent=t.bt,
        effective_on=dt.date(2026, 5, 1),
        decision_no="9/QĐ",
    )
    services.rollup_rebuild()
    now = selectors.rollup_view(scope=ALL, unit=t.lc, form=cat.form, period=Q1, structure="now")
    then = selectors.rollup_view(scope=ALL, unit=t.lc, form=cat.form, period=Q1, structure="then")
    per_now = {u.code: f.value for u, f in now["rows"][0]["per_child"]}
    per_then = {u.code: f.value for u, f in then["rows"][0]["per_child"]}
    assert per_now["LCI.BT"] == 30 and per_now.get("LCI.CD") is None
    assert per_then["LCI.CD"] == 30 and per_then["LCI.BT"] is None


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


def test_children_targets_that_do_not_add_up_to_the_parents_give_a_warning(cat):
    t = cat.tree
    target(t.bt, cat.members, 300)
    services.target_assign(
        scope=Scope.for_user(t.commune_officer),
        assigned_by=t.bt,
        year=2026,
        decision_no="15/QĐ-CĐX",
        values={(t.g1.pk, cat.members.pk): "200", (t.g2.pk, cat.members.pk): "50"},
    )
    grid = selectors.target_grid(
        scope=Scope.for_user(t.commune_officer), unit=t.bt, year=2026, indicators=[cat.members]
    )
    [warning] = grid["warnings"]
    assert warning["own"] == 300 and warning["children"] == 250


def test_target_assignment_saves_nothing_when_one_cell_is_wrong(cat):
    t = cat.tree
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="không phải là số"):
        services.target_assign(
            scope=Scope.for_user(t.commune_officer),
            assigned_by=t.bt,
            year=2026,
            decision_no="15/QĐ",
            values={(t.g1.pk, cat.members.pk): "200", (t.g2.pk, cat.members.pk): "năm mươi"},
        )
    with pytest.raises(ValidationError, match="không trực thuộc"):
        services.target_assign(
            scope=Scope.unrestricted(),
            assigned_by=t.bt,
            year=2026,
            decision_no="15/QĐ",
            values={(t.g3.pk, cat.members.pk): "5"},
        )
    assert not TargetAssignment.objects.exists()


def _stored(unit, indicator):
    return selectors.rollup_stored(unit=unit, indicator=indicator, start=Q1.start, end=Q1.end)


def test_moving_a_union_to_another_commune_moves_its_approved_values_between_roll_ups(cat):
    import datetime as dt

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
    import datetime as dt

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
