"""The breakdowns by child unit in the tree as it stood at the period's end ("then", the default) or as it
is today ("now"): a grassroots union moved from Cam Đường to Bảo Thắng after the period counts under Cam
Đường in the first and under Bảo Thắng in the second, on the dashboard and in its kept figures."""

import datetime as dt

import pytest
from django.urls import reverse

from congdoan.core.scoping import Scope
from congdoan.documents.breakdowns import completeness_by_child, recruitment_by_child
from congdoan.documents.figures import figures_kept
from congdoan.members.tests.conftest import admit_active
from congdoan.restructure import operations
from congdoan.targets.selectors import NOW, THEN
from congdoan.targets.tests.conftest import fill

D = dt.date
SYSTEM = Scope.unrestricted()
YEAR = {"start": D(2025, 1, 1), "end": D(2025, 12, 31)}
Q1 = {"start": D(2026, 1, 1), "end": D(2026, 3, 31), "as_of": D(2026, 4, 30)}


@pytest.fixture
def moved(cat):
    """Two admissions in Bảo Thắng's union and one in Cam Đường's (2025); Cam Đường's union submits its
    report for the first quarter of 2026, then moves to Bảo Thắng on 1 May 2026."""
    t = cat.tree
    for i in range(2):
        admit_active(t.g1, on=D(2025, 3, 10), full_name=f"Lò Thị Mai {i}", gender="F")
    admit_active(t.g3, on=D(2025, 7, 20), full_name="Vàng A Páo", gender="M")
    fill(cat, t.g3, {cat.members: 30}, submit=True)
    operations.unit_reparent(
        scope=SYSTEM, unit=t.g3, new_parent=t.bt, effective_on=D(2026, 5, 1), decision_no="9/QĐ"
    )
    return t


def _rows(chart) -> dict:
    return {label: tuple(values) for label, *values in chart.rows}


def test_recruitment_by_child_as_the_tree_stood_or_as_it_is(moved):
    t = moved
    then = recruitment_by_child(scope=SYSTEM, unit=t.lc, **YEAR)
    assert _rows(then) == {t.cd.name: (1, None), t.bt.name: (2, None)}
    assert _rows(recruitment_by_child(scope=SYSTEM, unit=t.lc, structure=THEN, **YEAR)) == _rows(then)
    # Today Bảo Thắng holds the moved union: its 2025 admission counts there, Cam Đường admitted none.
    now = recruitment_by_child(scope=SYSTEM, unit=t.lc, structure=NOW, **YEAR)
    assert _rows(now) == {t.bt.name: (3, None)}


def test_report_completeness_by_child_as_the_tree_stood_or_as_it_is(moved):
    t = moved
    then_cd = completeness_by_child(scope=SYSTEM, unit=t.cd, **Q1)
    then_bt = completeness_by_child(scope=SYSTEM, unit=t.bt, **Q1)
    assert set(_rows(then_cd)) == {t.g3.name} and set(_rows(then_bt)) == {t.g1.name, t.g2.name}
    on_time, late, missing = _rows(then_cd)[t.g3.name]
    assert on_time + late == 1 and missing == 0
    now_bt = completeness_by_child(scope=SYSTEM, unit=t.bt, structure=NOW, **Q1)
    assert set(_rows(now_bt)) == {t.g1.name, t.g2.name, t.g3.name}
    assert _rows(now_bt)[t.g3.name] == (on_time, late, missing)  # its report goes with it
    assert completeness_by_child(scope=SYSTEM, unit=t.cd, structure=NOW, **Q1) is None


def test_the_kept_charts_are_per_tree(moved):
    t = moved
    period = {"scope": SYSTEM, "unit": t.lc, "as_of": D(2026, 1, 5), **YEAR}
    facts_then, charts_then = figures_kept(**period)
    facts_now, charts_now = figures_kept(structure=NOW, **period)
    assert facts_now == facts_then  # the unit's own figures do not depend on the tree of its children
    by_key = {c.key: c for c in charts_then}, {c.key: c for c in charts_now}
    assert _rows(by_key[0]["recruitment-children"]) == {t.cd.name: (1, None), t.bt.name: (2, None)}
    assert _rows(by_key[1]["recruitment-children"]) == {t.bt.name: (3, None)}


def test_the_dashboard_filter_and_its_print_title(moved, client):
    t = moved
    client.force_login(t.province_officer)
    url = reverse("home:dashboard", args=[t.cd.pk])
    then = client.get(url, {"period": "year", "year": "2025"}).content.decode()
    assert "Cây tổ chức" in then and "như tại thời điểm báo cáo" in then and "như hiện nay" in then
    assert "Cây tổ chức: như tại thời điểm báo cáo" in then  # the print title block lists the filter
    assert t.g3.name in then  # Cam Đường's union at the end of 2025, in the children's list
    now = client.get(url, {"period": "year", "year": "2025", "structure": "now"}).content.decode()
    assert "Cây tổ chức: như hiện nay" in now
    assert 'id="children"' not in now  # Cam Đường has no union under it today
    page = client.get(
        reverse("home:dashboard", args=[t.lc.pk]), {"period": "year", "year": "2025", "structure": "now"}
    )
    recruitment = page.context["charts"][
        [c.key for c in page.context["charts"]].index("recruitment-children")
    ]
    assert _rows(recruitment) == {t.bt.name: (3, None)}
