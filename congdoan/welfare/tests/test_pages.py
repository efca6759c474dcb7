import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.urls import reverse

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.jobs.constants import JobStatus
from congdoan.jobs.models import Job
from congdoan.welfare import services
from congdoan.welfare.constants import FundKind, ProgrammeKind
from congdoan.welfare.models import Payment, Programme, Registration

from .conftest import make_member, make_programme

pytestmark = pytest.mark.django_db


def approved(tet, members, tree, approver=None):
    for member in members:
        services.payment_add(
            scope=Scope.for_user(tree.grassroots_officer),
            programme=tet,
            member=member,
            paid_on=dt.date(2026, 1, 20),
        )
    services.payments_submit(scope=Scope.for_user(tree.grassroots_officer), programme=tet)
    services.payments_approve(scope=Scope.for_user(approver or tree.commune_officer), programme=tet)


def test_an_officer_creates_a_programme_from_the_form(tree, login):
    client = login(tree.commune_officer)
    response = client.post(
        reverse("welfare:programme_new"),
        {
            "owner": tree.bt.pk,
            "kind": ProgrammeKind.SICK_VISIT,
            "name": "Thăm hỏi đoàn viên ốm đau 2026",
            "start": "2026-01-01",
            "end": "2026-12-31",
            "whole_subtree": "on",
            "standard_amount": "1000000",
            "status": "open",
        },
    )
    programme = Programme.objects.get()
    assert response.status_code == 302 and response["Location"] == programme.get_absolute_url()
    assert programme.owner == tree.bt
    page = client.get(programme.get_absolute_url())
    assert "Thăm hỏi đoàn viên ốm đau 2026" in page.content.decode()


def test_the_form_refuses_an_end_before_the_start(tree, login):
    client = login(tree.commune_officer)
    response = client.post(
        reverse("welfare:programme_new"),
        {
            "owner": tree.bt.pk,
            "kind": "other",
            "name": "X",
            "start": "2026-05-01",
            "end": "2026-01-01",
            "standard_amount": "0",
            "status": "open",
        },
    )
    assert "Ngày kết thúc phải sau ngày bắt đầu." in response.content.decode()


def test_the_import_page_shows_row_errors(tree, members, tet, login):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Mã đoàn viên"])
    book.active.append(["SAIMA01"])
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "ds.xlsx"
    client = login(tree.grassroots_officer)
    response = client.post(
        reverse("welfare:import", args=[tet.pk]),
        {"file": buffer, "paid_on": "2026-01-20", "form": "cash"},
        follow=True,
    )
    job = Job.objects.get()
    assert (job.kind, job.status) == ("welfare_recipient_import", JobStatus.FAILED)
    assert response.redirect_chain[-1][0] == job.get_absolute_url()
    assert "Dòng 2: không tìm thấy đoàn viên có mã “SAIMA01”." in response.content.decode()
    assert "Tải lên tệp đã sửa" in response.content.decode()
    assert not Payment.objects.exists()


def test_the_import_page_queues_a_job_that_saves_the_rows(tree, members, tet, login):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Mã đoàn viên", "Số tiền"])
    book.active.append([members["g1"][0].code, 500000])
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "ds.xlsx"
    client = login(tree.grassroots_officer)
    response = client.post(
        reverse("welfare:import", args=[tet.pk]),
        {"file": buffer, "paid_on": "2026-01-20", "form": "cash"},
        follow=True,
    )
    job = Job.objects.get()
    assert job.status == JobStatus.SUCCEEDED
    assert "Đã nhập 1 người từ tệp Excel." in response.content.decode()
    assert list(Payment.objects.values_list("member", "amount")) == [(members["g1"][0].pk, 500_000)]


