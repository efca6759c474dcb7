"""Hardening a user can observe: admin for superusers only, login throttling, argon2, CSRF, headers, secrets."""

import os
import subprocess
import sys

from django.conf import settings as django_settings
from django.contrib.auth.hashers import identify_hasher
from django.test import Client

from tests.factories import PASSWORD, UserFactory


def test_passwords_are_hashed_with_argon2(db):
    from congdoan import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    user = UserFactory()
    assert user.password.startswith("argon2$")
    assert identify_hasher(user.password).algorithm == "argon2"
    assert user.check_password(PASSWORD) and not user.check_password("sai")


def test_the_django_admin_refuses_a_staff_user_who_is_not_a_superuser(tree, client):
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    for url in ("/admin/", "/admin/org/unit/", "/admin/accounts/user/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), url


def test_the_django_admin_opens_for_a_superuser(tree, client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    home = client.get("/admin/")
    assert home.status_code == 200 and "Quản trị hệ thống Công đoàn" in home.content.decode()
    units = client.get("/admin/org/unit/")
    assert units.status_code == 200 and tree.lc.name in units.content.decode()


def test_officers_do_not_see_the_admin_link(tree, login):
    assert "/admin/" not in login(tree.province_officer).get("/").content.decode()


def _login(client, username, password):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR="10.0.0.7")


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(tree):
    client = Client()
    for _ in range(4):
        response = _login(client, "tinh", "sai-mat-khau")
        assert (
            response.status_code == 200
            and "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()
        )
    assert _login(client, "tinh", "sai-mat-khau").status_code == 429
    locked = _login(client, "tinh", PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked.
    assert _login(client, "xa", PASSWORD).status_code == 302


def test_the_lockout_page_is_in_vietnamese(tree):
    client = Client()
    for _ in range(5):
        _login(client, "tinh", "sai-mat-khau")
    assert "tạm bị khoá" in _login(client, "tinh", PASSWORD).content.decode()


def test_a_right_password_logs_in_and_lands_on_the_home_page(tree):
    client = Client()
    response = _login(client, "tinh", PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/"


def test_csrf_is_enforced_on_the_login_form_and_on_pages(tree):
    client = Client(enforce_csrf_checks=True)
    assert _login(client, "tinh", PASSWORD).status_code == 403
    client.force_login(tree.province_officer)
    response = client.post(
        f"/units/{tree.g2.pk}/dissolve/", {"dissolved_on": "2025-12-31", "decision_no": "1"}
    )
    assert response.status_code == 403
    page = client.get(f"/units/{tree.g2.pk}/dissolve/")
    token = page.cookies["csrftoken"].value
    response = client.post(
        f"/units/{tree.g2.pk}/dissolve/",
        {"dissolved_on": "2025-12-31", "decision_no": "1", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302


def test_csrf_is_enforced_on_the_api_with_a_session(tree):
    client = Client(enforce_csrf_checks=True)
    client.force_login(tree.province_officer)
    url, body = f"/api/v1/units/{tree.g2.pk}/dissolve", {"dissolved_on": "2025-12-31", "decision_no": "1"}
    assert client.post(url, body, content_type="application/json").status_code == 403
    token = client.get("/units/").cookies["csrftoken"].value
    response = client.post(url, body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200


def test_security_headers_are_sent(client, db):
    response = client.get("/login/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert client.cookies["csrftoken"]["samesite"] in ("Lax", "Strict")


def test_pages_need_a_login(client, tree):
    response = client.get("/units/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_the_settings_refuse_to_start_without_a_secret_key_when_debug_is_off():
    env = {**os.environ, "SECRET_KEY": "", "DEBUG": "false", "DJANGO_SETTINGS_MODULE": "congdoan.settings"}
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", "import congdoan.settings"],
        env=env,
        capture_output=True,
        text=True,
        cwd=django_settings.BASE_DIR,
        check=False,
    )
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr
