"""The children due to report, read for every period end at once (``completeness._children_due``), are those
of ``unit_children`` day by day, in the tree as it stood then and as it is today, across a move and a new
union."""

import datetime as dt

import pytest

from congdoan.core.scoping import Scope
from congdoan.org.selectors import existing_on, unit_children
from congdoan.restructure import operations
from congdoan.targets.selectors.completeness import NOW, THEN, _children_due

SYSTEM = Scope.unrestricted()
DAYS = {dt.date(2025, 12, 31), dt.date(2026, 3, 31), dt.date(2026, 6, 30), dt.date(2026, 9, 30)}


@pytest.mark.django_db
@pytest.mark.parametrize("structure", [THEN, NOW])
def test_children_of_every_period_end_at_once_equal_those_read_day_by_day(tree, structure):
    operations.unit_reparent(
        scope=SYSTEM, unit=tree.cd, new_parent=tree.dn, effective_on=dt.date(2026, 4, 1), decision_no="9/QĐ"
    )
    for parent in (tree.root, tree.lc, tree.dn, tree.bt):
        parent.refresh_from_db()
        for scope in (SYSTEM, Scope.for_user(tree.province_officer)):
            got = _children_due(scope, parent, DAYS, structure)
            for day in DAYS:
                if structure == NOW:
                    expected = unit_children(scope=scope, unit=parent).filter(existing_on(day))
                else:
                    expected = unit_children(scope=scope, unit=parent, on=day)
                assert {u.pk for u in got[day]} == {u.pk for u in expected}, (parent, day)
    assert {u.pk for u in _children_due(SYSTEM, tree.lc, DAYS, THEN)[dt.date(2026, 3, 31)]} == {
        tree.bt.pk,
        tree.cd.pk,
    }
    assert {u.pk for u in _children_due(SYSTEM, tree.lc, DAYS, THEN)[dt.date(2026, 6, 30)]} == {tree.bt.pk}