def test_approval_page_shows_warnings_and_approves_after_confirmation(tree, members, tet, login):
    member = members["g1"][0]
    other = make_programme(tree.lc, name="Quà Tết tỉnh")
    approved(other, [member], tree, approver=tree.province_officer)
    services.payment_add(
        scope=Scope.for_user(tree.grassroots_officer),
        programme=tet,
        member=member,
        paid_on=dt.date(2026, 1, 20),
    )
    services.payments_submit(scope=Scope.for_user(tree.grassroots_officer), programme=tet)
    client = login(tree.commune_officer)
    page = client.get(reverse("welfare:approve", args=[tet.pk])).content.decode()
    assert "Quà Tết tỉnh" in page
    refused = client.post(reverse("welfare:approve", args=[tet.pk]))
    assert "hãy xem và xác nhận" in refused.content.decode()
    done = client.post(reverse("welfare:approve", args=[tet.pk]), {"confirm": "1"})
    assert done.status_code == 302
    assert Payment.objects.filter(programme=tet, status="approved").count() == 1


def test_a_grassroots_officer_cannot_open_the_approval_page(tree, tet, login):
    assert login(tree.grassroots_officer).get(reverse("welfare:approve", args=[tet.pk])).status_code == 403


def test_figures_page_shows_donor_share_and_exports_excel(tree, members, tet, login):
    grassroots, donor = tet.funds.get(kind=FundKind.GRASSROOTS), tet.funds.get(kind=FundKind.DONATION)
    services.payment_add(
        scope=Scope.for_user(tree.grassroots_officer),
        programme=tet,
        member=members["g1"][0],
        amount=1_000_000,
        paid_on=dt.date(2026, 1, 20),
        splits=[(grassroots, 750_000), (donor, 250_000)],
    )
    services.payments_submit(scope=Scope.for_user(tree.grassroots_officer), programme=tet)
    services.payments_approve(scope=Scope.for_user(tree.commune_officer), programme=tet)
    client = login(tree.province_officer)
    page = client.get(
        reverse("welfare:figures"), {"unit": tree.lc.pk, "start": "2026-01-01", "end": "2026-12-31"}
    )
    html = page.content.decode()
    assert "1.000.000 đ" in html and "25,0%" in html and "Công ty CP Apatit Việt Nam" in html
    assert "Công đoàn xã Bảo Thắng" in html  # drill-down row
    xlsx = client.get(
        reverse("welfare:figures"),
        {"unit": tree.lc.pk, "start": "2026-01-01", "end": "2026-12-31", "format": "xlsx"},
    )
    assert xlsx.status_code == 200
    # Asking for Đà Nẵng falls back to the officer's own province: another province's unit is not a choice.
    other = client.get(reverse("welfare:figures"), {"unit": tree.dn.pk}).content.decode()
    assert "Số liệu chăm lo: Liên đoàn Lao động tỉnh Lào Cai" in other


def test_public_registration_page_registers_and_throttles(tree, members, tet, client):
    """The throttle counts per member code *and* address: a member who keeps trying is held back, the
    colleagues behind the same office address are not."""
    cache.clear()
    tet.online_registration = True
    tet.start, tet.end = dt.date(2000, 1, 1), dt.date(2100, 1, 1)
    tet.save()
    member, colleague = members["g1"][0], members["g1"][1]
    url = reverse("welfare:register")
    assert tet.name in client.get(url).content.decode()
    ok = client.post(url, {"programme": tet.pk, "member_code": member.code, "cccd": member.cccd})
    assert "Đã nhận đăng ký" in ok.content.decode()
    assert Registration.objects.get(member=member).registered_on == today()
    for _ in range(4):
        client.post(url, {"programme": tet.pk, "member_code": member.code, "cccd": "1"})
    throttled = client.post(url, {"programme": tet.pk, "member_code": member.code, "cccd": member.cccd})
    assert throttled.status_code == 429
    text = throttled.content.decode()
    assert "Bạn đã gửi quá nhiều lần với mã đoàn viên" in text and "Đồng nghiệp dùng chung mạng" in text
    # A colleague in the same office (same address) registers normally.
    for _ in range(3):
        client.post(url, {"programme": tet.pk, "member_code": "LC000000", "cccd": "1"})
    fine = client.post(url, {"programme": tet.pk, "member_code": colleague.code, "cccd": colleague.cccd})
    assert fine.status_code == 200 and "Đã nhận đăng ký" in fine.content.decode()
    # Another address is not held back by the first one either.
    other = client.post(
        url,
        {"programme": tet.pk, "member_code": members["g1"][2].code, "cccd": members["g1"][2].cccd},
        REMOTE_ADDR="10.9.9.9",
    )
    assert "Đã nhận đăng ký" in other.content.decode()


