"""The REST API, /api/v1/. Every router filters through the same Scope as the pages."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import NinjaAPI

from congdoan.accounts.auth import api_auth
from congdoan.org.api import router as org_router

api = NinjaAPI(
    title="congdoan API",
    version="1",
    description="API của hệ thống quản lý công tác Công đoàn. Xác thực bằng phiên đăng nhập hoặc khoá API cá nhân.",
    auth=api_auth,
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or "Không có quyền."}, status=403)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Không tìm thấy."}, status=404)


api.add_router("/", org_router)
