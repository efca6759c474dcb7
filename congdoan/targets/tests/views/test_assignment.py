import pytest

from congdoan.targets.models import TargetAssignment
from tests.forms import client_as, form_data

pytestmark = pytest.mark.django_db


def test_targets_are_assigned_on_one_screen_and_the_child_sees_them(cat, login):
    t = cat.tree
    client = login(t.commune_officer)
    data = {
        "decision_no": "12/QĐ-CĐX",
        "decision_date": "15/01/2026",
        f"t_{t.g1.pk}_{cat.members.pk}": "100",
        f"t_{t.g2.pk}_{cat.members.pk}": "50",
    }
    client.post(f"/targets/units/{t.bt.pk}/targets/?year=2026&ind={cat.members.pk}", data)
    assert TargetAssignment.objects.filter(assigned_by=t.bt, decision_no="12/QĐ-CĐX").count() == 2
    child = login(t.grassroots_officer).get(f"/targets/units/{t.g1.pk}/targets/?year=2026")
    assert "12/QĐ-CĐX" in child.content.decode()


def test_a_stale_target_grid_is_refused_and_the_first_officers_targets_kept(cat):
    """Two officers open the same grid; A saves, B saves from the stale page: B is refused, A's targets stay."""
    t = cat.tree
    url = f"/targets/units/{t.bt.pk}/targets/?year=2026&ind={cat.members.pk}"
    cell = f"t_{t.g1.pk}_{cat.members.pk}"
    a, b = client_as(t.commune_officer), client_as(t.province_officer)
    page_a, page_b = (
        form_data(a.get(url), having="grid_version"),
        form_data(b.get(url), having="grid_version"),
    )
    assert page_a["grid_version"] == page_b["grid_version"]

    a.post(url, {**page_a, "decision_no": "12/QĐ-CĐX", cell: "100"})
    refused = b.post(url, {**page_b, "decision_no": "13/QĐ-CĐX", cell: "80"}, follow=True)

    body = refused.content.decode()
    assert "Bản ghi đã được người khác sửa lúc" in body
    assert "hiện tại “100”, bạn đã nhập “80”" in body
    assert form_data(refused, having="grid_version")[cell] == "100"  # the grid shows the current target
    [target] = TargetAssignment.objects.filter(assigned_by=t.bt, unit=t.g1)
    assert (target.value, target.decision_no) == (100, "12/QĐ-CĐX")
    # Saved again from the refreshed page, B's change goes through.
    b.post(url, {**form_data(refused, having="grid_version"), "decision_no": "13/QĐ-CĐX", cell: "80"})
    assert TargetAssignment.objects.get(assigned_by=t.bt, unit=t.g1).value == 80


def test_a_stale_target_assignment_through_the_api_answers_422_with_the_current_targets(cat):
    t = cat.tree
    body = {
        "assigned_by_id": t.bt.pk,
        "year": 2026,
        "decision_no": "12/QĐ-CĐX",
        "targets": [{"unit_id": t.g1.pk, "indicator_id": cat.members.pk, "value": "100"}],
    }
    client = client_as(t.commune_officer)
    first = client.post("/api/v1/targets/assignments", body, content_type="application/json").json()
    second = client.post(
        "/api/v1/targets/assignments",
        {**body, "grid_version": first["grid_version"], "targets": [{**body["targets"][0], "value": "90"}]},
        content_type="application/json",
    )
    assert second.status_code == 200
    stale = client.post(
        "/api/v1/targets/assignments",
        {**body, "grid_version": first["grid_version"], "targets": [{**body["targets"][0], "value": "70"}]},
        content_type="application/json",
    )
    assert stale.status_code == 422
    assert [float(x["value"]) for x in stale.json()["current"]["targets"]] == [90]
    assert TargetAssignment.objects.get(assigned_by=t.bt, unit=t.g1).value == 90