def test_api_adds_a_split_payment_and_reports_figures(tree, members, tet, login):
    client = login(tree.grassroots_officer)
    grassroots, donor = tet.funds.get(kind=FundKind.GRASSROOTS), tet.funds.get(kind=FundKind.DONATION)
    response = client.post(
        f"/api/v1/welfare/programmes/{tet.pk}/payments",
        {
            "member_id": members["g1"][0].pk,
            "amount": 600000,
            "paid_on": "2026-01-25",
            "splits": [{"fund_id": grassroots.pk, "amount": 400000}, {"fund_id": donor.pk, "amount": 100000}],
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "phải bằng đúng số tiền chi" in str(response.json())
    response = client.post(
        f"/api/v1/welfare/programmes/{tet.pk}/payments",
        {
            "member_id": members["g1"][0].pk,
            "amount": 600000,
            "paid_on": "2026-01-25",
            "splits": [{"fund_id": grassroots.pk, "amount": 500000}, {"fund_id": donor.pk, "amount": 100000}],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert client.post(f"/api/v1/welfare/programmes/{tet.pk}/submit").json() == {"count": 1}
    assert (
        client.post(
            f"/api/v1/welfare/programmes/{tet.pk}/approve", {}, content_type="application/json"
        ).status_code
        == 403
    )
    xa = login(tree.commune_officer)
    assert xa.post(
        f"/api/v1/welfare/programmes/{tet.pk}/approve", {}, content_type="application/json"
    ).json() == {"count": 1}
    figures = xa.get(
        "/api/v1/welfare/figures", {"unit_id": tree.bt.pk, "start": "2026-01-01", "end": "2026-12-31"}
    ).json()
    assert figures["amount_total"] == 600000 and figures["donation_total"] == 100000
    assert xa.get("/api/v1/welfare/figures", {"unit_id": tree.dn.pk}).status_code == 404


def test_pages_render_for_each_level(tree, members, tet, login):
    approved(tet, members["g1"][:1], tree)
    for user in (tree.grassroots_officer, tree.commune_officer, tree.province_officer, tree.viewer):
        client = login(user)
        for url in (
            reverse("welfare:index"),
            tet.get_absolute_url(),
            reverse("welfare:figures"),
            reverse("welfare:registrations"),
            reverse("welfare:pick", args=[tet.pk]),
            reverse("welfare:import", args=[tet.pk]),
        ):
            assert client.get(url).status_code == 200, (user, url)
    assert tet.name not in login(tree.other_province_officer).get(reverse("welfare:index")).content.decode()


def test_a_house_case_advances_from_its_page(tree, login):
    programme = make_programme(tree.lc, ProgrammeKind.UNION_HOUSE, standard_amount=50_000_000)
    case = services.house_create(
        scope=Scope.for_user(tree.province_officer),
        programme=programme,
        unit=tree.g1,
        household_name="Hộ ông Páo",
        situation="Nhà tạm",
        work="new",
        approved_amount=50_000_000,
        approved_on=dt.date(2026, 3, 1),
    )
    client = login(tree.grassroots_officer)
    client.post(reverse("welfare:house", args=[case.pk]), {"stage": "building", "on": "2026-03-05"})
    case.refresh_from_db()
    assert case.stage == "building" and case.building_from == dt.date(2026, 3, 5)
    assert make_member  # fixtures module is shared with the scope walker
