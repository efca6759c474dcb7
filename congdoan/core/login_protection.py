"""Login protection on django-axes that an attacker cannot turn against the officers.

- The client address comes from ``REMOTE_ADDR`` or, behind ``TRUSTED_PROXY_COUNT`` reverse proxies, from the
  entry of ``X-Forwarded-For`` that the outermost trusted proxy appended (``client_ip``): what a client writes
  into the header itself stays to the left of it and is ignored.
- A username is locked per (username, client address): wrong passwords typed from one address never lock the
  same officer out at another address.
- The cool-off is short and doubles with every lockout of the same pair within a day (``cool_off``).
- Across usernames, one address gets ``LOGIN_ADDRESS_FAILURE_LIMIT`` failures before it is locked for every
  username (``LoginProtectionHandler``): guessing many accounts from one machine stops, while an office
  behind one NAT address still has room for its officers' typos.

Settings (``congdoan/settings.py``): ``AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], ["ip_address"]]``
with ``AXES_USE_ATTEMPT_EXPIRATION`` (each pair's lock ends at its own time).
"""

import ipaddress
from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessFailureLog
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

LOCKOUT_MEMORY = timedelta(days=1)  # lockouts of a pair older than this no longer lengthen the cool-off


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The client's address as the trusted proxies saw it (``AXES_CLIENT_IP_CALLABLE``).

    With ``TRUSTED_PROXY_COUNT = n`` the last ``n`` entries of ``X-Forwarded-For`` were written by our own
    proxies; the n-th from the right is the address that connected to the outermost one. Anything further
    left was sent by the client and is not trusted. A request that did not pass through all ``n`` proxies
    (too short a header) or a malformed entry falls back to ``REMOTE_ADDR``, the peer of this process.
    """
    remote = _valid_ip(request.META.get("REMOTE_ADDR", "") or "")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        return remote
    return _valid_ip(forwarded[-count]) or remote


def _lockouts(username, ip_address, now) -> int:
    return AccessFailureLog.objects.filter(
        username=username, ip_address=ip_address, locked_out=True, attempt_time__gte=now - LOCKOUT_MEMORY
    ).count()


def cool_off(request=None) -> timedelta:
    """``AXES_COOLOFF_TIME``: LOGIN_COOLOFF_MINUTES, doubled for each earlier lockout of this pair in a day.

    Capped at LOGIN_COOLOFF_MAX_MINUTES. The lockout being served (``request.axes_locked_out``) is already
    in the log, so it does not count against itself.
    """
    base = timedelta(minutes=settings.LOGIN_COOLOFF_MINUTES)
    cap = timedelta(minutes=settings.LOGIN_COOLOFF_MAX_MINUTES)
    if request is None or not hasattr(request, "axes_ip_address"):
        return base
    now = getattr(request, "axes_attempt_time", None) or timezone.now()
    earlier = _lockouts(get_client_username(request), request.axes_ip_address, now)
    if getattr(request, "axes_locked_out", False):
        earlier -= 1
    return min(base * 2 ** min(max(earlier, 0), 20), cap)


class LoginProtectionHandler(AxesDatabaseHandler):
    """Axes' database handler with a separate, larger limit for the per-address parameter.

    Attempts count while their own expiry (set from ``cool_off`` at the failure) lies ahead: a pair locked
    for 20 minutes stays locked for 20 minutes whatever cool-off another pair gets.
    """

    def get_user_attempts(self, request, credentials=None):
        now = getattr(request, "axes_attempt_time", None) or timezone.now()
        return [
            attempts.filter(expiration__expires_at__gt=now)
            for attempts in self.filter_user_attempts(request, credentials)
        ]

    def get_failures(self, request, credentials=None) -> int:
        sums = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        pair, per_address = (sums + [0, 0])[:2]
        if per_address >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(pair, settings.AXES_FAILURE_LIMIT)
        return pair
