"""The finance API: open a roll (idempotent), fill it (version checked), post, import, collection."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from .conftest import payroll_xlsx

pytestmark = pytest.mark.django_db
API = "/api/v1/finance"


def test_a_treasurer_runs_a_month_through_the_api(tree, staff, login):
    client = login(tree.grassroots_officer)
    url = f"{API}/units/{tree.g1.pk}/rolls"
    first = client.post(
        url, {"month": "2025-07-01"}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1"
    )
    again = client.post(
        url, {"month": "2025-07-01"}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1"
    )
    assert first.status_code == 201 and again.json()["id"] == first.json()["id"]
    roll = first.json()
    assert len(roll["lines"]) == 3
    an = staff["an"].pk
    body = {"version": roll["version"], "lines": [{"member_id": an, "pay": "10.000.000"}]}
    saved = client.put(f"{API}/rolls/{roll['id']}/lines", body, content_type="application/json")
    assert saved.status_code == 200 and saved.json()["due"] == 50_000
    stale = client.put(f"{API}/rolls/{roll['id']}/lines", body, content_type="application/json")
    assert stale.status_code == 422 and stale.json()["current"]["due"] == 50_000
    bad = SimpleUploadedFile("l.xlsx", payroll_xlsx([["X1", "Ai", 1]]))
    refused = client.post(f"{API}/rolls/{roll['id']}/import", {"file": bad})
    assert refused.status_code == 422 and "X1" in str(refused.json())
    version = saved.json()["version"]
    posted = client.post(
        f"{API}/rolls/{roll['id']}/post", {"version": version}, content_type="application/json"
    )
    assert posted.json()["status"] == "posted"
    listed = client.get(url).json()
    assert listed["count"] == 1
    collection = (
        login(tree.province_officer).get(f"{API}/units/{tree.lc.pk}/collection", {"year": 2025}).json()
    )
    assert (collection["dues_due"], collection["dues_paid"]) == (50_000, 50_000)
