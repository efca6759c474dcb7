"""Signing in: first-login password change, reset by e-mail link, two-factor codes, idle and ended sessions."""

import datetime as dt
import re

from django.conf import settings as project_settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from congdoan.accounts import services
from congdoan.accounts.middleware import TOUCHED
from congdoan.accounts.models import User
from congdoan.audit.models import Event
from congdoan.core.roles import Role
from congdoan.core.scoping import Scope
from tests.factories import PASSWORD

NEW_PASSWORD = "Hoa-sen-no-2026!"


def sign_in(username, password, client=None):
    client = client or Client()
    response = client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def code(device, ahead: int = 0) -> str:
    """The code the user's authenticator app shows now (or ``ahead`` steps later)."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + ahead):06d}"


def test_a_new_account_must_change_its_password_before_anything_else(tree, admins):
    user, password = services.user_create(
        scope=Scope.for_user(admins.lc),
        username="cs.moi",
        full_name="Cán bộ mới",
        unit=tree.g1,
        role=Role.OFFICER,
    )
    client = sign_in("cs.moi", password)
    for url in ("/", "/members/", "/profile/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/profile/password/?next="), (
            url
        )
    api = client.get("/api/v1/units")
    assert api.status_code == 403 and "đổi mật khẩu" in api.json()["detail"]
    page = client.get("/profile/password/?next=/members/").content.decode()
    assert "Hãy đặt mật khẩu mới của riêng bạn" in page
    refused = client.post(
        "/profile/password/",
        {"old_password": password, "new_password1": "123", "new_password2": "123"},
    )
    assert (
        refused.status_code == 200 and "Mật khẩu quá ngắn: cần ít nhất 8 ký tự." in refused.content.decode()
    )
    assert "This password" not in refused.content.decode()
    changed = client.post(
        "/profile/password/",
        {
            "old_password": password,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
            "next": "/members/",
        },
    )
    assert changed.status_code == 302 and changed["Location"] == "/members/"
    assert client.get("/").status_code == 200, "the session continues with the new password"
    user.refresh_from_db()
    assert not user.must_change_password and user.check_password(NEW_PASSWORD)
    assert Event.objects.filter(action="account.password_change", actor=user).exists()


def test_password_reset_by_email_link(tree):
    User.objects.filter(pk=tree.grassroots_officer.pk).update(
        email="coso@apatit.vn", must_change_password=True
    )
    client = Client()
    assert "/login/reset/" in client.get("/login/").content.decode()
    response = client.post("/login/reset/", {"email": "COSO@apatit.vn"})
    assert response.status_code == 302 and response["Location"] == "/login/reset/sent/"
    assert "Hãy kiểm tra hộp thư" in client.get(response["Location"]).content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["coso@apatit.vn"] and message.subject == "Đặt lại mật khẩu hệ thống Công đoàn"
    assert "Tên đăng nhập của bạn: coso" in message.body
    link = re.search(r"http://testserver(/login/reset/\S+/)", message.body).group(1)
    form_url = client.get(link)["Location"]  # Django swaps the token for a session marker
    assert "Đặt mật khẩu mới" in client.get(form_url).content.decode()
    done = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/login/reset/done/"
    user = User.objects.get(pk=tree.grassroots_officer.pk)
    assert user.check_password(NEW_PASSWORD) and not user.must_change_password
    assert Event.objects.filter(action="account.password_reset_email", actor=user).exists()
    assert "không còn dùng được" in client.get(link, follow=True).content.decode(), "the link works once"
    # An unknown address sends nothing and says the same (no account enumeration).
    assert client.post("/login/reset/", {"email": "ai@dau.vn"})["Location"] == "/login/reset/sent/"
    assert len(mail.outbox) == 1


def test_two_factor_enrolment_then_a_code_at_each_sign_in(tree):
    client = sign_in("tinh", PASSWORD)
    page = client.get("/profile/2fa/").content.decode()
    assert 'src="data:image/svg+xml' in page and "<script" not in page.split("</nav>", 1)[1]
    device = TOTPDevice.objects.get(user=tree.province_officer, confirmed=False)
    wrong = client.post("/profile/2fa/", {"token": "12ab"})
    assert "gồm đúng 6 chữ số" in wrong.content.decode()
    confirmed = client.post("/profile/2fa/", {"token": code(device)})
    assert confirmed.status_code == 302
    device.refresh_from_db()
    assert device.confirmed and Event.objects.filter(action="account.otp_enable").exists()
    assert client.get("/").status_code == 200, "this session was verified by the enrolment"

    other = sign_in("tinh", PASSWORD)
    response = other.get("/members/")
    assert response.status_code == 302 and response["Location"] == "/login/verify/?next=%2Fmembers%2F"
    bad = other.post(
        "/login/verify/?next=/members/", {"token": "000000" if code(device) != "000000" else "111111"}
    )
    assert "không đúng hoặc đã hết hạn" in bad.content.decode()
    device.refresh_from_db()
    device.throttle_reset()
    good = other.post("/login/verify/?next=/members/", {"token": code(device, ahead=1)})
    assert good.status_code == 302 and good["Location"] == "/members/"
    assert other.get("/members/").status_code == 200
    other.post("/profile/2fa/remove/")
    assert not TOTPDevice.objects.filter(user=tree.province_officer).exists()


def test_administrators_must_enrol_when_the_setting_requires_it(tree, admins, settings):
    settings.CONGDOAN_REQUIRE_2FA_FOR_ADMINS = True
    admin = sign_in("qt.laocai", PASSWORD)
    response = admin.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/profile/2fa/?next=")
    assert admin.get("/profile/2fa/").status_code == 200
    officer = sign_in("tinh", PASSWORD)
    assert officer.get("/").status_code == 200, "optional for officers"


def test_sign_out_of_all_other_sessions(tree):
    phone = sign_in("xa", PASSWORD)
    laptop = sign_in("xa", PASSWORD)
    response = laptop.post("/profile/sessions/end/")
    assert response.status_code == 302
    assert laptop.get("/").status_code == 200, "the session that asked stays signed in"
    assert phone.get("/").status_code == 302, "the other one is signed out"
    assert Event.objects.filter(action="account.sessions_end").count() == 1


def _session_row(client) -> Session:
    return Session.objects.get(session_key=client.cookies[project_settings.SESSION_COOKIE_NAME].value)


def _idle(client, seconds: int) -> None:
    """As if the session's last stamp were ``seconds`` ago: its end and its stamp moved back that much."""
    session = SessionStore(session_key=client.cookies[project_settings.SESSION_COOKIE_NAME].value)
    session[TOUCHED] = session[TOUCHED] - seconds
    session.save()  # the row's end: now + SESSION_COOKIE_AGE, moved back below
    Session.objects.filter(session_key=session.session_key).update(
        expire_date=timezone.now() + dt.timedelta(seconds=project_settings.SESSION_COOKIE_AGE - seconds)
    )


