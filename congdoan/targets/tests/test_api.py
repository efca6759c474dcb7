import json
from decimal import Decimal

import pytest

pytestmark = pytest.mark.django_db


def test_the_api_lists_the_catalogue_and_assigns_targets(cat, client):
    t = cat.tree
    client.force_login(t.commune_officer)
    assert {"t_members", "t_founded"} <= {
        i["code"] for i in client.get("/api/v1/targets/indicators").json()["items"]
    }
    [form] = client.get("/api/v1/targets/forms").json()["items"]
    assert len(form["items"]) == 7
    body = {
        "assigned_by_id": t.bt.pk,
        "year": 2026,
        "decision_no": "7/QĐ",
        "targets": [{"unit_id": t.g1.pk, "indicator_id": cat.members.pk, "value": 80}],
    }
    assert (
        client.post("/api/v1/targets/assignments", body, content_type="application/json").json()["saved"] == 1
    )
    body["targets"][0]["unit_id"] = t.g4.pk
    assert (
        client.post("/api/v1/targets/assignments", body, content_type="application/json").status_code == 422
    )
    got = client.get(f"/api/v1/targets/assignments?unit_id={t.g1.pk}&year=2026").json()["items"]
    assert got[0]["value"] in ("80.00", 80, "80")
    evaluation = client.get(f"/api/v1/targets/evaluations/{t.g1.pk}?year=2026").json()
    assert evaluation["results"] and {r["unit_id"] for r in evaluation["results"]} == {t.g1.pk}


def test_the_api_runs_the_whole_workflow(cat, client):
    t = cat.tree
    client.force_login(t.grassroots_officer)
    opened = client.post(
        "/api/v1/targets/reports",
        {"unit_id": t.g1.pk, "form_id": cat.form.pk, "period": "2026-Q1"},
        content_type="application/json",
    ).json()
    rid = opened["id"]
    saved = client.put(
        f"/api/v1/targets/reports/{rid}",
        {"version": opened["version"], "values": {str(cat.members.pk): "40"}},
        content_type="application/json",
    )
    assert saved.status_code == 200
    stale = client.put(
        f"/api/v1/targets/reports/{rid}",
        {"version": opened["version"], "values": {}},
        content_type="application/json",
    )
    assert stale.status_code == 422 and "hãy kiểm tra rồi lưu lại" in str(stale.json())
    current = stale.json()["current"]  # the report as saved meanwhile, to show beside what was sent
    assert current["version"] == opened["version"] + 1
    assert [Decimal(v["value"]) for v in current["values"] if v["indicator_id"] == cat.members.pk] == [40]
    assert client.post(f"/api/v1/targets/reports/{rid}/submit").json()["status"] == "submitted"
    assert client.post(f"/api/v1/targets/reports/{rid}/approve").status_code == 403
    client.force_login(t.commune_officer)
    assert client.post(f"/api/v1/targets/reports/{rid}/approve").json()["status"] == "approved"
    assert client.post(f"/api/v1/targets/reports/{rid}/approve").status_code == 422
    rollup = client.get(f"/api/v1/targets/rollups/{t.bt.pk}?form_id={cat.form.pk}&period=2026-Q1").json()
    members = next(r for r in rollup["rows"] if r["code"] == "t_members")
    assert (
        float(members["children"]["value"]) == 40 and members["children"]["provisional"]
    )  # g2 has no report
    evaluation = client.get(f"/api/v1/targets/evaluations/{t.g1.pk}?year=2026").json()
    assert evaluation["total"] == 0


@pytest.mark.parametrize("value", [1e20, "1e20", "Infinity", 10**30])
def test_a_huge_report_value_through_the_api_is_refused_in_vietnamese(cat, client, value):
    t = cat.tree
    client.force_login(t.grassroots_officer)
    opened = client.post(
        "/api/v1/targets/reports",
        {"unit_id": t.g1.pk, "form_id": cat.form.pk, "period": "2026-Q1"},
        content_type="application/json",
    ).json()
    raw = "Infinity" if value == "Infinity" else json.dumps(value)  # Python's json reads a bare Infinity
    body = f'{{"version": {opened["version"]}, "values": {{"{cat.members.pk}": {raw}}}}}'
    response = client.put(f"/api/v1/targets/reports/{opened['id']}", body, content_type="application/json")
    assert response.status_code == 422, response.content
    assert "Số đoàn viên" in str(response.json()["detail"])
    assert client.get(f"/api/v1/targets/reports/{opened['id']}").json()["version"] == opened["version"]
