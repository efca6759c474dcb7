import io

import pytest

from congdoan.core.scoping import Scope
from congdoan.targets import services
from congdoan.targets.constants import ReportStatus
from congdoan.targets.models import Report

from ..conftest import Q1, fill

pytestmark = pytest.mark.django_db


def test_an_officer_enters_and_submits_a_report_through_the_page(cat, login):
    t = cat.tree
    client = login(t.grassroots_officer)
    response = client.post(f"/targets/units/{t.g1.pk}/open/", {"form": cat.form.pk, "period": "2026-Q1"})
    report = Report.objects.get(unit=t.g1)
    assert response.url == f"/targets/reports/{report.pk}/"
    page = client.get(response.url)
    assert "Báo cáo quý (thử)" in page.content.decode() and "tự tính từ dữ liệu" in page.content.decode()
    data = {
        "version": report.version,
        f"value_{cat.members.pk}": "120",
        f"value_{cat.women.pk}": "50",
        f"comment_{cat.members.pk}": "Tăng do kết nạp mới",
        "action": "submit",
    }
    client.post(response.url, data)
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert report.values.get(indicator=cat.members).comment == "Tăng do kết nạp mới"


def test_the_page_shows_a_vietnamese_error_beside_a_bad_value_and_keeps_what_was_typed(cat, login):
    t = cat.tree
    report = services.report_open(scope=Scope.unrestricted(), unit=t.g1, form=cat.form, period=Q1)
    client = login(t.grassroots_officer)
    page = client.post(
        report.get_absolute_url(),
        {"version": report.version, f"value_{cat.members.pk}": "abc", "action": "save"},
    )
    body = page.content.decode()
    assert "không phải là số" in body and 'value="abc"' in body
    # A sentence, never a Python list (the page showed "['… “abc” không phải là số.']").
    assert "[&#x27;" not in body and "['" not in body


def test_a_stale_form_shows_the_conflict_message(cat, login):
    t = cat.tree
    report = services.report_open(scope=Scope.unrestricted(), unit=t.g1, form=cat.form, period=Q1)
    client = login(t.grassroots_officer)
    services.report_save_draft(
        scope=Scope.unrestricted(), report=report, version=report.version, values={cat.members.pk: "5"}
    )
    page = client.post(
        report.get_absolute_url(),
        {"version": 1, f"value_{cat.members.pk}": "9", "action": "save"},
        follow=True,
    )
    assert "đã được người khác sửa lúc" in page.content.decode()
    assert report.values.get(indicator=cat.members).value == 5


def test_a_locked_report_cannot_be_changed_through_the_page_or_the_api(cat, login):
    t = cat.tree
    report = fill(cat, t.g1, {cat.members: "10"}, approve=True)
    client = login(t.grassroots_officer)
    page = client.get(report.get_absolute_url())
    assert f'name="value_{cat.members.pk}"' not in page.content.decode()
    assert (
        client.post(
            report.get_absolute_url(), {"version": report.version, f"value_{cat.members.pk}": "99"}
        ).status_code
        == 403
    )
    api = client.put(
        f"/api/v1/targets/reports/{report.pk}",
        {"version": report.version, "values": {cat.members.pk: "99"}},
        content_type="application/json",
    )
    assert api.status_code == 422
    client.post(
        f"/targets/reports/{report.pk}/import/", {"version": report.version, "file": io.BytesIO(b"x")}
    )
    assert report.values.get(indicator=cat.members).value == 10


def test_the_parent_returns_and_approves_from_the_report_page(cat, login):
    t = cat.tree
    report = fill(cat, t.g1, {cat.members: "10"}, submit=True)
    client = login(t.commune_officer)
    assert report.unit.name in client.get("/targets/inbox/").content.decode()
    client.post(f"/targets/reports/{report.pk}/review/", {"action": "return", "reason": ""})
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED  # a return needs a reason
    client.post(f"/targets/reports/{report.pk}/review/", {"action": "approve"})
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED
    grassroots = login(t.grassroots_officer)
    grassroots.post(f"/targets/reports/{report.pk}/review/", {"action": "reopen", "reason": "tự mở"})
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED


def test_a_parents_own_report_shows_its_childrens_approved_aggregate_beside_its_entries(cat, login):
    t = cat.tree
    fill(cat, t.g1, {cat.members: "100"}, approve=True)
    fill(cat, t.g2, {cat.members: "45"}, submit=True)
    report = services.report_open(scope=Scope.unrestricted(), unit=t.bt, form=cat.form, period=Q1)
    body = login(t.commune_officer).get(report.get_absolute_url()).content.decode()
    assert "Tổng hợp cấp dưới (đã duyệt)" in body
    cell = body.split('data-code="t_members"')[1].split('class="num children-total">')[1].split("</td>")[0]
    assert cell.startswith("100") and "tạm tính" in cell  # Đức Giang's report is not approved yet
