"""Issue 19 §6: sending and approving a report are confirmed first, and a period still running is refused."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from congdoan.core.scoping import Scope
from congdoan.targets import services
from congdoan.targets.constants import ReportStatus
from congdoan.targets.periods import Period

from ..conftest import fill

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(cat):
    """A report of the quarter in progress today (Q4/2026 on 06/12/2026 in the issue), values filled in."""
    today = timezone.localdate()
    quarter = Period("Q", today.year, (today.month - 1) // 3 + 1)
    report = services.report_open(scope=Scope.unrestricted(), unit=cat.tree.g1, form=cat.form, period=quarter)
    return services.report_save_draft(
        scope=Scope.unrestricted(), report=report, version=report.version, values={cat.members.pk: "10"}
    )


def test_the_send_button_saves_then_asks_for_confirmation(cat, login):
    report = fill(cat, cat.tree.g1, {cat.members: "10"})
    client = login(cat.tree.grassroots_officer)
    response = client.post(
        report.get_absolute_url(),
        {"version": report.version, f"value_{cat.members.pk}": "12", "action": "submit"},
        follow=True,
    )
    body = response.content.decode()
    assert "Gửi báo cáo lên cấp trên?" in body and 'id="confirm-submit"' in body
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    assert report.values.get(indicator=cat.members).value == 12


def test_confirming_sends_and_says_what_happens_next(cat, login):
    report = fill(cat, cat.tree.g1, {cat.members: "10"})
    client = login(cat.tree.grassroots_officer)
    response = client.post(f"/targets/reports/{report.pk}/submit/", {"version": report.version}, follow=True)
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert "Đã gửi báo cáo. Báo cáo đang chờ cấp trên duyệt" in response.content.decode()


def test_a_stale_confirmation_is_refused(cat, login):
    report = fill(cat, cat.tree.g1, {cat.members: "10"})
    client = login(cat.tree.grassroots_officer)
    response = client.post(
        f"/targets/reports/{report.pk}/submit/", {"version": report.version - 1}, follow=True
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    assert "đã được người khác sửa" in response.content.decode()


def test_a_report_whose_period_is_running_cannot_be_sent(running, cat, login, unchanged):
    client = login(cat.tree.grassroots_officer)
    page = client.get(f"/targets/reports/{running.pk}/submit/").content.decode()
    assert "chưa kết thúc" in page and 'id="confirm-submit"' not in page
    first_day = (running.period_end + dt.timedelta(days=1)).strftime("%d/%m/%Y")
    assert f"chỉ gửi được báo cáo từ ngày {first_day}" in page
    response = client.post(
        f"/targets/reports/{running.pk}/submit/", {"version": running.version}, follow=True
    )
    assert "chưa kết thúc" in response.content.decode()
    running.refresh_from_db()
    assert running.status == ReportStatus.DRAFT and running.submitted_at is None


def test_the_service_and_the_api_refuse_an_early_report_too(running, cat, login):
    with pytest.raises(ValidationError) as exc:
        services.report_submit(scope=Scope.for_user(cat.tree.grassroots_officer), report=running)
    assert "chưa kết thúc" in str(exc.value)
    api = login(cat.tree.grassroots_officer).post(f"/api/v1/targets/reports/{running.pk}/submit")
    assert api.status_code == 422 and "chưa kết thúc" in str(api.json()["detail"])
    running.refresh_from_db()
    assert running.status == ReportStatus.DRAFT


def test_the_setting_allows_an_early_report_with_a_warning(running, cat, login, settings):
    settings.CONGDOAN_ALLOW_EARLY_SUBMIT = True
    client = login(cat.tree.grassroots_officer)
    page = client.get(f"/targets/reports/{running.pk}/submit/").content.decode()
    assert 'id="early-warning"' in page and 'id="confirm-submit"' in page
    client.post(f"/targets/reports/{running.pk}/submit/", {"version": running.version})
    running.refresh_from_db()
    assert running.status == ReportStatus.SUBMITTED


def test_approving_asks_for_confirmation_then_locks(cat, login):
    report = fill(cat, cat.tree.g1, {cat.members: "10"}, submit=True)
    client = login(cat.tree.commune_officer)
    page = client.get(report.get_absolute_url()).content.decode()
    assert f'href="/targets/reports/{report.pk}/approve/"' in page  # the button leads to the question
    question = client.get(f"/targets/reports/{report.pk}/approve/").content.decode()
    assert "Duyệt và khoá báo cáo?" in question and 'id="confirm-approve"' in question
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    done = client.post(f"/targets/reports/{report.pk}/approve/", follow=True).content.decode()
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED
    assert "Số liệu đã được cộng vào tổng hợp của cấp trên" in done


def test_the_unit_itself_cannot_open_the_approval_question_nor_approve(cat, login):
    report = fill(cat, cat.tree.g1, {cat.members: "10"}, submit=True)
    client = login(cat.tree.grassroots_officer)
    assert client.get(f"/targets/reports/{report.pk}/approve/").status_code == 403
    client.post(f"/targets/reports/{report.pk}/approve/")
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_saving_a_draft_says_the_report_is_not_sent_yet(cat, login):
    report = fill(cat, cat.tree.g1, {cat.members: "10"})
    client = login(cat.tree.grassroots_officer)
    response = client.post(
        report.get_absolute_url(),
        {"version": report.version, f"value_{cat.members.pk}": "11", "action": "save"},
        follow=True,
    )
    assert (
        "Báo cáo chưa gửi: khi nhập xong, bấm “Gửi báo cáo” để gửi cấp trên duyệt."
        in response.content.decode()
    )
