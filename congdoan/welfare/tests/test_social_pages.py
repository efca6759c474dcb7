"""Social work pages and API: record a gift, import a list, see it in the figures page and the workbook."""

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from congdoan.core.scoping import Scope
from congdoan.documents.facts import facts_for
from congdoan.welfare.models import Donor, Gift

pytestmark = pytest.mark.django_db


def workbook(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_an_officer_records_a_donor_and_a_gift_and_sees_them_apart_from_member_welfare(tree, login):
    client = login(tree.commune_officer)
    page = client.post(
        reverse("welfare:donor_new"),
        {"owner": tree.bt.pk, "name": "Ngân hàng Agribank Lào Cai", "kind": "business"},
    )
    assert page.status_code == 302
    donor = Donor.objects.get()
    response = client.post(
        reverse("welfare:gift_new"),
        {
            "unit": tree.bt.pk,
            "donor": donor.pk,
            "recipient_kind": "school",
            "recipient_name": "Trường PTDTBT Bản Phiệt",
            "form": "in_kind",
            "value": "45.000.000",
            "given_on": "10/01/2026",
        },
    )
    assert response.status_code == 302, response.content.decode()
    listing = client.get(
        reverse("welfare:social"), {"start": "2026-01-01", "end": "2026-12-31"}
    ).content.decode()
    assert "Trường PTDTBT Bản Phiệt" in listing and "45.000.000 đ" in listing
    figures = client.get(
        reverse("welfare:figures"), {"start": "2026-01-01", "end": "2026-12-31"}
    ).content.decode()
    assert "Công tác xã hội (người không là đoàn viên)" in figures
    assert "Ngân hàng Agribank Lào Cai" in figures
    xlsx = client.get(
        reverse("welfare:social"), {"start": "2026-01-01", "end": "2026-12-31", "format": "xlsx"}
    )
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[6]][4] == "Trường PTDTBT Bản Phiệt"
    facts = {
        f.key: f.value
        for f in facts_for(
            scope=Scope.for_user(tree.commune_officer),
            unit=tree.bt,
            start=dt.date(2026, 1, 1),
            end=dt.date(2026, 12, 31),
            previous=False,
        )
    }
    assert facts["welfare.social.value"] == 45_000_000 and facts["welfare.social.donated"] == 45_000_000
    assert facts["welfare.spent"] == 0  # never mixed with member welfare


def test_the_gift_list_import_page_names_bad_rows_and_saves_nothing(tree, login):
    client = login(tree.commune_officer)
    header = ["Nhà tài trợ", "Loại nhà tài trợ", "Người, nơi nhận", "Đối tượng", "Giá trị", "Ngày trao"]
    bad = workbook([header, ["Bà Lan", "Cá nhân", "Hộ ông Páo", "Hộ gia đình", "abc", "10/01/2026"]])
    response = client.post(
        reverse("welfare:gift_import"),
        {"file": io.BytesIO(bad), "unit": tree.bt.pk},
    )
    assert response.status_code == 200
    assert "Dòng 2:" in response.content.decode() and not Gift.objects.exists()
    good = workbook([header, ["Bà Lan", "Cá nhân", "Hộ ông Páo", "Hộ gia đình", "3.000.000", "10/01/2026"]])
    upload = io.BytesIO(good)
    upload.name = "qua-tang.xlsx"
    response = client.post(reverse("welfare:gift_import"), {"file": upload, "unit": tree.bt.pk})
    assert response.status_code == 302
    assert Gift.objects.get().value == 3_000_000


def test_the_social_api_records_and_reports(tree, login):
    client = login(tree.commune_officer)
    donor = client.post(
        "/api/v1/welfare/social/donors",
        {"owner_id": tree.bt.pk, "name": "Công ty Apatit", "kind": "business"},
        content_type="application/json",
    )
    assert donor.status_code == 201
    gift = client.post(
        "/api/v1/welfare/social/gifts",
        {
            "unit_id": tree.g1.pk,
            "donor_id": donor.json()["id"],
            "recipient_kind": "household",
            "recipient_name": "Hộ bà Sảo",
            "value": "2.000.000",
            "given_on": "05/01/2026",
        },
        content_type="application/json",
    )
    assert gift.status_code == 201, gift.content
    listed = client.get("/api/v1/welfare/social/gifts").json()
    assert listed["count"] == 1 and listed["items"][0]["value"] == 2_000_000
    figures = client.get(
        "/api/v1/welfare/social/figures", {"unit_id": tree.lc.pk, "start": "2026-01-01", "end": "2026-12-31"}
    )
    assert figures.status_code == 404  # Lào Cai is above the commune officer
    figures = client.get(
        "/api/v1/welfare/social/figures", {"unit_id": tree.bt.pk, "start": "2026-01-01", "end": "2026-12-31"}
    ).json()
    assert figures["value"] == 2_000_000 and figures["by_level"][0]["label"] == "Công đoàn cơ sở"
    outside = login(tree.other_province_officer).get(f"/api/v1/welfare/social/gifts/{gift.json()['id']}")
    assert outside.status_code == 404
