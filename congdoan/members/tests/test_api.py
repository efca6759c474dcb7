import datetime as dt

from congdoan.members.models import AdmissionBatch, Member

from .conftest import admit_active, person

API = "/api/v1/members"


def _admit_payload(unit, **overrides):
    data = {**person(**overrides), "unit_id": unit.pk, "admitted_on": "2024-03-01", "decision_no": "01/QĐ"}
    data["date_of_birth"] = data["date_of_birth"].isoformat()
    return data


def test_the_api_runs_admission_approval_and_lifecycle(tree, login):
    coso = login(tree.grassroots_officer)
    r = coso.post(f"{API}/", _admit_payload(tree.g1), content_type="application/json")
    assert r.status_code == 201, r.content
    member_id = r.json()["id"]
    batch = AdmissionBatch.objects.get(members__id=member_id)
    assert coso.post(f"{API}/batches/{batch.pk}/submit").json()["status"] == "submitted"
    assert (
        coso.post(
            f"{API}/batches/{batch.pk}/approve", {"decision_no": "1"}, content_type="application/json"
        ).status_code
        == 403
    )
    tinh = login(tree.province_officer)
    approved = tinh.post(
        f"{API}/batches/{batch.pk}/approve", {"decision_no": "2"}, content_type="application/json"
    )
    assert approved.json()["status"] == "approved"
    detail = tinh.get(f"{API}/{member_id}").json()
    assert detail["code"].startswith("CD") and detail["stints"][0]["valid_from"] == "2024-03-01"
    r = tinh.post(
        f"{API}/{member_id}/leave",
        {"left_on": "2024-01-01", "reason": "retired", "decision_no": "3"},
        content_type="application/json",
    )
    assert r.status_code == 422 and "left_on" in r.json()["detail"]
    r = tinh.post(
        f"{API}/{member_id}/leave",
        {"left_on": "2024-12-31", "reason": "retired", "decision_no": "3"},
        content_type="application/json",
    )
    assert r.json()["status"] == "left"


def test_admitting_outside_scope_through_the_api_is_not_found(tree, login):
    r = login(tree.province_officer).post(f"{API}/", _admit_payload(tree.g4), content_type="application/json")
    assert r.status_code == 404
    assert not Member.objects.exists()


def test_a_cross_province_transfer_through_the_api_is_accepted_by_the_receiver(tree, login):
    m = admit_active(tree.g1, on=dt.date(2020, 1, 1))
    r = login(tree.province_officer).post(
        f"{API}/{m.pk}/transfer",
        {"to_unit_code": "DNG.HC.001", "effective_on": "2023-01-01", "decision_no": "5"},
        content_type="application/json",
    )
    assert r.status_code == 202
    danang = login(tree.other_province_officer)
    inbox = danang.get(f"{API}/transfers").json()["items"]
    assert [t["member_id"] for t in inbox] == [m.pk]
    assert danang.post(f"{API}/transfers/{inbox[0]['id']}/accept").json()["unit_id"] == tree.g4.pk


def test_search_and_statistics_through_the_api_are_scoped(tree, login):
    admit_active(tree.g1, full_name="Nguyễn Văn An", on=dt.date(2020, 1, 1))
    admit_active(tree.g4, full_name="Nguyễn Văn An", on=dt.date(2020, 1, 1))
    client = login(tree.province_officer)
    found = client.get(API, {"q": "nguyen van an"}).json()
    assert found["count"] == 1 and [m["unit_id"] for m in found["items"]] == [tree.g1.pk]
    s = client.get(f"{API}/statistics", {"unit_id": tree.lc.pk, "on": "2024-01-01"}).json()
    assert (
        s["total"] == 1 and {c["unit_name"]: c["total"] for c in s["children"]}["Công đoàn xã Bảo Thắng"] == 1
    )
    assert client.get(f"{API}/statistics", {"unit_id": tree.dn.pk}).status_code == 404
    assert login(tree.national_admin).get(f"{API}/statistics", {"unit_id": tree.root.pk}).json()["total"] == 2
