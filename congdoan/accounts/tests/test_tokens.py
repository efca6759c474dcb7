"""Personal API tokens: created on the profile page (secret shown once), used as Bearer, revoked."""

import datetime as dt
import re

from congdoan.accounts import services
from congdoan.accounts.models import ApiToken
from congdoan.audit.models import Event


def test_creating_a_token_on_the_profile_page_shows_the_secret_once(tree, login):
    client = login(tree.province_officer)
    page = client.post("/profile/", {"name": "Báo cáo Excel"}).content.decode()
    secret = re.search(r"<code>(cd_[^<]+)</code>", page).group(1)
    token = ApiToken.objects.get(user=tree.province_officer)
    assert token.name == "Báo cáo Excel" and token.digest == ApiToken.digest_of(secret)
    assert secret not in token.prefix + token.digest, "only a digest is stored"
    again = client.get("/profile/").content.decode()
    assert secret not in again and token.prefix in again and "Báo cáo Excel" in again
    assert Event.objects.filter(action="token.create", actor=tree.province_officer).exists()


def test_a_bearer_token_authenticates_the_api_as_its_owner(tree, client):
    _token, secret = services.token_create(user=tree.province_officer, name="Excel")
    response = client.get("/api/v1/units", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200
    assert {u["code"] for u in response.json()["items"]} >= {"LCI", "LCI.BT"}
    assert "DNG" not in {u["code"] for u in response.json()["items"]}
    assert ApiToken.objects.get(user=tree.province_officer).last_used_at is not None


def test_a_bearer_token_can_write_without_a_csrf_token(tree):
    from django.test import Client

    _token, secret = services.token_create(user=tree.province_officer, name="Excel")
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/api/v1/units/{tree.g2.pk}/dissolve",
        {"dissolved_on": "2025-12-31", "decision_no": "9/QĐ"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 200 and response.json()["code"] == tree.g2.code
    tree.g2.refresh_from_db()
    assert tree.g2.dissolved_on == dt.date(2025, 12, 31)


def test_a_revoked_or_wrong_token_gets_401(tree, client, login):
    token, secret = services.token_create(user=tree.province_officer, name="Excel")
    assert client.get("/api/v1/units", HTTP_AUTHORIZATION="Bearer cd_not-a-token").status_code == 401
    officer = login(tree.province_officer)
    response = officer.post(f"/profile/tokens/{token.pk}/revoke/", follow=True)
    assert "Đã thu hồi khoá API." in response.content.decode()
    officer.logout()
    assert client.get("/api/v1/units", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401
    assert Event.objects.filter(action="token.revoke").count() == 1


def test_an_inactive_users_token_gets_401(tree, client):
    _token, secret = services.token_create(user=tree.province_officer, name="Excel")
    tree.province_officer.is_active = False
    tree.province_officer.save()
    assert client.get("/api/v1/units", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401


def test_revoking_someone_elses_token_is_not_found_and_leaves_it_working(tree, login, client):
    token, secret = services.token_create(user=tree.other_province_officer, name="Đà Nẵng")
    response = login(tree.province_officer).post(f"/profile/tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_revoking_twice_says_so(tree, login):
    token, _secret = services.token_create(user=tree.province_officer, name="Excel")
    client = login(tree.province_officer)
    client.post(f"/profile/tokens/{token.pk}/revoke/")
    page = client.post(f"/profile/tokens/{token.pk}/revoke/", follow=True).content.decode()
    assert "đã bị thu hồi trước đó" in page


def test_revoking_needs_a_post(tree, login):
    token, _secret = services.token_create(user=tree.province_officer, name="Excel")
    assert login(tree.province_officer).get(f"/profile/tokens/{token.pk}/revoke/").status_code == 405


def test_the_profile_page_lists_only_the_users_own_tokens(tree, login):
    services.token_create(user=tree.other_province_officer, name="Khoá của Đà Nẵng")
    page = login(tree.province_officer).get("/profile/").content.decode()
    assert "Khoá của Đà Nẵng" not in page and "Chưa có khoá nào." in page
