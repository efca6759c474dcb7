"""The restructuring operations on the API, /api/v1/units…: same paths, scope and messages as the pages."""

import datetime as dt

import pytest

from congdoan.audit.models import Event
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit, UnitLink

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


def test_founding_through_the_api(api, tree):
    response = api(
        "post",
        "/units",
        {
            "parent_id": tree.bt.pk,
            "name": "CĐCS Công ty TNHH Vàng Phước Lộc",
            "kind": "grassroots",
            "founded_on": "2025-09-01",
            "decision_no": "44/QĐ",
            "sector": "non_state",
        },
    )
    assert response.status_code == 201
    assert response.json()["parent_id"] == tree.bt.pk and response.json()["sector"] == "non_state"


def test_an_invalid_operation_answers_422_in_vietnamese_and_saves_nothing(api, tree):
    links, events = UnitLink.objects.count(), Event.objects.count()
    response = api(
        "post", f"/units/{tree.bt.pk}/dissolve", {"dissolved_on": "2025-06-30", "decision_no": "1"}
    )
    assert response.status_code == 422
    assert "còn 2 đơn vị trực thuộc" in response.json()["detail"]["dissolved_on"][0]
    response = api(
        "post",
        f"/units/{tree.lc.pk}/reparent",
        {"new_parent_id": tree.bt.pk, "effective_on": "2025-07-01", "decision_no": "1"},
    )
    assert response.status_code == 403
    assert (UnitLink.objects.count(), Event.objects.count()) == (links, events)


def test_merge_split_and_dissolve_through_the_api(api, tree):
    response = api(
        "post",
        "/units/merge",
        {
            "source_ids": [tree.cd.pk],
            "target_id": tree.bt.pk,
            "effective_on": "2025-07-01",
            "decision_no": "M/1",
        },
    )
    assert response.status_code == 200 and response.json()["code"] == "LCI.BT"
    assert Unit.objects.get(pk=tree.cd.pk).status == UnitStatus.MERGED
    response = api(
        "post",
        f"/units/{tree.bt.pk}/split",
        {
            "parts": [
                {"name": "Công đoàn xã Bảo Thắng"},
                {"name": "Công đoàn phường Cam Đường", "code": "LCI.PCD"},
            ],
            "child_targets": {str(tree.g1.pk): 0, str(tree.g2.pk): 0, str(tree.g3.pk): 1},
            "effective_on": "2025-09-01",
            "decision_no": "S/1",
        },
    )
    assert response.status_code == 200, response.content
    assert [u["code"] for u in response.json()][1] == "LCI.PCD"
    response = api(
        "post", f"/units/{tree.g2.pk}/dissolve", {"dissolved_on": "2025-12-31", "decision_no": "G/1"}
    )
    assert response.status_code == 200 and response.json()["status"] == "dissolved"


def test_operations_on_outside_units_answer_404(api, tree):
    assert (
        api(
            "post",
            "/units/merge",
            {
                "source_ids": [tree.hc.pk],
                "target_id": tree.bt.pk,
                "effective_on": "2025-07-01",
                "decision_no": "1",
            },
        ).status_code
        == 404
    )
    assert (
        api(
            "post", f"/units/{tree.g4.pk}/dissolve", {"dissolved_on": "2025-07-01", "decision_no": "1"}
        ).status_code
        == 404
    )


def test_splitting_a_grassroots_union_through_the_api_places_its_members(api, tree):
    from congdoan.members.models import Member
    from congdoan.members.tests.conftest import admit_active

    an, binh = admit_active(tree.g1), admit_active(tree.g1, full_name="Trần Văn Bình")
    response = api(
        "post",
        f"/units/{tree.g1.pk}/split",
        {
            "parts": [{"name": "CĐCS Apatit Mỏ"}, {"name": "CĐCS Apatit Tuyển"}],
            "member_targets": {str(binh.pk): 1},
            "effective_on": "2025-09-01",
            "decision_no": "S/2",
        },
    )
    assert response.status_code == 200, response.content
    mo, tuyen = (u["id"] for u in response.json())
    assert Member.objects.get(pk=an.pk).unit_id == mo
    assert Member.objects.get(pk=binh.pk).unit_id == tuyen
    assert Member.objects.get(pk=binh.pk).code == binh.code
