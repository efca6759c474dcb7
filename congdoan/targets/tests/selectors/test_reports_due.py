"""The dashboard's "reports due" figures read in a few queries equal completeness, form by form and period by
period, added up (what they were computed from before)."""

import datetime as dt

import pytest

from congdoan.core.scoping import Scope
from congdoan.targets import selectors
from congdoan.targets.models import ReportForm
from congdoan.targets.periods import Period, periods_in_year

from ..conftest import fill

pytestmark = pytest.mark.django_db


def recount(scope, unit, start, end, day):
    figures = {"due": 0, "submitted": 0, "approved": 0, "late": 0}
    for form in ReportForm.objects.filter(is_active=True):
        for period in periods_in_year(form.period_type, start.year):
            if start <= period.start and period.end <= end:
                table = selectors.completeness(scope=scope, unit=unit, form=form, period=period, day=day)
                figures["due"] += table["total"]
                figures["submitted"] += table["submitted"]
                figures["approved"] += table["approved"]
                figures["late"] += sum(1 for row in table["rows"] if row.late)
    return figures


@pytest.mark.parametrize("day", [dt.date(2026, 4, 5), dt.date(2026, 12, 1)])
def test_reports_due_add_up_to_completeness_per_form_and_period(cat, day):
    t = cat.tree
    q1, q2 = Period("Q", 2026, 1), Period("Q", 2026, 2)
    fill(cat, t.bt, {cat.members: "10"}, period=q1, approve=True)
    fill(cat, t.cd, {cat.members: "7"}, period=q1, submit=True)
    fill(cat, t.bt, {cat.members: "11"}, period=q2)
    scope = Scope.for_user(t.province_officer)
    start, end = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    due = selectors.reports_due_between(scope=scope, unit=t.lc, start=start, end=end, day=day)
    expected = recount(scope, t.lc, start, end, day)
    assert {k: due[k] for k in expected} == expected
    assert due["due"] == 8 and due["submitted"] == 2 and due["approved"] == 1 and due["waiting"] == 1


@pytest.mark.parametrize("day", [dt.date(2026, 4, 5), dt.date(2026, 12, 1)])
def test_reports_due_by_child_add_up_to_completeness_per_form_and_period(cat, day):
    """The dashboard's chart of report completeness by child unit, read at once, equals ``completeness``
    form by form and period by period (what it was computed from before): on time, late, not submitted."""
    t = cat.tree
    q1, q2 = Period("Q", 2026, 1), Period("Q", 2026, 2)
    fill(cat, t.bt, {cat.members: "10"}, period=q1, approve=True)
    fill(cat, t.cd, {cat.members: "7"}, period=q1, submit=True)
    fill(cat, t.bt, {cat.members: "11"}, period=q2, submit=True)
    scope = Scope.for_user(t.province_officer)
    start, end = dt.date(2026, 1, 1), dt.date(2026, 12, 31)
    expected: dict = {}
    for form in ReportForm.objects.filter(is_active=True):
        for period in periods_in_year(form.period_type, 2026):
            table = selectors.completeness(scope=scope, unit=t.lc, form=form, period=period, day=day)
            for row in table["rows"]:
                counts = expected.setdefault(row.unit.name, [0, 0, 0])
                submitted = row.state in ("submitted", "approved")
                counts[2 if not submitted else 1 if row.late else 0] += 1
    got = selectors.reports_due_by_child(scope=scope, unit=t.lc, start=start, end=end, day=day)
    assert {unit.name: [on_time, late, missing] for unit, on_time, late, missing in got} == expected
    assert [unit.name for unit, *_counts in got] == sorted(expected)
    assert sum(sum(counts) for counts in expected.values()) == 8
