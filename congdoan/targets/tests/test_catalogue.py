import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.core.scoping import Scope
from congdoan.targets import services
from congdoan.targets.models import TargetAssignment

from .conftest import Q1, make_indicator

pytestmark = pytest.mark.django_db


def test_an_indicator_no_longer_in_force_is_left_out_of_new_reports(cat):
    old = make_indicator("t_old", "Chỉ tiêu cũ")
    old.valid_to = dt.date(2025, 12, 31)
    old.save()
    services.form_save(
        scope=Scope.unrestricted(),
        form=cat.form,
        code="t_quy",
        name="Báo cáo quý (thử)",
        period_type="Q",
        deadline_days=10,
        indicators=[cat.members, old],
    )
    report = services.report_open(scope=Scope.unrestricted(), unit=cat.tree.g1, form=cat.form, period=Q1)
    assert list(report.values.values_list("indicator__code", flat=True)) == ["t_members"]


def test_only_administrators_change_the_catalogue(cat):
    with pytest.raises(PermissionDenied):
        services.indicator_save(
            scope=Scope.for_user(cat.tree.province_officer), indicator=cat.members, name="Đổi tên"
        )
    with pytest.raises(ValidationError, match="không có trong danh mục"):
        services.indicator_save(
            scope=Scope.for_user(cat.tree.national_admin),
            indicator=cat.members,
            source="computed",
            computed_code="khong_co",
        )
    services.indicator_save(
        scope=Scope.for_user(cat.tree.national_admin), indicator=cat.members, name="Tổng số đoàn viên"
    )
    cat.members.refresh_from_db()
    assert cat.members.name == "Tổng số đoàn viên"


def workbook(rows):
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer)
    sheet = book.add_worksheet()
    for n, row in enumerate(rows):
        sheet.write_row(n, 0, row)
    book.close()
    buffer.seek(0)
    return buffer


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


def test_the_api_lists_the_catalogue_and_assigns_targets(cat, client):
    t = cat.tree
    client.force_login(t.commune_officer)
    assert {"t_members", "t_founded"} <= {i["code"] for i in client.get("/api/v1/targets/indicators").json()}
    [form] = client.get("/api/v1/targets/forms").json()
    assert len(form["items"]) == 7
    body = {
        "assigned_by_id": t.bt.pk,
        "year": 2026,
        "decision_no": "7/QĐ",
        "targets": [{"unit_id": t.g1.pk, "indicator_id": cat.members.pk, "value": 80}],
    }
    assert client.post("/api/v1/targets/assignments", body, content_type="application/json").json() == {
        "saved": 1
    }
    body["targets"][0]["unit_id"] = t.g4.pk
    assert (
        client.post("/api/v1/targets/assignments", body, content_type="application/json").status_code == 422
    )
    got = client.get(f"/api/v1/targets/assignments?unit_id={t.g1.pk}&year=2026").json()
    assert got[0]["value"] in ("80.00", 80, "80")


def test_periods_have_bounds_keys_labels_and_the_last_finished_one_is_current():
    from congdoan.targets.periods import Period, parse_period
    from congdoan.targets.selectors import current_period

    assert parse_period("2026-Q3") == Period("Q", 2026, 3)
    assert (Period("H", 2026, 2).start, Period("H", 2026, 2).end) == (
        dt.date(2026, 7, 1),
        dt.date(2026, 12, 31),
    )
    assert Period("Q", 2026, 1).label == "Quý I năm 2026"
    assert current_period("Q", dt.date(2026, 11, 27)).key == "2026-Q3"
    assert current_period("Y", dt.date(2026, 11, 27)).key == "2025"
    with pytest.raises(ValueError, match="không hợp lệ"):
        parse_period("2026-Q5")
