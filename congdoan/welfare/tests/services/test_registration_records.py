"""Registrations made elsewhere: the national platform's export (all or nothing) and the API; each counts
in the period it was made, not the day it was entered."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError

from congdoan.core.scoping import Scope
from congdoan.welfare import selectors
from congdoan.welfare.constants import RegistrationSource
from congdoan.welfare.excel.registrations import registration_rows
from congdoan.welfare.models import Registration
from congdoan.welfare.services.registration_records import registration_record, registrations_import

from ..conftest import SYSTEM, make_member, make_programme

pytestmark = pytest.mark.django_db


def workbook(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def market(tree):
    return make_programme(
        tree.lc,
        name="Chợ Tết Công đoàn 2025",
        start=dt.date(2024, 12, 1),
        end=dt.date(2025, 1, 25),
        online_registration=True,
    )


HEADER = ["STT", "Mã đoàn viên", "Số CCCD", "Họ và tên", "Số điện thoại", "Thời gian đăng ký"]


def test_the_platforms_export_is_all_or_nothing_and_counts_in_the_period_it_was_made(tree, market):
    a, b, c = make_member(tree.g1, "Lò Văn Dũng"), make_member(tree.g3, "Giàng Thị Mỷ"), make_member(tree.g4)
    rows = [
        HEADER,
        [1, a.code, "", "Lò Văn Dũng", "0912345678", "20/12/2024 08:15"],
        [2, "", b.cccd, "Giàng Thị Mỷ", "", dt.datetime(2024, 12, 28, 9, 30)],  # noqa: DTZ001 - Excel cells have no zone,
        [3, c.code, "", "Ở Đà Nẵng", "", "21/12/2024"],
        [4, a.code, "", "Lò Văn Dũng", "", "22/12/2024"],
        [5, "LC9999", "", "Không có", "", "hôm qua"],
    ]
    with pytest.raises(ValidationError) as caught:
        registrations_import(
            scope=Scope.for_user(tree.province_officer),
            programme=market,
            rows=registration_rows(workbook(rows)),
        )
    messages = caught.value.messages
    assert any(m.startswith("Dòng 4: không tìm thấy đoàn viên") for m in messages)
    assert any(m.startswith("Dòng 5:") and "đã đăng ký" in m for m in messages)
    assert any(m.startswith("Dòng 6:") and "hôm qua" in m for m in messages)
    assert not Registration.objects.exists()

    made = registrations_import(
        scope=Scope.for_user(tree.province_officer),
        programme=market,
        rows=registration_rows(workbook(rows[:3])),
    )
    assert {(r.member, r.registered_on, r.source) for r in made} == {
        (a, dt.date(2024, 12, 20), RegistrationSource.PLATFORM),
        (b, dt.date(2024, 12, 28), RegistrationSource.PLATFORM),
    }
    assert Registration.objects.get(member=a).phone == "0912345678"
    # Entered today, counted in December 2024.
    december = selectors.welfare_figures(
        scope=SYSTEM, unit=tree.lc, start=dt.date(2024, 12, 1), end=dt.date(2024, 12, 31)
    )
    assert december["registrations"] == 2
    this_year = selectors.welfare_figures(
        scope=SYSTEM, unit=tree.lc, start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31)
    )
    assert this_year["registrations"] == 0


@pytest.mark.parametrize(
    ("case", "day", "error"),
    [
        ("future", dt.date(2100, 1, 1), "chưa đến"),
        ("after the end", dt.date(2025, 2, 1), "sau khi chương trình kết thúc"),
        ("missing", None, "Hãy nhập ngày đăng ký"),
    ],
)
def test_a_recorded_registration_needs_a_sensible_day(tree, market, case, day, error):
    with pytest.raises(ValidationError, match=error):
        registration_record(scope=SYSTEM, programme=market, member=make_member(tree.g1), registered_on=day)


def test_the_api_records_a_registration_with_its_day(tree, market, login):
    member = make_member(tree.g1)
    client = login(tree.commune_officer)
    body = {
        "programme_id": market.pk,
        "member_id": member.pk,
        "registered_on": "20/12/2024",
        "phone": "0987 654 321",
    }
    response = client.post("/api/v1/welfare/registrations", body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["registered_on"] == "2024-12-20" and response.json()["source"] == "api"
    again = client.post("/api/v1/welfare/registrations", body, content_type="application/json")
    assert again.status_code == 422 and "đã đăng ký" in str(again.json())
    listed = client.get("/api/v1/welfare/registrations").json()
    assert listed["count"] == 1 and listed["items"][0]["registered_on"] == "2024-12-20"
