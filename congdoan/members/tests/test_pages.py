import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from congdoan.members.constants import MemberStatus
from congdoan.members.models import AdmissionBatch, Member, TransferRequest

from .conftest import admit_active, person

D = dt.date


def test_search_finds_a_name_typed_without_diacritics_only_in_scope(tree, login):
    admit_active(tree.g1, full_name="Nguyễn Văn An")
    admit_active(tree.g4, full_name="Nguyễn Văn Ân")
    admit_active(tree.g2, full_name="Trần Nguyễn Văn Anh")
    page = login(tree.province_officer).get(reverse("members:index"), {"q": "nguyen van an"})
    body = page.content.decode()
    assert "Nguyễn Văn An" in body and "Trần Nguyễn Văn Anh" in body
    assert "Nguyễn Văn Ân" not in body  # Đà Nẵng is outside Lào Cai's scope
    # The prefix match comes before the match in the middle of the name.
    assert body.index("Nguyễn Văn An<") < body.index("Trần Nguyễn Văn Anh")


def test_search_by_code_cccd_phone_and_filters(tree, login):
    a = admit_active(tree.g1, full_name="Lò Thị Mai", gender="F", ethnicity="03", phone="0912000111")
    admit_active(tree.g1, full_name="Vàng A Páo", gender="M", ethnicity="08")
    client = login(tree.province_officer)
    url = reverse("members:index")
    for q in (a.code.lower(), a.cccd, "0912000111"):
        assert "Lò Thị Mai" in client.get(url, {"q": q}).content.decode()
    body = client.get(url, {"gender": "F"}).content.decode()
    assert "Lò Thị Mai" in body and "Vàng A Páo" not in body
    body = client.get(url, {"ethnicity": "08"}).content.decode()
    assert "Vàng A Páo" in body and "Lò Thị Mai" not in body
    body = client.get(url, {"joined_from": "2030-01-01"}).content.decode()
    assert "Không tìm thấy" in body


def test_an_officer_admits_a_member_and_the_level_above_approves_on_the_pages(tree, login):
    client = login(tree.grassroots_officer)
    data = {**person(full_name="Hoàng Thị Lan", gender="F"), "unit": tree.g1.pk}
    data.update(date_of_birth="1995-02-03", admitted_on="2024-05-01", decision_no="07/QĐ-CĐCS")
    response = client.post(reverse("members:new"), data)
    assert response.status_code == 302
    member = Member.objects.get(full_name="Hoàng Thị Lan")
    batch = AdmissionBatch.objects.get(members=member)
    client.post(reverse("members:batch_submit", args=[batch.pk]))
    # The grassroots officer sees no approve button; the commune does.
    assert "Duyệt danh sách" not in client.get(reverse("members:batch", args=[batch.pk])).content.decode()
    commune = login(tree.commune_officer)
    assert "Duyệt danh sách" in commune.get(reverse("members:batch", args=[batch.pk])).content.decode()
    commune.post(reverse("members:batch_approve", args=[batch.pk]), {"decision_no": "30/QĐ-CĐX"})
    member.refresh_from_db()
    assert member.status == MemberStatus.ACTIVE and member.code
    detail = commune.get(reverse("members:detail", args=[member.pk])).content.decode()
    assert member.code in detail and "01/05/2024" in detail


def test_the_new_member_form_names_the_bad_field(tree, login):
    client = login(tree.grassroots_officer)
    data = {**person(cccd="123"), "unit": tree.g1.pk}
    data.update(date_of_birth="1995-02-03", admitted_on="2024-05-01", decision_no="07")
    body = client.post(reverse("members:new"), data).content.decode()
    assert "Số CCCD phải gồm đúng 12 chữ số." in body
    assert not Member.objects.exists()


def test_leave_transfer_and_card_from_the_member_page(tree, login):
    m = admit_active(tree.g1, on=D(2020, 1, 1))
    client = login(tree.province_officer)
    r = client.post(
        reverse("members:transfer", args=[m.pk]),
        {"to_unit_code": "LCI.CD.001", "effective_on": "2023-01-01", "decision_no": "5"},
    )
    assert r.status_code == 302
    m.refresh_from_db()
    assert m.unit == tree.g3
    client.post(reverse("members:card", args=[m.pk, "request"]), {"on": "2024-01-02"})
    m.refresh_from_db()
    assert m.card_status == "requested"
    body = client.post(
        reverse("members:leave", args=[m.pk]),
        {"left_on": "2022-01-01", "reason": 1, "decision_no": "9"},
    ).content.decode()
    assert "không được trước ngày bắt đầu" in body


