"""Leave reasons edited in the app (issue 19 §3)."""

import pytest
from django.urls import reverse

from congdoan.audit.models import Event
from congdoan.core.roles import Role
from congdoan.members.models import LeaveReason
from tests.factories import officer

from .conftest import admit_active

pytestmark = pytest.mark.django_db


def test_a_national_admin_adds_and_deactivates_a_reason_and_the_leave_form_follows(tree, login):
    client = login(tree.national_admin)
    response = client.post(
        "/members/leave-reasons/new/",
        {"code": "di_xuat_khau", "name": "Đi lao động ở nước ngoài", "is_active": "on"},
    )
    assert response.status_code == 302
    reason = LeaveReason.objects.get(code="di_xuat_khau")
    assert "Đi lao động ở nước ngoài" in client.get("/members/leave-reasons/").content.decode()
    member = admit_active(tree.g1)
    leave_page = login(tree.province_officer).get(reverse("members:leave", args=[member.pk])).content.decode()
    assert "Đi lao động ở nước ngoài" in leave_page

    client = login(tree.national_admin)
    response = client.post(
        f"/members/leave-reasons/{reason.pk}/edit/",
        {"code": "di_xuat_khau", "name": "Đi lao động ở nước ngoài"},
    )
    assert response.status_code == 302
    reason.refresh_from_db()
    assert reason.is_active is False
    leave_page = login(tree.province_officer).get(reverse("members:leave", args=[member.pk])).content.decode()
    assert "Đi lao động ở nước ngoài" not in leave_page
    events = Event.objects.filter(action="members.leave_reason_save").order_by("pk")
    assert [e.after["is_active"] for e in events] == [True, False]
    assert events[1].before["is_active"] is True and events[1].actor == tree.national_admin


def test_a_system_reason_keeps_its_code_and_stays_active(tree, login):
    reason = LeaveReason.objects.get(code="transfer")
    client = login(tree.national_admin)
    response = client.post(
        f"/members/leave-reasons/{reason.pk}/edit/", {"code": "chuyen", "name": reason.name}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "không đổi được mã" in body
    reason.refresh_from_db()
    assert reason.code == "transfer" and reason.is_active


def test_officers_get_404_and_provincial_admins_403(tree, login):
    reason = LeaveReason.objects.get(code="retired")
    client = login(tree.province_officer)
    assert client.get("/members/leave-reasons/").status_code == 404
    assert client.get(f"/members/leave-reasons/{reason.pk}/edit/").status_code == 404
    client = login(officer(tree.lc, Role.ADMIN, username="tinh_qt"))
    assert client.get("/members/leave-reasons/").status_code == 200
    response = client.post(f"/members/leave-reasons/{reason.pk}/edit/", {"code": "retired", "name": "Đổi"})
    assert response.status_code == 403
    assert LeaveReason.objects.get(pk=reason.pk).name == "Nghỉ hưu"
    assert not Event.objects.filter(action="members.leave_reason_save").exists()
