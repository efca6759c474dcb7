"""The finance pages as officers use them."""

import datetime as dt

import pytest

from congdoan.finance import services
from congdoan.finance.models import DuesMonth, Statement

from .conftest import SYSTEM, payroll_xlsx

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def roll(tree, staff):
    return services.dues_month_open(scope=SYSTEM, unit=tree.g1, month=D(2025, 7, 1))


def test_the_treasurer_opens_a_month_from_the_index(tree, staff, login):
    client = login(tree.grassroots_officer)
    page = client.get("/finance/")
    assert "Bảng thu đoàn phí theo tháng" in page.content.decode()
    client.post(f"/finance/units/{tree.g1.pk}/dues/open/", {"month": "7", "year": "2025"})
    assert DuesMonth.objects.filter(unit=tree.g1, month=D(2025, 7, 1)).exists()
    bad = client.post(f"/finance/units/{tree.g1.pk}/dues/open/", {"month": "13", "year": "2025"}, follow=True)
    assert "Tháng, năm không hợp lệ" in bad.content.decode()


def test_the_grid_saves_pay_typed_the_vietnamese_way(tree, staff, roll, login):
    client = login(tree.grassroots_officer)
    data = {"version": roll.version}
    for line in roll.lines.all():
        data[f"pay_{line.member_id}"] = "10.000.000"
        data[f"paid_{line.member_id}"] = "0"
    response = client.post(f"/finance/dues/{roll.pk}/", data, follow=True)
    assert "Đã lưu bảng thu" in response.content.decode()
    assert {line.due for line in roll.lines.all()} == {50_000}
    stale = client.post(f"/finance/dues/{roll.pk}/", data)
    assert "đã được người khác sửa" in stale.content.decode()


def test_a_bad_payroll_shows_row_errors_and_saves_nothing(tree, staff, roll, login):
    client = login(tree.grassroots_officer)
    content = payroll_xlsx([["F0000101", "An", 10_000_000], ["X1", "Ai", 5]])
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("luong.xlsx", content)
    page = client.post(f"/finance/dues/{roll.pk}/import/", {"file": upload, "version": roll.version})
    text = page.content.decode()
    assert "Dòng 4: không có đoàn viên mã X1" in text
    assert roll.lines.get(member=staff["an"]).pay == 0


def test_post_then_print_the_receipt_list(tree, staff, roll, login):
    services.dues_month_save(scope=SYSTEM, roll=roll, version=None, rows={staff["an"].pk: (10_000_000, None)})
    client = login(tree.grassroots_officer)
    roll.refresh_from_db()
    client.post(f"/finance/dues/{roll.pk}/post/", {"version": roll.version})
    roll.refresh_from_db()
    assert roll.is_posted
    pdf = client.get(f"/finance/dues/{roll.pk}/receipts.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    xlsx = client.get(f"/finance/dues/{roll.pk}/receipts.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert client.get(f"/finance/dues/{roll.pk}/receipts.doc").status_code == 404


def test_the_province_sees_its_grassroots_collection_and_not_another_province(tree, staff, roll, login):
    services.dues_month_save(
        scope=SYSTEM, roll=roll, version=None, rows={staff["an"].pk: (10_000_000, 20_000)}
    )
    services.dues_month_post(scope=SYSTEM, roll=roll, version=None)
    client = login(tree.province_officer)
    text = client.get("/finance/", {"year": "2025"}).content.decode()
    assert "Xã Bảo Thắng".lower() in text.lower() and "50.000 đ" in text and "40,00 %" in text
    assert client.get("/finance/", {"unit": tree.dn.pk}).status_code == 404
    assert client.get(f"/finance/dues/{roll.pk}/").status_code == 200
    assert login(tree.other_province_officer).get(f"/finance/dues/{roll.pk}/").status_code == 404


def test_a_settlement_goes_up_for_approval_through_the_pages(tree, login):
    services.entry_add(
        scope=SYSTEM, unit=tree.g1, on=D(2025, 3, 1), line="II.4", amount=900_000, memo="Thăm ốm"
    )
    coso = login(tree.grassroots_officer)
    coso.post(f"/finance/units/{tree.g1.pk}/statements/open/", {"kind": "settlement", "year": "2025"})
    statement = Statement.objects.get()
    coso.post(f"/finance/statements/{statement.pk}/submit/")
    tinh = login(tree.province_officer)
    assert "Chờ duyệt" in tinh.get("/finance/").content.decode()
    tinh.post(f"/finance/statements/{statement.pk}/approve/")
    statement.refresh_from_db()
    assert statement.status == "approved"
    for fmt, magic in (("pdf", b"%PDF"), ("xlsx", b"PK"), ("docx", b"PK")):
        response = tinh.get(f"/finance/statements/{statement.pk}/file.{fmt}")
        assert response.content.startswith(magic)


def test_ledger_and_employer_pages_render(tree, login):
    employer = services.employer_save(scope=SYSTEM, unit=tree.g1, name="Apatit")
    client = login(tree.grassroots_officer)
    response = client.post(
        f"/finance/employers/{employer.pk}/",
        {"month": "7", "year": "2025", "salary_fund": "100.000.000", "paid": "0"},
    )
    assert response.status_code == 302
    assert "2.000.000 đ" in client.get(f"/finance/employers/{employer.pk}/").content.decode()
    client.post(
        f"/finance/units/{tree.g1.pk}/ledger/",
        {"on": "02/03/2025", "line": "II.4", "amount": "300.000", "memo": "Thăm ốm"},
    )
    text = client.get(f"/finance/units/{tree.g1.pk}/ledger/", {"year": "2025"}).content.decode()
    assert "Thăm ốm" in text and "300.000 đ" in text
