"""The API as a federation's own software would use it: register, assess, recognise, revoke, figures."""

import pytest

from congdoan.culture import selectors
from congdoan.culture.models import Registration
from congdoan.culture.tests.conftest import authority, register

API = "/api/v1/culture"


@pytest.fixture
def grassroots(tree, client):
    client.force_login(tree.grassroots_officer)
    return client


def test_register_assess_and_read(tree, grassroots):
    register(tree.g1, 2024)
    body = {"unit_id": tree.g1.pk, "year": 2025, "culture_type": "enterprise", "registered_on": "10/02/2025"}
    created = grassroots.post(
        f"{API}/registrations", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1"
    )
    assert created.status_code == 201, created.content
    again = grassroots.post(
        f"{API}/registrations", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1"
    )
    assert again.json()["id"] == created.json()["id"] and Registration.objects.filter(year=2025).count() == 1
    pk = created.json()["id"]
    criteria = selectors.criteria_for(culture_type="enterprise", year=2025)
    items = [{"criterion_id": c.pk, "met": True, "note": f"Tiêu chí {c.number}"} for c in criteria]
    saved = grassroots.put(
        f"{API}/registrations/{pk}/assessment",
        {"items": items, "version": 0},
        content_type="application/json",
    )
    assert saved.status_code == 200, saved.content
    detail = saved.json()
    assert [a["met"] for a in detail["assessments"]] == [True] * 4
    assert detail["eligible"] is True and detail["eligibility_kind"] == "first"
    stale = grassroots.put(
        f"{API}/registrations/{pk}/assessment", {"items": [], "version": 0}, content_type="application/json"
    )
    assert stale.status_code == 422 and stale.json()["current"]["version"] == 1
    listed = grassroots.get(f"{API}/registrations", {"year": 2025}).json()
    assert listed["count"] == 1 and listed["items"][0]["unit_code"] == "LCI.BT.001"


def test_duplicate_and_refusals_answer_422_in_vietnamese(tree, grassroots):
    register(tree.g1, 2025)
    body = {"unit_id": tree.g1.pk, "year": 2025, "culture_type": "agency"}
    answer = grassroots.post(f"{API}/registrations", body, content_type="application/json")
    assert answer.status_code == 422
    assert "đã đăng ký năm 2025" in answer.json()["detail"]["year"][0]
    commune = grassroots.post(
        f"{API}/registrations", {**body, "unit_id": tree.bt.pk}, content_type="application/json"
    )
    assert commune.status_code == 404  # the commune union is outside the grassroots officer's scope


def test_recognise_revoke_and_figures(tree, history, client):
    client.force_login(tree.commune_officer)
    pk = history[2].pk
    body = {"authority_id": authority().pk, "number": "21/QĐ-UBND", "issued_on": "2025-12-22"}
    made = client.post(f"{API}/registrations/{pk}/recognition", body, content_type="application/json")
    assert made.status_code == 201, made.content
    assert made.json()["kind"] == "first" and made.json()["valid_until"] == "2030-12-21"
    refused = client.post(
        f"{API}/registrations/{history[3].pk}/recognition", body, content_type="application/json"
    )
    assert refused.status_code == 422 and "3/4" in refused.json()["detail"]["__all__"][0]
    figures = client.get(f"{API}/figures", {"unit_id": tree.bt.pk, "year": 2025}).json()
    assert (figures["grassroots"], figures["registered"], figures["recognised"]) == (2, 2, 1)
    assert figures["recognised_share"] == 50.0
    revoked = client.post(
        f"{API}/recognitions/{made.json()['id']}/revoke",
        {"revoked_on": "2025-12-30", "reason": "Vi phạm"},
        content_type="application/json",
    )
    assert revoked.status_code == 200 and revoked.json()["revoked_on"] == "2025-12-30"
    assert client.get(f"{API}/figures", {"unit_id": tree.bt.pk, "year": 2025}).json()["recognised"] == 0
    assert client.get(f"{API}/authorities").json()["count"] == 4
    assert client.get(f"{API}/criteria", {"culture_type": "agency", "year": 2025}).json()["count"] == 3
