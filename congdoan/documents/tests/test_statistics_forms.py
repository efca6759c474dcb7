"""The statistics forms 1-HĐCĐ (a grassroots union) and 2-HĐCĐ (upper levels) as XLSX: the form's columns,
codes and units, the figures of the fact table with last year's and the comparison, downloaded from the
dashboard and the review page; 404 outside the scope; hostile dates ignored."""

import datetime as dt
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from congdoan.documents.facts import Fact
from congdoan.documents.statistics_forms import compare, form_rows
from congdoan.members.tests.conftest import admit_active

YEAR_2026 = {"start": "2026-01-01", "end": "2026-12-31"}


@pytest.fixture
def records(tree):
    """Two women in 2025 and three members (one woman) in 2026, all in the grassroots union g1."""
    for i, (day, gender) in enumerate(
        [(dt.date(2025, 3, 1), "F"), (dt.date(2025, 4, 1), "F"), (dt.date(2026, 2, 1), "F")]
        + [(dt.date(2026, 3, 1), "M"), (dt.date(2026, 5, 1), "M")]
    ):
        admit_active(tree.g1, on=day, full_name=f"Đoàn viên {i}", gender=gender)
    return tree


def sheet_rows(response) -> list[list]:
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    return [[c.value for c in row] for row in sheet.iter_rows()]


def by_code(rows) -> dict:
    return {row[1]: row for row in rows if isinstance(row[1], str) and row[1].isdigit()}


@pytest.mark.parametrize(
    ("now", "before", "expected"),
    [(5, 2, Decimal("250.00")), (1, 3, Decimal("33.33")), (4, 0, None), (4, None, None), (0, 5, Decimal(0))],
)
def test_the_comparison_is_this_period_over_last_years(now, before, expected):
    assert compare(now, before) == expected


def test_an_absent_figure_leaves_its_row_empty_and_sections_are_numbered():
    rows = form_rows("1", [Fact("members.total", "x", 7, "người", previous=5)])
    assert rows[0][0] == "I. ĐOÀN VIÊN"
    assert rows[1] == ("Tổng số đoàn viên cuối kỳ", "01", "người", 7, 5, Decimal("140.00"))
    welfare = next(r for r in rows if r[1] == "40")
    assert welfare[3:] == (None, None, None)
    assert [r[0].split(".")[0] for r in rows if not r[1]] == ["I", "II", "III", "IV"]


def test_the_province_downloads_form_2_with_the_figures_of_its_dashboard(records, client):
    client.force_login(records.province_officer)
    page = client.get(reverse("home:dashboard", args=[records.lc.pk]), {"year": 2026}).content.decode()
    assert "Mẫu 2-HĐCĐ (Excel)" in page
    url = reverse("documents:statistics_form", args=[records.lc.pk])
    assert f"{url}?start=2026-01-01&amp;end=2026-12-31" in page
    response = client.get(url, YEAR_2026)
    assert "mau-2-hdcd-LCI-20260101-20261231.xlsx" in response["Content-Disposition"]
    rows = sheet_rows(response)
    text = " ".join(str(v) for row in rows for v in row if v is not None)
    assert "Mẫu số 2-HĐCĐ" in text and "BÁO CÁO THỐNG KÊ HOẠT ĐỘNG CỦA CÔNG ĐOÀN CẤP TRÊN" in text
    assert "Kỳ báo cáo: từ ngày 01/01/2026 đến ngày 31/12/2026" in text
    header = next(row for row in rows if row[0] == "Chỉ tiêu")
    assert header[:6] == [
        "Chỉ tiêu", "Mã số", "Đơn vị tính", "Số liệu kỳ báo cáo", "Cùng kỳ năm trước", "So sánh (%)"
    ]  # fmt: skip
    codes = by_code(rows)
    assert codes["01"][2:6] == ["người", 5, 2, 250]  # members at the end of 2026 and 2025
    assert codes["02"][3:5] == [3, 2]  # women
    assert codes["05"][3:6] == [3, 2, 150]  # admitted in the year
    grassroots = page.split('data-key="unions.grassroots">')[1].split('class="fact-value">')[1].split("<")[0]
    assert codes["20"][0] == "Số công đoàn cơ sở cuối kỳ" and str(codes["20"][3]) == grassroots
    assert "TM. BAN CHẤP HÀNH" in text


def test_a_grassroots_union_downloads_form_1_without_the_upper_levels_rows(records, client):
    client.force_login(records.grassroots_officer)
    response = client.get(reverse("documents:statistics_form", args=[records.g1.pk]), YEAR_2026)
    rows = sheet_rows(response)
    text = " ".join(str(v) for row in rows for v in row if v is not None)
    assert "Mẫu số 1-HĐCĐ" in text and "CÔNG ĐOÀN CƠ SỞ" in text
    codes = by_code(rows)
    assert "20" not in codes and "30" not in codes
    assert codes["01"][3] == 5 and codes["07"][3] == 3  # net gain in 2026


def test_outside_the_scope_is_404_and_hostile_dates_are_ignored(records, client):
    client.force_login(records.other_province_officer)
    url = reverse("documents:statistics_form", args=[records.lc.pk])
    assert client.get(url, YEAR_2026).status_code == 404
    client.force_login(records.province_officer)
    for value in ("0001-01-01", "9999-12-31", "\x00", "31/12/99999", "x" * 500):
        response = client.get(url, {"start": value, "end": value})
        assert response.status_code == 200, value
    review = reverse("documents:review", args=[records.lc.pk, "docx"])
    assert client.get(review, {"start": "0001-01-01", "end": "0001-12-31"}).status_code == 200
