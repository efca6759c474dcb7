"""Small request/response rules for the whole site: the API's one slash convention, NUL-free query strings and
no caching of anything shown to a signed-in user."""

from __future__ import annotations

from django.http import JsonResponse, QueryDict
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
    """A NUL character in a query parameter (``?q=%00``) never reaches a view: PostgreSQL cannot take it.

    The API refuses it (422 naming the parameter); pages drop the character and go on (a search box that
    received a pasted NUL still answers).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query:
            if request.path_info.startswith(API_PREFIX):
                fields = sorted(
                    {
                        k
                        for k, values in request.GET.lists()
                        if "\x00" in k or any("\x00" in v for v in values)
                    }
                ) or ["__all__"]
                message = _("Tham số “%(field)s” chứa ký tự NUL không được phép.")
                detail = {field: [message % {"field": field.replace("\x00", "")}] for field in fields}
                return JsonResponse({"detail": detail}, status=422)
            clean = query.replace("%00", "")
            request.META["QUERY_STRING"] = clean
            request.GET = QueryDict(clean, encoding=request.encoding)
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
