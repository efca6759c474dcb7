"""Reminders from the completeness page and notices of a report returned or approved reach the unit's officers:
in the app's inbox (with an unread badge) and by e-mail where they have an address."""

import pytest
from django.core import mail
from django.urls import reverse

from congdoan.core.roles import Role
from congdoan.core.scoping import Scope
from congdoan.inbox.models import Notice
from congdoan.targets import services
from tests.factories import officer

from ..conftest import Q1, fill

pytestmark = pytest.mark.django_db


def test_the_province_reminds_the_communes_that_have_not_sent_and_they_read_it(
    cat, login, django_capture_on_commit_callbacks
):
    t = cat.tree
    t.commune_officer.email = "xa@example.vn"
    t.commune_officer.save()
    viewer = officer(t.bt, Role.VIEWER, username="xem_bt")
    cd_officer = officer(t.cd, username="camduong")
    fill(cat, t.cd, {cat.members: "10"}, submit=True)  # Cam Đường has sent: no reminder for it

    client = login(t.province_officer)
    url = f"{reverse('targets:completeness', args=[t.lc.pk])}?form={cat.form.pk}&period={Q1.key}"
    assert "Gửi nhắc nhở tới 1 đơn vị" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, follow=True).content.decode()
    assert "Đã gửi nhắc nhở tới 1 người ở 1 đơn vị" in page

    notice = Notice.objects.get()
    assert notice.recipient == t.commune_officer and notice.kind == Notice.Kind.REMINDER
    assert notice.title == f"Nhắc nộp báo cáo {cat.form.name} — Quý I năm 2026"
    assert not Notice.objects.filter(recipient__in=[viewer, cd_officer]).exists()
    assert [m.to for m in mail.outbox] == [["xa@example.vn"]] and "Quý I năm 2026" in mail.outbox[0].subject

    reader = login(t.commune_officer)
    assert 'id="inbox-link"' in (home := reader.get("/").content.decode()) and "1<span" in home
    opened = reader.post(reverse("inbox:open", args=[notice.pk]))
    assert opened.status_code == 302 and opened["Location"] == f"{reverse('targets:index')}?unit={t.bt.pk}"
    notice.refresh_from_db()
    assert notice.read_at is not None
    # Someone else's notice is not theirs to open.
    assert login(cd_officer).post(reverse("inbox:open", args=[notice.pk])).status_code == 404


def test_a_returned_report_tells_its_units_officers_why(cat):
    t = cat.tree
    report = fill(cat, t.g1, {cat.members: "10"}, submit=True)
    services.report_return(
        scope=Scope.for_user(t.commune_officer), report=report, reason="Thiếu số đoàn viên nữ"
    )
    notice = Notice.objects.get(recipient=t.grassroots_officer)
    assert notice.kind == Notice.Kind.RETURNED and "Thiếu số đoàn viên nữ" in notice.body
    assert notice.url == report.get_absolute_url() and notice.sender == t.commune_officer


def test_an_officer_without_the_right_cannot_send_reminders(cat, login):
    t = cat.tree
    client = login(t.viewer)
    url = f"{reverse('targets:completeness', args=[t.lc.pk])}?form={cat.form.pk}&period={Q1.key}"
    page = client.post(url, follow=True).content.decode()
    assert "Bạn không có quyền" in page and not Notice.objects.exists()
