"""Vietnamese error pages, also when DEBUG is on (the demo runs with DEBUG=1).

Django answers an unknown URL or an ``Http404`` with its English technical page when DEBUG is on, and an
uncaught exception with the technical 500 page (a traceback, settings included). Officers use the demo:
``FriendlyErrorsMiddleware`` serves ``404.html`` and ``500.html`` instead, and logs the exception as Django
would. The API keeps its JSON answers; ``handler500`` renders ``500.html`` with the request (static files).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger("django.request")

_EXEMPT_PREFIXES = ("/api/", "/static/", "/media/")


def _is_page(request, response=None) -> bool:
    if request.path.startswith(_EXEMPT_PREFIXES):
        return False
    if response is None:
        return True
    return response.get("Content-Type", "").startswith("text/html")


def render_not_found(request) -> HttpResponseNotFound:
    return HttpResponseNotFound(loader.render_to_string("404.html", request=request))


@requires_csrf_token
def server_error(request, *args, **kwargs) -> HttpResponseServerError:
    """``handler500``: the Vietnamese page, rendered with the request (falls back to no context)."""
    try:
        body = loader.render_to_string("500.html", request=request)
    except Exception:  # noqa: BLE001 - the page itself must not fail: render it without the request
        body = loader.render_to_string("500.html")
    return HttpResponseServerError(body)


class FriendlyErrorsMiddleware:
    """With DEBUG on, replace Django's technical 404 and 500 pages by the Vietnamese ones."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            settings.DEBUG
            and response.status_code == 404
            and getattr(request, "resolver_match", None) is None
            and _is_page(request, response)
        ):
            # An unknown URL: Django built its technical page before any view ran.
            response = render_not_found(request)
        return response

    def process_exception(self, request, exception):
        if not settings.DEBUG or not _is_page(request):
            return None
        if isinstance(exception, Http404):
            return render_not_found(request)
        if not _is_handled_by_django(exception):
            logger.error("Internal Server Error: %s", request.path, exc_info=exception)
            return server_error(request)
        return None


def _is_handled_by_django(exception: Exception) -> bool:
    """403, 400 and friends already have their own (Vietnamese) pages, whatever DEBUG says."""
    return isinstance(exception, PermissionDenied | BadRequest | SuspiciousOperation)
