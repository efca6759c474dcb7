import pytest
from django.core.exceptions import ValidationError

from congdoan.core.scoping import Scope
from congdoan.targets import selectors, services
from congdoan.targets.models import TargetAssignment

pytestmark = pytest.mark.django_db


def target(unit, ind, value, year=2026):
    return TargetAssignment.objects.create(
        assigned_by=unit.parent, unit=unit, year=year, indicator=ind, value=value, decision_no="1/QĐ"
    )


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
