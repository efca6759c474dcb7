"""Small request/response rules for the whole site: the API's one slash convention, NUL-free query strings and
no caching of anything shown to a signed-in user."""

from __future__ import annotations

from django.http import HttpResponseBadRequest, JsonResponse
from django.urls import get_urlconf, is_valid_path
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

API_PREFIX = "/api/"


class ApiSlashMiddleware:
    """``/api/v1/units/`` answers as ``/api/v1/units`` (and the other way round) — no redirect, any method;
    an API path matching no route answers a JSON 404.

    The API's paths have no trailing slash; a client that adds one gets the same answer instead of a 404 (or a
    redirect that drops a POST body).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith(API_PREFIX) and not is_valid_path(path, get_urlconf()):
            other = path[:-1] if path.endswith("/") else path + "/"
            if not is_valid_path(other, get_urlconf()):
                # e.g. /api/v1/units/abc: the API answers in JSON even where no route matches.
                return JsonResponse({"detail": _("Không tìm thấy.")}, status=404)
            prefix = request.path[: len(request.path) - len(path)]
            request.path_info, request.path = other, prefix + other
        return self.get_response(request)


class RefuseNulMiddleware:
    """A NUL character in a query parameter (``?q=%00``) is refused before any view: PostgreSQL cannot take it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "%00" in request.META.get("QUERY_STRING", ""):
            fields = sorted(
                {
                    key
                    for key, values in request.GET.lists()
                    if "\x00" in key or any("\x00" in v for v in values)
                }
            ) or ["__all__"]
            message = _("Tham số “%(field)s” chứa ký tự NUL không được phép.")
            if request.path_info.startswith(API_PREFIX):
                detail = {field: [message % {"field": field.replace("\x00", "")}] for field in fields}
                return JsonResponse({"detail": detail}, status=422)
            return HttpResponseBadRequest(
                message % {"field": fields[0].replace("\x00", "")}, content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every answer to a signed-in user and every API answer.

    Member pages, exports and the API carry personal data; no browser or proxy cache may keep them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        already = "no-store" in response.get("Cache-Control", "")  # a view that set it keeps its own header
        if (request.path_info.startswith(API_PREFIX) or signed_in) and not already:
            add_never_cache_headers(response)
        return response