def test_a_session_ends_after_its_idle_time(tree):
    assert 0 < project_settings.SESSION_COOKIE_AGE <= 24 * 3600
    client = sign_in("xa", PASSWORD)
    assert client.get("/").status_code == 200
    _idle(client, project_settings.SESSION_COOKIE_AGE + 1)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_activity_within_the_idle_time_keeps_the_session_alive(tree):
    client = sign_in("xa", PASSWORD)
    age = project_settings.SESSION_COOKIE_AGE
    _idle(client, age - 30)  # 30 s left
    assert client.get("/").status_code == 200
    left = (_session_row(client).expire_date - timezone.now()).total_seconds()
    assert left > age - 60, "the page view pushed the end back by the full idle time"
    _idle(client, age - 30)
    assert client.get("/members/").status_code == 200, "still signed in"


def test_page_views_within_a_minute_write_no_session_row(tree):
    client = sign_in("xa", PASSWORD)
    client.get("/")  # the first page after signing in may stamp the session
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
        assert client.get("/members/").status_code == 200
    writes = [q["sql"] for q in queries if "django_session" in q["sql"] and not q["sql"].startswith("SELECT")]
    assert writes == []


def test_signing_out_everywhere_also_defeats_an_old_secret_key(tree, settings):
    """A session signed with a retired SECRET_KEY (SECRET_KEY_FALLBACKS) ends too."""
    user = tree.commune_officer
    old_key = settings.SECRET_KEY
    before = user.get_session_auth_hash()
    settings.SECRET_KEY_FALLBACKS = [old_key]
    settings.SECRET_KEY = "a-new-key-after-rotation-0123456789"
    assert before in list(user.get_session_auth_fallback_hash())
    services.sessions_end_all(user=user)
    assert before not in [user.get_session_auth_hash(), *user.get_session_auth_fallback_hash()]


def test_a_temporary_password_is_hashed_cheaply_then_rehashed_at_full_cost_on_sign_in(tree, admins, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    user, password = services.user_create(
        scope=Scope.for_user(admins.lc),
        username="cs.re",
        full_name="Băm lại",
        unit=tree.g1,
        role=Role.OFFICER,
    )
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=4096,t=1,p=1$")
    sign_in("cs.re", password)
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$v=19$m=102400,t=2,p=8$"), "Django's full-cost Argon2"
    assert user.check_password(password)
