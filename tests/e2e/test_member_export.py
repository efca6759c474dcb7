"""The member search page exports what it lists: the officer filters, clicks "Xuất Excel", gets the workbook."""

import io
import re

import openpyxl
from playwright.sync_api import expect

from .conftest import log_in


def test_tinh_filters_members_and_downloads_the_list(org_demo, page, browser_errors):
    from congdoan.members.tests.conftest import admit_active

    union = next(
        u
        for code, u in sorted(org_demo.unit.items())
        if code.startswith("LCI") and u.kind.is_grassroots and u.is_active
    )
    admit_active(union, full_name="Hoàng Thị Lan", gender="F")
    admit_active(union, full_name="Vũ Văn Hùng", gender="M")
    log_in(page, org_demo.url, "tinh")
    page.goto(f"{org_demo.url}/members/")
    page.select_option("#member-search select[name=gender]", "F")
    page.click("#member-search button[type=submit]")
    expect(page.locator("#member-export")).to_have_attribute(
        "href", re.compile(r"/members/excel/export/\?.*gender=F")
    )
    with page.expect_download() as download:
        page.click("#member-export")
    path = download.value.path()
    header, *rows = list(
        openpyxl.load_workbook(io.BytesIO(path.read_bytes())).active.iter_rows(values_only=True)
    )
    gender = header.index("Giới tính")
    assert rows and {row[gender] for row in rows} == {"Nữ"}
    assert "Hoàng Thị Lan" in str(rows) and "Vũ Văn Hùng" not in str(rows)
    assert download.value.suggested_filename.startswith("danh-sach-doan-vien-20")
    assert browser_errors() == []