def test_the_receiving_province_accepts_a_transfer_from_its_inbox(tree, login):
    m = admit_active(tree.g1, on=D(2020, 1, 1))
    login(tree.province_officer).post(
        reverse("members:transfer", args=[m.pk]),
        {"to_unit_code": "DNG.HC.001", "effective_on": "2023-01-01", "decision_no": "5"},
    )
    request = TransferRequest.objects.get(member=m)
    client = login(tree.other_province_officer)
    assert m.full_name in client.get(reverse("members:transfers")).content.decode()
    client.post(reverse("members:transfer_decide", args=[request.pk, "accept"]))
    m.refresh_from_db()
    assert m.unit == tree.g4


def test_duplicates_are_listed_and_merged(tree, login):
    a = admit_active(tree.g1, on=D(2020, 1, 1), full_name="Đỗ Văn Hùng")
    b = admit_active(tree.g3, on=D(2010, 1, 1), full_name="Do Van Hung")
    from congdoan.core.scoping import Scope
    from congdoan.members import services
    from congdoan.members.models import LeaveReason

    services.member_leave(
        scope=Scope.unrestricted(),
        member=b,
        left_on=D(2012, 1, 1),
        reason=LeaveReason.objects.get(code="changed_job"),
        decision_no="1",
    )
    client = login(tree.province_officer)
    body = client.get(reverse("members:duplicates")).content.decode()
    assert "Đỗ Văn Hùng" in body and "Do Van Hung" in body
    client.post(reverse("members:duplicates"), {"keep": a.pk, "duplicate": b.pk})
    b.refresh_from_db()
    assert b.status == MemberStatus.MERGED


def test_statistics_page_drills_down_and_exports(tree, login):
    admit_active(tree.g1, on=D(2020, 1, 1), gender="F")
    admit_active(tree.g3, on=D(2024, 2, 1))
    client = login(tree.province_officer)
    url = reverse("members:statistics")
    body = client.get(
        url, {"unit": tree.lc.pk, "on": "2024-06-30", "start": "2024-01-01", "end": "2024-06-30"}
    )
    html = body.content.decode()
    assert 'id="total">2<' in html and 'id="admitted">1<' in html
    assert "Công đoàn xã Bảo Thắng" in html
    past = client.get(url, {"unit": tree.lc.pk, "on": "2021-01-01"}).content.decode()
    assert 'id="total">1<' in past
    assert client.get(url, {"unit": tree.dn.pk}).status_code == 404
    export = client.get(reverse("members:statistics_export"), {"unit": tree.lc.pk, "on": "2024-06-30"})
    assert export.status_code == 200
    import io

    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).worksheets[0]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["Tổng số đoàn viên", 2] in [row[:2] for row in values]


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("members:index", "Đoàn viên"),
        ("members:batches", "Danh sách đề nghị kết nạp"),
        ("members:transfers", "Chuyển sinh hoạt"),
        ("members:duplicates", "Hồ sơ có thể trùng"),
    ],
)
def test_lists_open_for_a_viewer(tree, login, name, title):
    response = login(tree.viewer).get(reverse(name))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"<title>{title}" in page and "Đoàn viên công đoàn" in page


def test_the_statistics_page_is_kept_until_a_write_and_shows_an_admission_at_once(tree, login):
    """The page's figures are kept per data version: a second view asks the database only for the version
    (and the session, user and scope), and an admission through the services shows on the very next view."""
    admit_active(tree.g1, on=D(2020, 1, 1))
    client = login(tree.province_officer)
    url = reverse("members:statistics")
    params = {"unit": tree.lc.pk, "on": "2024-06-30", "start": "2024-01-01", "end": "2024-06-30"}
    assert 'id="total">1<' in client.get(url, params).content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url, params).content.decode()
    assert 'id="total">1<' in again
    assert not [q["sql"] for q in queries if "members_" in q["sql"]], "no member figures recomputed"
    admit_active(tree.g3, on=D(2024, 2, 1))
    body = client.get(url, params).content.decode()
    assert 'id="total">2<' in body and 'id="admitted">1<' in body
