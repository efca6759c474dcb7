"""Login protection (issue 20 §3): locks per (username, address), short growing cool-off, per-address limit,
and the client address taken through a configured number of trusted proxies."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessAttemptExpiration, AccessFailureLog
from django.test import RequestFactory

from congdoan.core.login_protection import client_ip
from tests.factories import PASSWORD, UserFactory

A, B, PROXY = "203.0.113.7", "198.51.100.9", "10.0.0.2"


@pytest.fixture
def coso(db):
    return UserFactory(username="coso")


def attempt(client, username, password, **meta):
    meta.setdefault("REMOTE_ADDR", A)
    return client.post("/login/", {"username": username, "password": password}, **meta)


def fail(client, username, times=5, **meta):
    for _ in range(times):
        response = attempt(client, username, "sai-mat-khau", **meta)
        assert response.status_code in (200, 429)


def logs_in(client, username="coso", **meta):
    response = attempt(client, username, PASSWORD, **meta)
    if response.status_code == 302:
        client.logout()
        return True
    assert response.status_code == 429, response.status_code
    return False


def time_passes(minutes):
    """Move every recorded attempt back in time, as if ``minutes`` had passed."""
    delta = timedelta(minutes=minutes)
    for attempt_row in AccessAttempt.objects.all():
        attempt_row.attempt_time -= delta
        attempt_row.save(update_fields=["attempt_time"])
    for expiration in AccessAttemptExpiration.objects.all():
        expiration.expires_at -= delta
        expiration.save(update_fields=["expires_at"])
    for log in AccessFailureLog.objects.all():
        log.attempt_time -= delta
        log.save(update_fields=["attempt_time"])


def test_wrong_passwords_from_one_address_do_not_lock_the_officer_out_elsewhere(client, coso):
    fail(client, "coso", 5, REMOTE_ADDR=A)
    assert not logs_in(client, REMOTE_ADDR=A), "five failures lock the pair (coso, A)"
    assert logs_in(client, REMOTE_ADDR=B), "the same officer at another address is not locked"


def test_four_failures_do_not_lock_and_success_resets(client, coso):
    fail(client, "coso", 4)
    assert logs_in(client)
    fail(client, "coso", 4)
    assert logs_in(client), "the count restarted after the successful login"


def test_lockout_page_says_how_long_in_vietnamese(client, coso):
    fail(client, "coso", 5)
    response = attempt(client, "coso", PASSWORD)
    assert response.status_code == 429
    assert "Vui lòng thử lại sau 5 phút" in response.content.decode()


def test_the_cool_off_is_short_and_ends(client, coso):
    fail(client, "coso", 5)
    time_passes(4)
    assert not logs_in(client), "still locked after 4 of 5 minutes"
    time_passes(2)
    assert logs_in(client), "unlocked after the 5-minute cool-off"


def test_the_cool_off_doubles_with_each_lockout_of_the_pair(client, coso):
    fail(client, "coso", 5)
    time_passes(6)
    fail(client, "coso", 5)  # second lockout: 10 minutes
    response = attempt(client, "coso", PASSWORD)
    assert response.status_code == 429
    assert "sau 10 phút" in response.content.decode()
    time_passes(6)
    assert not logs_in(client), "the second lockout lasts longer than the first"
    time_passes(5)
    assert logs_in(client)
    assert logs_in(client, REMOTE_ADDR=B), "the other address was never affected"


def test_failures_during_a_lockout_do_not_prolong_it(client, coso):
    fail(client, "coso", 5)
    time_passes(3)
    fail(client, "coso", 10)
    time_passes(3)
    assert logs_in(client)


def test_one_address_guessing_many_usernames_is_locked_for_all(client, coso, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 30
    for n in range(10):
        fail(client, f"khong-co-{n}", 3, REMOTE_ADDR=A)  # 30 failures, never 5 on one username
    assert not logs_in(client, REMOTE_ADDR=A), "the address reached its limit across usernames"
    assert logs_in(client, REMOTE_ADDR=B)


def test_below_the_per_address_limit_an_office_keeps_logging_in(client, coso, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 30
    for n in range(9):
        fail(client, f"canbo-van-phong-{n}", 3, REMOTE_ADDR=A)  # 27 typos in one office behind one NAT
    assert logs_in(client, REMOTE_ADDR=A)


def test_behind_a_proxy_the_forwarded_address_is_locked_not_the_proxy(client, coso, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    fail(client, "coso", 5, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=A)
    assert not logs_in(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=A)
    assert logs_in(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=B), "everyone shares the proxy's address"
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {A}


def test_behind_a_proxy_a_client_cannot_spoof_another_address(client, coso, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The attacker at A writes B into the header; the proxy appends the address it really saw (A).
    fail(client, "coso", 5, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{B}, {A}")
    assert logs_in(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=B), "the officer at B is not locked out"
    assert not logs_in(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{B}, {A}")


def test_without_a_configured_proxy_the_header_is_ignored(client, coso, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    fail(client, "coso", 5, REMOTE_ADDR=A, HTTP_X_FORWARDED_FOR=B)
    assert not logs_in(client, REMOTE_ADDR=A, HTTP_X_FORWARDED_FOR="192.0.2.44"), (
        "rotating the header is no escape"
    )
    assert logs_in(client, REMOTE_ADDR=B)


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "1.1.1.1", PROXY),
        (1, "1.1.1.1", "1.1.1.1"),
        (1, "6.6.6.6, 1.1.1.1", "1.1.1.1"),
        (2, "6.6.6.6, 1.1.1.1, 10.0.0.9", "1.1.1.1"),
        (2, "1.1.1.1", PROXY),  # the header is shorter than the proxy chain: not from our proxies
        (1, "not-an-address", PROXY),
        (1, "", PROXY),
        (1, " 2001:db8::1 ", "2001:db8::1"),
    ],
)
def test_client_ip_counts_trusted_proxies_from_the_right(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
