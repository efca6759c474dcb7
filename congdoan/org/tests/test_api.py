"""The organisation API, /api/v1/: the same scope and services as the pages."""

import datetime as dt

import pytest

from congdoan.org.models import Cluster

D = dt.date


@pytest.fixture
def api(tree, login):
    client = login(tree.province_officer)

    def call(method, url, body=None, **params):
        fn = getattr(client, method)
        if body is not None:
            return fn(f"/api/v1{url}", body, content_type="application/json")
        return fn(f"/api/v1{url}", params)

    return call


def codes(response) -> set[str]:
    data = response.json()
    items = data["items"] if isinstance(data, dict) and "items" in data else data
    return {u["code"] for u in items}


def test_the_openapi_schema_is_published(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "congdoan API"
    for path in [
        "/api/v1/units",
        "/api/v1/units/{unit_id}/children",
        "/api/v1/units/merge",
        "/api/v1/clusters",
    ]:
        assert path in schema["paths"], path


def test_the_api_needs_a_login(client, tree):
    assert client.get("/api/v1/units").status_code == 401


def test_listing_units_is_scoped_and_paginated(api):
    response = api("get", "/units")
    assert response.status_code == 200
    assert codes(response) == {"LCI", "LCI.BT", "LCI.CD", "LCI.BT.001", "LCI.BT.002", "LCI.CD.001"}
    assert response.json()["count"] == 6
    assert len(api("get", "/units", limit=2).json()["items"]) == 2


def test_searching_units_ignores_diacritics(api):
    assert codes(api("get", "/units", q="bao thang")) == {"LCI.BT"}
    assert "LCI" in codes(api("get", "/units", q="lao cai"))
    assert codes(api("get", "/units", q="da nang")) == set()


def test_filtering_units_by_kind_and_date(api, tree):
    assert codes(api("get", "/units", kind="commune")) == {"LCI.BT", "LCI.CD"}
    api(
        "post",
        "/units",
        {
            "parent_id": tree.bt.pk,
            "name": "CĐCS Mới",
            "kind": "grassroots",
            "founded_on": "2025-09-01",
            "decision_no": "1",
            "code": "LCI.BT.NEW",
        },
    )
    assert "LCI.BT.NEW" not in codes(api("get", "/units", on="2025-08-31"))
    assert "LCI.BT.NEW" in codes(api("get", "/units", on="2025-09-01"))
    assert codes(api("get", "/units", on="1999-12-31")) == set()


def test_unit_detail_and_outside_units(api, tree):
    data = api("get", f"/units/{tree.bt.pk}").json()
    assert (
        data["name"] == "Công đoàn xã Bảo Thắng"
        and data["kind"] == "commune"
        and data["parent_id"] == tree.lc.pk
    )
    assert api("get", f"/units/{tree.g4.pk}").status_code == 404
    assert api("get", "/units/999999").status_code == 404


def test_children_on_a_date_and_parent_history(api, tree):
    api(
        "post",
        f"/units/{tree.g1.pk}/reparent",
        {"new_parent_id": tree.cd.pk, "effective_on": "2025-07-01", "decision_no": "1030/QĐ"},
    )
    assert codes(api("get", f"/units/{tree.bt.pk}/children", on="2025-06-30")) == {"LCI.BT.001", "LCI.BT.002"}
    assert codes(api("get", f"/units/{tree.bt.pk}/children", on="2025-07-01")) == {"LCI.BT.002"}
    history = api("get", f"/units/{tree.g1.pk}/parents").json()["items"]
    assert [(h["parent_name"], h["valid_from"], h["valid_to"]) for h in history] == [
        ("Công đoàn xã Bảo Thắng", "2000-01-01", "2025-06-30"),
        ("Công đoàn phường Cam Đường", "2025-07-01", None),
    ]


def test_clusters_through_the_api(api, tree):
    body = {
        "owner_id": tree.lc.pk,
        "name": "Khối doanh nghiệp",
        "kind": "block",
        "year": 2026,
        "member_ids": [tree.g1.pk, tree.g2.pk, tree.g3.pk],
        "head_unit_id": tree.g1.pk,
    }
    response = api("post", "/clusters", body)
    assert response.status_code == 201
    cluster_id = response.json()["id"]
    assert sorted(response.json()["member_ids"]) == sorted([tree.g1.pk, tree.g2.pk, tree.g3.pk])
    response = api("put", f"/clusters/{cluster_id}", body | {"head_unit_id": tree.g3.pk})
    assert response.status_code == 200 and response.json()["head_unit_id"] == tree.g3.pk
    assert [c["id"] for c in api("get", "/clusters", year=2026).json()["items"]] == [cluster_id]
    assert api("get", "/clusters", year=2025).json() == {"items": [], "count": 0}
    response = api("post", f"/clusters/{cluster_id}/roll-over", {"year": 2027, "head_unit_id": tree.g2.pk})
    assert response.status_code == 201 and response.json()["year"] == 2027
    assert response.json()["head_unit_id"] == tree.g2.pk
    response = api("post", "/clusters", body | {"year": 2028, "head_unit_id": tree.cd.pk})
    assert response.status_code == 422 and "Cụm trưởng phải là một đơn vị thành viên." in str(response.json())
    assert Cluster.objects.count() == 2
    assert api("post", "/clusters", body | {"member_ids": [tree.g1.pk, tree.g4.pk]}).status_code == 404
