"""/healthz for load balancers: database and cache checked, no login, nothing personal, never cached."""

import pytest
from django.core.cache import cache
from django.db.utils import OperationalError


@pytest.mark.django_db
def test_healthz_answers_ok_without_login(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert "Set-Cookie" not in response.headers, "a probe every few seconds must not create sessions"


@pytest.mark.django_db
def test_healthz_reports_a_broken_database_with_503(client, monkeypatch):
    def broken(self, *args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "ok"}


@pytest.mark.django_db
def test_healthz_reports_a_broken_cache_with_503(client, monkeypatch):
    monkeypatch.setattr(cache, "get", lambda *a, **k: None)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "error"


@pytest.mark.django_db
def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_healthz_is_exempt_from_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/login/").status_code == 301
