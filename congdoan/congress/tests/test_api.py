"""The congress API: plan a round, open and record a congress, add people within the caps."""

import json

from congdoan.congress.models import Congress

API = "/api/v1/congress"


def post(client, path, body, **extra):
    return client.post(API + path, json.dumps(body), content_type="application/json", **extra)


def test_plan_open_record_and_fill_through_the_api(tree, login):
    client = login(tree.province_officer)
    plan = post(
        client,
        "/plans",
        {
            "owner_id": tree.lc.pk,
            "name": "Kế hoạch đại hội 2023–2028",
            "term_start": 2023,
            "term_end": 2028,
            "deadlines": [{"unit_kind": "grassroots", "deadline": "31/03/2023"}],
        },
    )
    assert plan.status_code == 201, plan.content
    body = {"unit_id": tree.g1.pk, "start_year": 2023, "end_year": 2028}
    created = post(client, "/congresses", body, HTTP_IDEMPOTENCY_KEY="k-1")
    again = post(client, "/congresses", body, HTTP_IDEMPOTENCY_KEY="k-1")
    assert created.status_code == again.status_code == 201
    assert created.json()["id"] == again.json()["id"] and Congress.objects.count() == 1
    congress = created.json()
    assert congress["deadline"] == "2023-03-31" and congress["ordinal"] == 1
    recorded = post(
        client, f"/congresses/{congress['id']}/record", {"held_on": "10/03/2023", "members_count": 40}
    )
    assert recorded.status_code == 200 and recorded.json()["held_on"] == "2023-03-10"
    term = f"/terms/{congress['term_id']}/seats"
    for name in ("A", "B", "C"):
        assert post(client, term, {"kind": "executive", "full_name": f"Ủy viên {name}"}).status_code == 201
    refused = post(client, term, {"kind": "executive", "full_name": "Ủy viên D"})
    assert refused.status_code == 422 and "tối đa 3 ủy viên" in json.dumps(refused.json(), ensure_ascii=False)
    detail = client.get(f"{API}/plans/{plan.json()['id']}").json()
    assert detail["grassroots"]["total"] == 3 and detail["grassroots"]["held"] == 1
    units = client.get(f"{API}/plans/{plan.json()['id']}/units", {"state": "late"}).json()
    assert units["count"] == 2 and {u["code"] for u in units["items"]} == {tree.g2.code, tree.g3.code}
    listed = client.get(f"{API}/congresses").json()
    assert listed["count"] == 1


def test_a_plan_with_an_unknown_kind_is_refused_naming_it(tree, login):
    client = login(tree.province_officer)
    response = post(
        client,
        "/plans",
        {
            "owner_id": tree.lc.pk,
            "name": "X",
            "term_start": 2023,
            "term_end": 2028,
            "deadlines": [{"unit_kind": "khong-co", "deadline": "2023-03-31"}],
        },
    )
    assert response.status_code == 422 and "khong-co" in json.dumps(response.json(), ensure_ascii=False)
