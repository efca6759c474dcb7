"""The REST API, /api/v1/. Every router filters through the same Scope as the pages."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import NinjaAPI

from congdoan.accounts.auth import api_auth
from congdoan.documents.api import router as documents_router
from congdoan.emulation.api import router as emulation_router
from congdoan.jobs.api import router as jobs_router
from congdoan.members.api import router as members_router
from congdoan.members.excel.api import router as members_excel_router
from congdoan.org.api import router as org_router
from congdoan.restructure import api as restructure_api
from congdoan.targets.api import router as targets_router
from congdoan.welfare.api import router as welfare_router

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


restructure_api.register(org_router)
api.add_router("/", org_router)
# Before the members router: its "/{member_id}" would take "/import" too.
api.add_router("/members", members_excel_router)
api.add_router("/members", members_router)
api.add_router("/targets", targets_router)
api.add_router("/welfare", welfare_router)
api.add_router("/emulation", emulation_router)
api.add_router("/documents", documents_router)
api.add_router("/jobs", jobs_router)
