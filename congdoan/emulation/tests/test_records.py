"""A member's discipline and absence records, kept in the app: pages, services, scope, and their effect on
nominations (a discipline entered on the page blocks the member's nomination for that year)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.emulation import services
from congdoan.emulation.models import Discipline, Nomination, WorkAbsence
from tests.forms import form_data

from .conftest import kind
from .helpers import make_member

pytestmark = pytest.mark.django_db


def records_url(member):
    return reverse("emulation:member_records", args=[member.pk])


# --- services -------------------------------------------------------------------------------------------


def test_add_correct_and_delete_a_discipline_each_leave_an_audit_event(tree, lan):
    scope = Scope.for_user(tree.grassroots_officer)
    row = services.discipline_save(
        scope=scope, member=lan, form="reprimand", starts_on=dt.date(2024, 3, 1), decision_no=" 12/QĐ "
    )
    assert row.decision_no == "12/QĐ"
    services.discipline_save(
        scope=scope,
        member=lan,
        discipline=row,
        form="warning",
        starts_on=dt.date(2024, 3, 1),
        ends_on=dt.date(2024, 12, 31),
    )
    row.refresh_from_db()
    assert (row.form, row.ends_on) == ("warning", dt.date(2024, 12, 31))
    services.discipline_delete(scope=scope, discipline=row)
    assert not Discipline.objects.exists()
    events = list(Event.objects.filter(object_type="emulation.discipline").order_by("pk"))
    assert [e.action for e in events] == [
        "emulation.discipline.record",
        "emulation.discipline.update",
        "emulation.discipline.delete",
    ]
    assert events[1].before["form"] == "reprimand" and events[1].after["form"] == "warning"
    assert all(e.unit_id == tree.g1.pk and e.actor_id == tree.grassroots_officer.pk for e in events)


@pytest.mark.parametrize(
    ("starts", "ends", "field", "message"),
    [
        (dt.date(2024, 5, 1), dt.date(2024, 4, 30), "ends_on", "không được trước ngày bắt đầu"),
        (dt.date(2024, 12, 1), dt.date(2025, 2, 1), "starts_on", "Trùng thời gian với kỷ luật “Khiển trách”"),
        (dt.date(2023, 1, 1), None, "starts_on", "Trùng thời gian"),  # an open one overlaps everything later
    ],
    ids=["ends before starts", "overlap", "open-ended overlap"],
)
def test_bad_disciplines_are_refused_on_the_field(tree, lan, starts, ends, field, message):
    scope = Scope.for_user(tree.grassroots_officer)
    services.discipline_save(
        scope=scope,
        member=lan,
        form="reprimand",
        starts_on=dt.date(2024, 6, 1),
        ends_on=dt.date(2024, 12, 31),
    )
    with pytest.raises(ValidationError) as refused:
        services.discipline_save(scope=scope, member=lan, form="warning", starts_on=starts, ends_on=ends)
    assert message in " ".join(refused.value.message_dict[field])
    assert Discipline.objects.count() == 1


def test_a_discipline_corrected_does_not_overlap_itself(tree, lan):
    scope = Scope.for_user(tree.grassroots_officer)
    row = services.discipline_save(scope=scope, member=lan, form="reprimand", starts_on=dt.date(2024, 6, 1))
    services.discipline_save(
        scope=scope, member=lan, discipline=row, form="reprimand", starts_on=dt.date(2024, 7, 1)
    )
    assert Discipline.objects.get().starts_on == dt.date(2024, 7, 1)


def test_absences_are_checked_and_a_year_holds_at_most_366_days(tree, lan):
    scope = Scope.for_user(tree.grassroots_officer)
    with pytest.raises(ValidationError) as refused:
        services.absence_save(scope=scope, member=lan, year=2025, days=367)
    assert "Số ngày nghỉ phải từ 1 đến 366" in refused.value.message_dict["days"][0]
    row = services.absence_save(scope=scope, member=lan, year=2025, days=300)
    with pytest.raises(ValidationError, match="đã ghi 300 ngày nghỉ"):
        services.absence_save(scope=scope, member=lan, year=2025, days=100, is_maternity=True)
    services.absence_save(scope=scope, member=lan, absence=row, year=2025, days=200)  # a correction replaces
    services.absence_save(scope=scope, member=lan, year=2025, days=100, is_maternity=True)
    assert sorted(WorkAbsence.objects.values_list("days", flat=True)) == [100, 200]
    actions = list(Event.objects.filter(object_type="emulation.workabsence").values_list("action", flat=True))
    assert actions.count("emulation.absence.record") == 2 and "emulation.absence.update" in actions


def test_a_viewer_and_an_officer_elsewhere_cannot_change_records(tree, lan):
    for user in (tree.viewer, tree.other_province_officer, tree.commune_officer):
        scope = Scope.for_user(user)
        if user is tree.commune_officer:
            continue  # Bảo Thắng is above g1: it may
        with pytest.raises(PermissionDenied):
            services.absence_save(scope=scope, member=lan, year=2025, days=3)
    row = services.absence_save(scope=Scope.for_user(tree.commune_officer), member=lan, year=2025, days=3)
    with pytest.raises(PermissionDenied):
        services.absence_delete(scope=Scope.for_user(tree.viewer), absence=row)
    assert WorkAbsence.objects.count() == 1


# --- pages ----------------------------------------------------------------------------------------------


def test_the_member_page_links_to_the_records(tree, lan, login):
    page = login(tree.grassroots_officer).get(reverse("members:detail", args=[lan.pk])).content.decode()
    assert f'href="{records_url(lan)}"' in page


def test_an_officer_adds_edits_and_deletes_records_on_the_pages(tree, lan, login):
    client = login(tree.grassroots_officer)
    new = reverse("emulation:discipline_new", args=[lan.pk])
    data = {"form": "reprimand", "starts_on": "01/03/2024", "ends_on": "31/08/2024", "decision_no": "7/QĐ"}
    assert client.post(new, data).url == records_url(lan)
    row = Discipline.objects.get()
    assert (row.starts_on, row.ends_on) == (dt.date(2024, 3, 1), dt.date(2024, 8, 31))
    page = client.get(records_url(lan)).content.decode()
    assert "Khiển trách" in page and "01/03/2024" in page and "31/08/2024" in page and "7/QĐ" in page
    edit = reverse("emulation:discipline_edit", args=[lan.pk, row.pk])
    shown = form_data(client.get(edit))
    assert shown["starts_on"] == "01/03/2024"
    client.post(edit, {**shown, "form": "warning"})
    row.refresh_from_db()
    assert row.form == "warning"

    client.post(reverse("emulation:absence_new", args=[lan.pk]), {"year": "2025", "days": "12"})
    absence = WorkAbsence.objects.get()
    assert (absence.year, absence.days, absence.is_maternity) == (2025, 12, False)
    page = client.get(records_url(lan)).content.decode()
    assert "<td>2025</td>" in page  # a year is not grouped as 2.025

    delete = reverse("emulation:discipline_delete", args=[lan.pk, row.pk])
    assert "Xoá kỷ luật “Cảnh cáo” (từ 01/03/2024)" in client.get(delete).content.decode()
    assert Discipline.objects.exists()  # the GET only asks
    client.post(delete)
    client.post(reverse("emulation:absence_delete", args=[lan.pk, absence.pk]))
    assert not Discipline.objects.exists() and not WorkAbsence.objects.exists()


@pytest.mark.parametrize(
    ("url_name", "data", "message"),
    [
        (
            "emulation:discipline_new",
            {"form": "reprimand", "starts_on": "01/05/2024", "ends_on": "01/04/2024"},
            "không được trước ngày bắt đầu",
        ),
        ("emulation:absence_new", {"year": "2025", "days": "400"}, "Số ngày nghỉ phải từ 1 đến 366"),
        ("emulation:discipline_new", {"form": "reprimand", "starts_on": "31/02/2024"}, "ngày"),
        ("emulation:absence_new", {"year": "2025", "days": "abc\x00"}, ""),
    ],
    ids=["ends before starts", "too many days", "no such date", "not a number"],
)
def test_bad_input_is_shown_on_the_page_and_saves_nothing(tree, lan, login, url_name, data, message):
    response = login(tree.grassroots_officer).post(reverse(url_name, args=[lan.pk]), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "invalid-feedback" in page and message in page
    assert not Discipline.objects.exists() and not WorkAbsence.objects.exists()


def test_an_overlapping_discipline_is_refused_on_the_page(tree, lan, login):
    client = login(tree.grassroots_officer)
    url = reverse("emulation:discipline_new", args=[lan.pk])
    client.post(url, {"form": "reprimand", "starts_on": "01/01/2024", "ends_on": "30/06/2024"})
    page = client.post(url, {"form": "warning", "starts_on": "01/06/2024"}).content.decode()
    assert "Trùng thời gian với kỷ luật “Khiển trách” từ 01/01/2024 đến 30/06/2024" in page
    assert Discipline.objects.count() == 1


def test_a_viewer_reads_the_records_but_cannot_change_them(tree, lan, login):
    services.absence_save(scope=Scope.unrestricted(), member=lan, year=2025, days=5)
    client = login(tree.viewer)
    page = client.get(records_url(lan)).content.decode()
    assert "<td>2025</td>" in page and "Ghi nhận ngày nghỉ việc" not in page and "Xoá" not in page
    assert client.get(reverse("emulation:absence_new", args=[lan.pk])).status_code == 403
    assert (
        client.post(
            reverse("emulation:absence_new", args=[lan.pk]), {"year": "2024", "days": "1"}
        ).status_code
        == 403
    )
    absence = WorkAbsence.objects.get()
    assert client.post(reverse("emulation:absence_delete", args=[lan.pk, absence.pk])).status_code == 403
    assert WorkAbsence.objects.count() == 1


def test_an_officer_outside_the_unit_gets_404(tree, lan, login):
    absence = services.absence_save(scope=Scope.unrestricted(), member=lan, year=2025, days=5)
    client = login(tree.other_province_officer)
    assert client.get(records_url(lan)).status_code == 404
    assert client.post(reverse("emulation:absence_delete", args=[lan.pk, absence.pk])).status_code == 404
    # A record of another member is not reachable through this member's address either.
    other = make_member(tree.g1, "Hà Văn Nam", "M")
    own = login(tree.grassroots_officer)
    assert own.get(reverse("emulation:absence_edit", args=[other.pk, absence.pk])).status_code == 404
    assert WorkAbsence.objects.count() == 1


def test_a_discipline_entered_on_the_page_blocks_the_nomination(tree, lan, login):
    client = login(tree.grassroots_officer)
    client.post(
        reverse("emulation:discipline_new", args=[lan.pk]),
        {"form": "reprimand", "starts_on": "01/05/2026", "ends_on": "31/10/2026"},
    )
    url = f"/emulation/nominations/new/?unit={tree.g1.pk}"
    body = {
        "award_kind": kind("bang_khen_ldld").pk,
        "year": "2026",
        "member": lan.code,
        "achievements": "Hoàn thành xuất sắc nhiệm vụ năm 2026.",
    }
    page = client.post(url, {**form_data(client.get(url)), **body}).content.decode()
    assert "Bị kỷ luật hoặc xử phạt hành chính trong năm 2026" in page
    assert not Nomination.objects.exists()
    # Deleted as entered by mistake: the same nomination goes through.
    client.post(reverse("emulation:discipline_delete", args=[lan.pk, Discipline.objects.get().pk]))
    assert client.post(url, {**form_data(client.get(url)), **body}).status_code == 302
    assert Nomination.objects.get().member == lan


# --- the nomination form's member picker ------------------------------------------------------------------


def test_the_nomination_form_takes_a_member_code_with_the_picker_not_a_select(tree, lan, login):
    client = login(tree.grassroots_officer)
    url = f"/emulation/nominations/new/?unit={tree.g1.pk}"
    page = client.get(url).content.decode()
    assert '<select name="member"' not in page and '<datalist id="id_member-options">' in page
    assert f"field=member&amp;active=1&amp;unit={tree.g1.pk}" in page
    body = {"award_kind": kind("bang_khen_ldld").pk, "year": "2026", "achievements": "Thành tích."}
    elsewhere = make_member(tree.g3, "Vũ Thị Hoa")  # Cam Đường: in the province, not in g1
    outside = make_member(tree.g4, "Phan Thị Hạnh")  # Đà Nẵng
    for code in (elsewhere.code, outside.code, "KHONGCO"):
        page = client.post(url, {**form_data(client.get(url)), **body, "member": code}).content.decode()
        assert f"Không tìm thấy đoàn viên có mã “{code}”" in page
    assert not Nomination.objects.exists()
    response = client.post(url, {**form_data(client.get(url)), **body, "member": f" {lan.code.lower()} "})
    assert response.status_code == 302
    assert Nomination.objects.get().member == lan
