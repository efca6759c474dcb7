"""A member's personal data export: everything the registry holds about them, for their own request."""

import io

import openpyxl
import pytest
from django.urls import reverse

from congdoan.audit.models import Event
from congdoan.members.tests.conftest import admit_active

pytestmark = pytest.mark.django_db


def test_an_officer_exports_what_the_registry_holds_about_one_member(tree, login):
    member = admit_active(tree.g1, full_name="Hoàng Thị Lan", gender="F", phone="0912345678", notes="=1+2")
    client = login(tree.grassroots_officer)
    detail = client.get(reverse("members:detail", args=[member.pk])).content.decode()
    assert 'id="personal-data"' in detail

    response = client.get(reverse("documents:member_personal_data", args=[member.pk]))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Thông tin cá nhân",
        "Quá trình sinh hoạt",
        "Chức vụ công đoàn",
        "Chăm lo",
        "Khen thưởng, kỷ luật",
    ]
    personal = {row[0]: row[1] for row in book["Thông tin cá nhân"].iter_rows(min_row=4, values_only=True)}
    assert personal["Họ và tên"] == "Hoàng Thị Lan" and personal["Điện thoại"] == "0912345678"
    assert personal["Giới tính"] == "Nữ" and personal["Ghi chú"] == "=1+2"  # text, never a formula
    assert "name_folded" not in str(personal) and "Version" not in str(personal)
    stints = list(book["Quá trình sinh hoạt"].iter_rows(min_row=4, values_only=True))
    assert stints[0][0] == tree.g1.name
    assert Event.objects.filter(action="member.personal_data_export", object_id=str(member.pk)).exists()


def test_another_provinces_officer_cannot_export_a_member(tree, login):
    member = admit_active(tree.g1)
    response = login(tree.other_province_officer).get(
        reverse("documents:member_personal_data", args=[member.pk])
    )
    assert response.status_code == 404
