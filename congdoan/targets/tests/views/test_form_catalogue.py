"""Report forms and their validation rules edited in the app (issue 19 §3)."""

import pytest

from congdoan.audit.models import Event
from congdoan.core.roles import Role
from congdoan.targets.models import FormIndicator, ReportForm, ReportValue, ValidationRule
from tests.factories import officer

from ..conftest import fill

pytestmark = pytest.mark.django_db


def _post_form(client, c, url, *, name, orders, period_type="Q", deadline="15", active=True):
    data = {"code": c.form.code, "name": name, "period_type": period_type, "deadline_days": deadline}
    if active:
        data["is_active"] = "on"
    for ind, order in orders.items():
        data[f"ind_{ind.pk}"] = str(order)
    return client.post(url, data)


def test_a_national_admin_edits_a_form_and_an_open_report_keeps_its_rows(cat, login):
    t = cat.tree
    report = fill(cat, t.g1, {cat.members: "10", cat.women: "4"})
    rows_before = list(report.values.order_by("order").values_list("indicator__code", "name", "value"))
    client = login(t.national_admin)

    response = _post_form(
        client,
        cat,
        f"/targets/forms/{cat.form.pk}/edit/",
        name="Báo cáo quý (mới)",
        orders={cat.dialogues: 1, cat.members: 2},
    )

    assert response.status_code == 302
    form = ReportForm.objects.get(pk=cat.form.pk)
    assert form.name == "Báo cáo quý (mới)" and form.deadline_days == 15
    assert list(
        FormIndicator.objects.filter(form=form).order_by("order").values_list("indicator", flat=True)
    ) == [
        cat.dialogues.pk,
        cat.members.pk,
    ]
    # The report opened before the change keeps exactly its rows, names and values.
    assert (
        list(report.values.order_by("order").values_list("indicator__code", "name", "value")) == rows_before
    )
    page = client.get(f"/targets/reports/{report.pk}/").content.decode()
    assert "Số đoàn viên nữ" in page  # an indicator removed from the form still shows in the old report
    # A report opened afterwards follows the new form.
    later = fill(cat, t.g2, {cat.members: "5"})
    assert list(later.values.order_by("order").values_list("indicator", flat=True)) == [
        cat.dialogues.pk,
        cat.members.pk,
    ]
    event = Event.objects.get(action="targets.form_edit")
    assert event.actor == t.national_admin
    assert event.before["indicators"][:2] == ["t_members", "t_women"]
    assert event.after["indicators"] == ["t_dialogues", "t_members"]
    # The rule about women (no longer on the form) went with it, and the audit log says so.
    assert not ValidationRule.objects.filter(form=form).exists()
    assert event.before["rules"] == ["t_women le t_members"] and event.after["rules"] == []


def test_the_period_type_of_a_form_with_reports_cannot_change(cat, login):
    t = cat.tree
    fill(cat, t.g1, {cat.members: "10"})
    client = login(t.national_admin)
    response = _post_form(
        client, cat, f"/targets/forms/{cat.form.pk}/edit/", name="x", orders={cat.members: 1}, period_type="Y"
    )
    assert response.status_code == 200
    assert "không đổi được kỳ báo cáo" in response.content.decode()
    assert ReportForm.objects.get(pk=cat.form.pk).period_type == "Q"


def test_a_form_without_indicators_is_refused_with_a_message(cat, login):
    client = login(cat.tree.national_admin)
    response = _post_form(client, cat, "/targets/forms/new/", name="Trống", orders={})
    assert response.status_code == 200
    assert "cần ít nhất một chỉ tiêu" in response.content.decode()
    assert ReportForm.objects.count() == 1


def test_a_new_form_and_a_rule_are_created_through_the_pages(cat, login):
    client = login(cat.tree.national_admin)
    data = {
        "code": "t_nam",
        "name": "Báo cáo năm",
        "period_type": "Y",
        "deadline_days": "30",
        "is_active": "on",
    }
    data |= {f"ind_{cat.members.pk}": "1", f"ind_{cat.women.pk}": "2"}
    assert client.post("/targets/forms/new/", data).status_code == 302
    form = ReportForm.objects.get(code="t_nam")
    response = client.post(
        f"/targets/forms/{form.pk}/rules/new/",
        {"left": cat.women.pk, "operator": "le", "right": cat.members.pk, "message": "Nữ ≤ tổng"},
    )
    assert response.status_code == 302
    assert form.rules.get().message == "Nữ ≤ tổng"
    assert Event.objects.filter(action="targets.rule_save").count() == 1
    # A rule about an indicator not on the form is refused, naming the field.
    response = client.post(
        f"/targets/forms/{form.pk}/rules/new/",
        {"left": cat.dialogues.pk, "operator": "le", "right": cat.members.pk, "message": "x"},
    )
    assert response.status_code == 200 and form.rules.count() == 1
    rule = form.rules.get()
    assert client.post(f"/targets/forms/{form.pk}/rules/{rule.pk}/delete/").status_code == 302
    assert not form.rules.exists()
    assert Event.objects.filter(action="targets.rule_delete").count() == 1
    assert "Báo cáo năm" in client.get("/targets/forms/").content.decode()


def test_officers_do_not_see_the_pages_and_provincial_admins_cannot_edit(cat, login):
    t = cat.tree
    client = login(t.province_officer)
    for url in ["/targets/forms/", "/targets/forms/new/", f"/targets/forms/{cat.form.pk}/edit/"]:
        assert client.get(url).status_code == 404, url
    provincial_admin = officer(t.lc, Role.ADMIN, username="tinh_qt")
    client = login(provincial_admin)
    assert client.get("/targets/forms/").status_code == 200
    assert client.get(f"/targets/forms/{cat.form.pk}/edit/").status_code == 403
    response = _post_form(
        client, cat, f"/targets/forms/{cat.form.pk}/edit/", name="Đổi", orders={cat.members: 1}
    )
    assert response.status_code == 403
    rule = cat.form.rules.get()
    assert client.post(f"/targets/forms/{cat.form.pk}/rules/{rule.pk}/delete/").status_code == 403
    assert ReportForm.objects.get(pk=cat.form.pk).name == "Báo cáo quý (thử)"
    assert cat.form.rules.exists()
    assert (
        not Event.objects.filter(action__startswith="targets.form")
        .exclude(action="targets.form_save")
        .exists()
    )


def test_report_values_count_is_unchanged_by_a_form_edit(cat, login):
    t = cat.tree
    report = fill(cat, t.g1, {cat.members: "10"})
    n = ReportValue.objects.filter(report=report).count()
    client = login(t.national_admin)
    _post_form(client, cat, f"/targets/forms/{cat.form.pk}/edit/", name="x", orders={cat.members: 1})
    assert ReportValue.objects.filter(report=report).count() == n
