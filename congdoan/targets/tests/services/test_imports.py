import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.targets import excel, services
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


def test_the_template_is_headed_in_vietnamese_and_reads_back_by_name(cat):
    """The grid's headers were indicator codes ("ket_nap_dv"); officers fill a sheet headed by the names."""
    t = cat.tree
    template = excel.targets_template_xlsx(
        unit=t.bt, year=2026, children=[t.g1, t.g2], indicators=[cat.members], given={}
    )
    sheet = load_workbook(io.BytesIO(template)).active
    assert [c.value for c in sheet[1]] == ["Mã đơn vị", "Tên đơn vị", cat.members.name]
    assert sheet.freeze_panes == "C2" and sheet.print_title_rows == "$1:$1"
    filled = workbook(
        [
            # The name typed without accents and in other case still reads as the indicator.
            ["Mã đơn vị", "Tên đơn vị", fold(cat.members.name).upper()],
            [t.g1.code, t.g1.name, "1.200"],
            [t.g2.code, t.g2.name, 80],
        ]
    )
    n = services.target_import_excel(
        scope=Scope.for_user(t.commune_officer), assigned_by=t.bt, year=2026, decision_no="4/QĐ", file=filled
    )
    assert n == 2
    assert TargetAssignment.objects.get(unit=t.g1, indicator=cat.members).value == 1200
    unknown = workbook([["Mã đơn vị", "Tên đơn vị", "Chỉ tiêu không có"], [t.g1.code, t.g1.name, 1]])
    with pytest.raises(ValidationError) as info:
        services.target_import_excel(
            scope=Scope.for_user(t.commune_officer),
            assigned_by=t.bt,
            year=2026,
            decision_no="5/QĐ",
            file=unknown,
        )
    assert info.value.messages == ["Cột 3: không có chỉ tiêu “Chỉ tiêu không có”."]
