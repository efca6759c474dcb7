import datetime as dt

import pytest

from congdoan.core.scoping import Scope
from congdoan.targets import selectors, services

from ..conftest import Q1, fill

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


def test_a_past_report_is_shown_in_the_tree_as_it_stood_or_in_todays_shape(cat):

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


def test_the_figures_of_several_periods_read_at_once_equal_each_periods_figures(cat):
    """``unit_figures_many`` (the evaluation's four queries for a year) gives what ``unit_figures`` gives
    period by period: values, counts and the provisional flag, for a parent and a grassroots union."""
    from congdoan.targets.periods import Period

    t = cat.tree
    fill(cat, t.g1, {cat.members: "100", cat.women: "40", cat.rate: "80"}, approve=True)
    fill(cat, t.g2, {cat.members: "50", cat.rate: "90"}, approve=True)
    fill(cat, t.g3, {cat.members: "30"}, submit=True)
    fill(cat, t.bt, {cat.members: "0", cat.dialogues: "3"}, approve=True)
    fill(cat, t.g1, {cat.members: "7"}, period=Period("Q", 2026, 2), approve=True)
    services.rollup_rebuild()
    indicators = [cat.members, cat.women, cat.rate, cat.dialogues]
    periods = [Q1, Period("Q", 2026, 2), Period("Q", 2026, 3), Period("H", 2026, 1), Period("Y", 2026, 1)]
    for unit in (t.lc, t.bt, t.g1, t.cd):
        many = selectors.unit_figures_many(unit=unit, indicators=indicators, periods=periods)
        for period in periods:
            assert many[period] == selectors.unit_figures(unit=unit, indicators=indicators, period=period)
    assert selectors.unit_figures_many(unit=t.lc, indicators=indicators, periods=[]) == {}
