import datetime as dt

from congdoan.audit.models import Event
from congdoan.members.models import Member
from congdoan.party.models import Introduction

from .conftest import introduce

API = "/api/v1/party"
BODY = {
    "resolution_no": "05/NQ-CĐCS",
    "introduced_on": "01/03/2025",
    "party_cell": "Chi bộ Phân xưởng Tuyển quặng",
    "mentors": "Hoàng Văn Thụ",
}


def test_introduce_move_and_admit_through_the_api(tree, member, login):
    client = login(tree.grassroots_officer)
    made = client.post(
        f"{API}/introductions",
        {**BODY, "member_id": member.pk},
        content_type="application/json",
        headers={"Idempotency-Key": "k1"},
    )
    assert made.status_code == 201, made.content
    again = client.post(
        f"{API}/introductions",
        {**BODY, "member_id": member.pk},
        content_type="application/json",
        headers={"Idempotency-Key": "k1"},
    )
    assert again.json()["id"] == made.json()["id"] and Introduction.objects.count() == 1
    pk, version = made.json()["id"], made.json()["version"]
    moved = client.post(
        f"{API}/introductions/{pk}/move",
        {"to": "training", "on": "2025-04-01", "version": version},
        content_type="application/json",
    )
    assert moved.status_code == 200 and moved.json()["status"] == "training"
    stale = client.post(
        f"{API}/introductions/{pk}/move",
        {"to": "admitted", "on": "2026-01-05", "decision_no": "12-QĐ/ĐU", "version": version},
        content_type="application/json",
    )
    assert stale.status_code == 422 and stale.json()["current"]["status"] == "training"
    admitted = client.post(
        f"{API}/introductions/{pk}/move",
        {"to": "admitted", "on": "2026-01-05", "decision_no": "12-QĐ/ĐU", "version": version + 1},
        content_type="application/json",
    )
    assert admitted.status_code == 200 and admitted.json()["admitted_on"] == "2026-01-05"
    assert Member.objects.get(pk=member.pk).party_admitted_on == dt.date(2026, 1, 5)
    record = client.get(f"{API}/members/{member.pk}").json()
    assert record["party_status"] == "admitted" and len(record["introductions"]) == 1
    figures = client.get(
        f"{API}/figures", {"unit_id": tree.g1.pk, "start": "2026-01-01", "end": "2026-12-31"}
    )
    assert figures.json()["admitted"] == 1 and figures.json()["introduced"] == 0


def test_a_wrong_move_is_refused_naming_the_field(tree, member, login):
    intro = introduce(member)
    answer = login(tree.commune_officer).post(
        f"{API}/introductions/{intro.pk}/move",
        {"to": "admitted", "on": "2025-05-01"},
        content_type="application/json",
    )
    assert answer.status_code == 422 and "to" in answer.json()["detail"]


def test_reads_are_audited_and_viewers_refused(tree, member, login):
    intro = introduce(member)
    client = login(tree.province_officer)
    listed = client.get(f"{API}/introductions").json()
    assert listed["count"] == 1 and listed["items"][0]["member_name"] == "Lò Văn Pao"
    before = Event.objects.filter(action="party.read").count()
    assert client.get(f"{API}/introductions/{intro.pk}").status_code == 200
    assert Event.objects.filter(action="party.read").count() == before + 1
    viewer = login(tree.viewer)
    assert viewer.get(f"{API}/introductions").status_code == 403
    assert viewer.get(f"{API}/introductions/{intro.pk}").status_code == 403
    assert viewer.get(f"{API}/members/{member.pk}").status_code == 403


def test_the_member_api_and_search_keep_party_data_from_viewers(tree, member, login):
    """Regression: the members API returned the Party fields to a viewer and let a viewer search by them."""
    introduce(member)
    url = f"/api/v1/members/{member.pk}"
    officer = login(tree.province_officer).get(url).json()
    assert officer["party_status"] and officer["party_introduced_on"] == "2025-03-01"
    viewer = login(tree.viewer)
    seen = viewer.get(url)
    assert seen.status_code == 200 and seen.json()["full_name"] == "Lò Văn Pao"
    assert seen.json()["party_status"] is None and seen.json()["party_introduced_on"] is None
    refused = viewer.get("/api/v1/members", {"party_status": "introduced"})
    assert refused.status_code == 403 and "Đảng" in refused.json()["detail"]
    assert viewer.get("/api/v1/members").status_code == 200
    page = viewer.get("/members/").content.decode()
    assert 'name="party"' not in page
    assert 'name="party"' in login(tree.province_officer).get("/members/").content.decode()
