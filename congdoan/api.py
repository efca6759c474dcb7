"""The REST API, /api/v1/. Every router filters through the same Scope as the pages.

One style (congdoan.core.api): lists paged as ``{items, count}``, errors as ``{"detail": …}`` in Vietnamese,
401/403/404/422 documented on every operation, no trailing slash (the other spelling answers the same,
congdoan.core.middleware.ApiSlashMiddleware).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from congdoan.accounts.auth import api_auth
from congdoan.congress.api import router as congress_router
from congdoan.core.api import (
    NulRefusingParser,
    document_error_statuses,
    http_error_message,
    validation_detail,
)
from congdoan.culture.api import router as culture_router
from congdoan.documents.api import router as documents_router
from congdoan.emulation.api import router as emulation_router
from congdoan.finance.api import router as finance_router
from congdoan.history.api import router as history_router
from congdoan.jobs.api import router as jobs_router
from congdoan.members.api import router as members_router
from congdoan.members.excel.api import router as members_excel_router
from congdoan.org.api import router as org_router
from congdoan.party.api import router as party_router
from congdoan.restructure import api as restructure_api
from congdoan.targets.api import router as targets_router
from congdoan.welfare.api import router as welfare_router


class CongdoanApi(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return document_error_statuses(schema)


api = CongdoanApi(
    title="congdoan API",
    version="1",
    description=(
        "API của hệ thống quản lý công tác Công đoàn. Xác thực bằng phiên đăng nhập hoặc khoá API cá nhân "
        "(Authorization: Bearer …). Danh sách trả về {items, count}, phân trang bằng limit (1–500) và offset; "
        'lỗi trả về {"detail": …} bằng tiếng Việt, lỗi dữ liệu theo từng trường.'
    ),
    auth=api_auth,
    urls_namespace="api",
    parser=NulRefusingParser(),
)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(NinjaValidationError)
def schema_validation_error(request, exc: NinjaValidationError):
    return api.create_response(request, {"detail": validation_detail(exc.errors)}, status=422)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    message = http_error_message(exc.status_code, str(exc))
    return api.create_response(request, {"detail": message}, status=exc.status_code)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return api.create_response(request, {"detail": str(exc) or _("Không có quyền.")}, status=403)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Không tìm thấy.")}, status=404)


@api.get("/", auth=None, include_in_schema=False)
def index(request):
    """/api/v1/: where the documentation and the OpenAPI spec are."""
    return {
        "name": api.title,
        "version": api.version,
        "docs": request.build_absolute_uri(reverse("api:openapi-view")),
        "openapi": request.build_absolute_uri(reverse("api:openapi-json")),
    }


restructure_api.register(org_router)
api.add_router("/", org_router)
# Before the members router: its "/{member_id}" would take "/import" too.
api.add_router("/members", members_excel_router)
api.add_router("/members", members_router)
api.add_router("/targets", targets_router)
api.add_router("/welfare", welfare_router)
api.add_router("/emulation", emulation_router)
api.add_router("/finance", finance_router)
api.add_router("/congress", congress_router)
api.add_router("/culture", culture_router)
api.add_router("/party", party_router)
api.add_router("/history", history_router)
api.add_router("/documents", documents_router)
api.add_router("/jobs", jobs_router)
