import pytest
from django.core.exceptions import ValidationError

from congdoan.core.scoping import Scope
from congdoan.targets import services
from congdoan.targets.models import TargetAssignment

from ..conftest import workbook

pytestmark = pytest.mark.django_db


def test_targets_come_from_excel_with_row_errors_and_nothing_half_saved(cat):
    t = cat.tree
    bad = workbook(
        [
            ["Mã đơn vị", "Tên đơn vị", "t_members", "t_dialogues"],
            ["LCI.BT.001", "Apatit", 100, 4],
            ["LCI.BT.404", "?", 1, 1],
            ["LCI.BT.002", "Đức Giang", "x", 2],
        ]
    )
    with pytest.raises(ValidationError) as info:
        services.target_import_excel(
            scope=Scope.for_user(t.commune_officer), assigned_by=t.bt, year=2026, decision_no="3/QĐ", file=bad
        )
    assert any("Dòng 3" in m and "LCI.BT.404" in m for m in info.value.messages)
    assert not TargetAssignment.objects.exists()
    good = workbook(
        [
            ["Mã đơn vị", "Tên đơn vị", "t_members", "t_dialogues"],
            ["LCI.BT.001", "Apatit", 100, 4],
            ["LCI.BT.002", "Đức Giang", 60, None],
        ]
    )
    n = services.target_import_excel(
        scope=Scope.for_user(t.commune_officer), assigned_by=t.bt, year=2026, decision_no="3/QĐ", file=good
    )
    assert n == 3
    assert TargetAssignment.objects.get(unit=t.g2, indicator=cat.members).value == 60
