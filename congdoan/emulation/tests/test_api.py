"""The API runs the same year as the pages: pledge, scores, ranking, nomination, council, decision, history."""

import pytest

from .conftest import SHEET


@pytest.fixture
def api(client):
    def call(user, method, url, body=None):
        client.force_login(user)
        kwargs = {"content_type": "application/json", "data": body} if body is not None else {}
        response = getattr(client, method)(f"/api/v1/emulation{url}", **kwargs)
        return response.status_code, response.json()

    return call


def test_a_year_through_the_api(tree, block, lan, api):
    officer = tree.province_officer
    status, pledge = api(
        officer,
        "put",
        f"/clusters/{block.pk}/pledge",
        {
            "content": "Giao ước năm 2026",
            "criteria": [{"name": n, "max_points": p} for n, p in SHEET],
            "signatories": [
                {"unit_id": u.pk, "signer_name": "Người ký"} for u in (tree.bt, tree.cd, tree.g1)
            ],
        },
    )
    assert status == 200 and pledge["status"] == "draft" and len(pledge["criteria"]) == 7
    assert (
        api(officer, "post", f"/pledges/{pledge['id']}/sign", {"signed_on": "2026-01-20"})[1]["status"]
        == "signed"
    )
    for unit, first in ((tree.bt, 20), (tree.cd, 19), (tree.g1, 18)):
        points = {str(c["id"]): c["max_points"] for c in pledge["criteria"]}
        points[str(pledge["criteria"][0]["id"])] = first
        assert api(officer, "post", f"/pledges/{pledge['id']}/scores/{unit.pk}", {"points": points})[0] == 200
    too_many = {str(pledge["criteria"][0]["id"]): 21}
    status, body = api(officer, "post", f"/pledges/{pledge['id']}/reviews/{tree.g1.pk}", {"points": too_many})
    assert status == 422 and "từ 0 đến 20" in str(body["detail"])
    status, ranking = api(officer, "post", f"/pledges/{pledge['id']}/rank")
    assert [r["unit_id"] for r in ranking] == [tree.bt.pk, tree.cd.pk, tree.g1.pk]

    status, nomination = api(
        tree.grassroots_officer,
        "post",
        "/nominations",
        {
            "proposing_unit_id": tree.g1.pk,
            "award_kind": "bang_khen_ldld",
            "year": 2026,
            "member_id": lan.pk,
            "achievements": "Thành tích xuất sắc",
        },
    )
    assert status == 201 and nomination["granting_unit_id"] == tree.lc.pk
    api(tree.grassroots_officer, "post", f"/nominations/{nomination['id']}/submit")
    status, council = api(
        officer,
        "post",
        "/councils",
        {
            "granting_unit_id": tree.lc.pk,
            "year": 2026,
            "held_on": "2026-12-01",
            "members_total": 9,
            "members_present": 8,
        },
    )
    assert status == 201 and council["has_quorum"]
    status, voted = api(
        officer,
        "post",
        f"/nominations/{nomination['id']}/council",
        {
            "council_id": council["id"],
            "accept": True,
            "votes_for": 8,
        },
    )
    assert status == 200 and voted["status"] == "accepted" and voted["votes_for"] == 8
    status, decision = api(
        officer,
        "post",
        "/decisions",
        {
            "issuing_unit_id": tree.lc.pk,
            "number": "300/QĐ-LĐLĐ",
            "issued_on": "2026-12-10",
            "signer_name": "A",
            "signer_title": "Chủ tịch",
            "year": 2026,
            "nomination_ids": [nomination["id"]],
        },
    )
    assert status == 201
    status, history = api(tree.grassroots_officer, "get", f"/history/members/{lan.pk}")
    assert [h["decision_number"] for h in history["items"]] == ["300/QĐ-LĐLĐ"]
    status, figures = api(officer, "get", f"/figures?unit_id={tree.lc.pk}&year=2026")
    assert (figures["total"], figures["women"]) == (1, 1)
    assert api(tree.other_province_officer, "get", f"/decisions/{decision['id']}")[0] == 404


def test_the_api_refuses_a_nomination_the_rules_exclude(tree, api):
    from congdoan.core.dates import today

    from .helpers import make_member

    newcomer = make_member(tree.g1, "Người mới", joined=today())
    status, body = api(
        tree.grassroots_officer,
        "post",
        "/nominations",
        {
            "proposing_unit_id": tree.g1.pk,
            "award_kind": "bang_khen_ldld",
            "year": today().year,
            "member_id": newcomer.pk,
            "achievements": "x",
        },
    )
    assert status == 422 and "chưa đủ 10 tháng" in str(body["detail"])
