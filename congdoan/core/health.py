"""``/healthz`` for load balancers: can this process reach its database and its cache?

No login, no personal data, never cached: ``{"status": "ok", "database": "ok", "cache": "ok"}`` with 200,
or the failing part marked ``"error"`` with 503 so the balancer takes the process out of rotation.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

log = logging.getLogger(__name__)


def _database_ok() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means "not healthy"; the reason goes to the log only
        log.exception("healthz: database check failed")
        return False


def _cache_ok() -> bool:
    key, value = "healthz:probe", uuid.uuid4().hex
    try:
        cache.set(key, value, 10)
        return cache.get(key) == value
    except Exception:
        log.exception("healthz: cache check failed")
        return False


@never_cache
@require_safe
def healthz(request):
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "error"} | {k: "ok" if v else "error" for k, v in checks.items()}
    return JsonResponse(body, status=200 if healthy else 503)
