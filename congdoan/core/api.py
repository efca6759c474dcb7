"""What every router of /api/v1/ shares: the error body, the one pagination, Vietnamese validation messages,
the NUL-refusing parser and the error statuses every operation documents.

One style (issue 20): every list answers ``{"items": [...], "count": n}`` paged by ``limit`` (1–500) and
``offset`` (0–10^9); a malformed parameter or body answers 422 ``{"detail": {"<field>": ["<message>"]}}`` in
Vietnamese, the same shape as a service's refusal.
"""

import json
from typing import Annotated, Any

from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.pagination import PaginationBase
from ninja.parser import Parser

MAX_LIMIT = 500
MAX_OFFSET = 10**9
DEFAULT_LIMIT = 50


class Error(Schema):
    """An error: a sentence, or the messages per field (``{"amount": ["…"]}``)."""

    detail: str | dict[str, list[str]]


class LimitOffset(PaginationBase):
    """``?limit=&offset=`` bounded so that no value reaches the database as an out-of-range number."""

    class Input(Schema):
        limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Số dòng một trang (1–500)")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Bỏ qua bao nhiêu dòng đầu")

    class Output(Schema):
        items: list[Any]
        count: int

    def paginate_queryset(self, queryset, pagination: Input, request, **params):
        offset, limit = pagination.offset, pagination.limit
        return {"items": list(queryset[offset : offset + limit]), "count": self._items_count(queryset)}


# --- Validation messages: pydantic's error types as Vietnamese sentences naming the field. ---

_SOURCES = {"query", "path", "body", "form", "file", "header", "cookie"}


def field_name(loc: tuple | list) -> str:
    """("query", "limit") → "limit"; ("body", "payload", "amount") → "amount"; ("body", "payload") → "__all__"."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in _SOURCES:
        source = parts.pop(0)
        if source in {"body", "form"} and len(parts) >= 1 and parts[0] in {"payload", "data"}:
            parts.pop(0)
    return ".".join(parts) or "__all__"


def _messages() -> dict[str, str]:
    return {
        "missing": _("Thiếu trường “%(field)s”."),
        "int_parsing": _("Trường “%(field)s” phải là một số nguyên."),
        "int_type": _("Trường “%(field)s” phải là một số nguyên."),
        "int_from_float": _("Trường “%(field)s” phải là một số nguyên."),
        "int_parsing_size": _("Trường “%(field)s” quá lớn."),
        "float_parsing": _("Trường “%(field)s” phải là một số."),
        "float_type": _("Trường “%(field)s” phải là một số."),
        "decimal_parsing": _("Trường “%(field)s” phải là một số."),
        "decimal_type": _("Trường “%(field)s” phải là một số."),
        "finite_number": _("Trường “%(field)s” phải là một số hữu hạn."),
        "decimal_max_digits": _("Trường “%(field)s” có quá nhiều chữ số."),
        "decimal_max_places": _("Trường “%(field)s” có quá nhiều chữ số thập phân."),
        "decimal_whole_digits": _("Trường “%(field)s” có quá nhiều chữ số."),
        "greater_than_equal": _("Trường “%(field)s” phải lớn hơn hoặc bằng %(ge)s."),
        "greater_than": _("Trường “%(field)s” phải lớn hơn %(gt)s."),
        "less_than_equal": _("Trường “%(field)s” phải nhỏ hơn hoặc bằng %(le)s."),
        "less_than": _("Trường “%(field)s” phải nhỏ hơn %(lt)s."),
        "string_type": _("Trường “%(field)s” phải là một chuỗi ký tự."),
        "string_too_long": _("Trường “%(field)s” dài quá %(max_length)s ký tự."),
        "string_too_short": _("Trường “%(field)s” phải có ít nhất %(min_length)s ký tự."),
        "string_pattern_mismatch": _("Trường “%(field)s” không đúng định dạng."),
        "bool_parsing": _("Trường “%(field)s” phải là true hoặc false."),
        "bool_type": _("Trường “%(field)s” phải là true hoặc false."),
        "date_parsing": _("Trường “%(field)s” phải là một ngày (dd/mm/yyyy hoặc yyyy-mm-dd)."),
        "date_type": _("Trường “%(field)s” phải là một ngày (dd/mm/yyyy hoặc yyyy-mm-dd)."),
        "date_from_datetime_parsing": _("Trường “%(field)s” phải là một ngày (dd/mm/yyyy hoặc yyyy-mm-dd)."),
        "date_from_datetime_inexact": _("Trường “%(field)s” phải là một ngày, không kèm giờ."),
        "datetime_parsing": _("Trường “%(field)s” phải là ngày giờ (yyyy-mm-ddThh:mm)."),
        "datetime_type": _("Trường “%(field)s” phải là ngày giờ (yyyy-mm-ddThh:mm)."),
        "datetime_from_date_parsing": _("Trường “%(field)s” phải là ngày giờ (yyyy-mm-ddThh:mm)."),
        "list_type": _("Trường “%(field)s” phải là một danh sách."),
        "too_long": _("Trường “%(field)s” có quá nhiều phần tử."),
        "too_short": _("Trường “%(field)s” có quá ít phần tử."),
        "dict_type": _("Trường “%(field)s” phải là một đối tượng JSON."),
        "model_type": _("Trường “%(field)s” phải là một đối tượng JSON."),
        "model_attributes_type": _("Trường “%(field)s” phải là một đối tượng JSON."),
        "json_invalid": _("Nội dung gửi lên không phải JSON hợp lệ."),
        "json_type": _("Nội dung gửi lên không phải JSON hợp lệ."),
        "literal_error": _("Trường “%(field)s” phải là một trong các giá trị: %(expected)s."),
        "enum": _("Trường “%(field)s” phải là một trong các giá trị: %(expected)s."),
        "extra_forbidden": _("Trường “%(field)s” không được chấp nhận."),
        "uuid_parsing": _("Trường “%(field)s” phải là một mã UUID."),
    }


def error_message(error: dict) -> str:
    """One pydantic error (``{"type", "loc", "msg", "ctx"}``) as a Vietnamese sentence naming the field."""
    field = field_name(error.get("loc", ()))
    ctx = error.get("ctx") or {}
    kind = error.get("type", "")
    if kind == "value_error" and ctx.get("error") is not None:
        # Our own validators (ApiDate, ApiAmount…) raise Vietnamese ValueErrors: keep their words.
        return _("Trường “%(field)s”: %(error)s") % {"field": field, "error": ctx["error"]}
    template = _messages().get(kind) or _("Giá trị của trường “%(field)s” không hợp lệ.")
    values = {key: value for key, value in ctx.items() if isinstance(value, (int, float, str))}
    try:
        return template % {"field": field, **values}
    except (KeyError, TypeError, ValueError):
        return _("Giá trị của trường “%(field)s” không hợp lệ.") % {"field": field}


def validation_detail(errors: list[dict]) -> dict[str, list[str]]:
    """pydantic's error list as ``{"<field>": ["<message>", …]}``."""
    detail: dict[str, list[str]] = {}
    for error in errors:
        message = error_message(error)
        field = field_name(error.get("loc", ()))
        if message not in detail.setdefault(field, []):
            detail[field].append(message)
    return detail


def http_error_message(status: int, message: str) -> str:
    """django-ninja's English HTTP errors in Vietnamese."""
    known = {
        401: _("Chưa đăng nhập hoặc khoá API không hợp lệ."),
        403: _("Không có quyền."),
        405: _("Phương thức không được hỗ trợ."),
        429: _("Quá nhiều yêu cầu, hãy thử lại sau."),
    }
    if status == 400 and message.startswith("Cannot parse request body"):
        return _("Nội dung gửi lên không đọc được: cần JSON hợp lệ, không chứa ký tự NUL.")
    return known.get(status, message)


# --- Input: a NUL character crashes PostgreSQL's text columns; refuse it before any query. ---


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


class NulRefusingParser(Parser):
    """JSON bodies with a NUL character anywhere are refused (400) as unreadable; form fields lose them."""

    def parse_body(self, request):
        data = json.loads(request.body)
        if _has_nul(data):
            raise ValueError("NUL character in the request body")
        return data

    def parse_querydict(self, data, list_fields, request):
        parsed = super().parse_querydict(data, list_fields, request)
        return {
            key: [v.replace("\x00", "") if isinstance(v, str) else v for v in value]
            if isinstance(value, list)
            else (value.replace("\x00", "") if isinstance(value, str) else value)
            for key, value in parsed.items()
        }


# --- The statuses every operation can answer, documented in the OpenAPI schema. ---

ERROR_STATUSES = {
    401: "Chưa đăng nhập hoặc khoá API không hợp lệ",
    403: "Không có quyền",
    404: "Không tìm thấy (hoặc ngoài phạm vi của người dùng)",
    422: "Dữ liệu không hợp lệ (thông báo theo từng trường)",
}


def document_error_statuses(schema: dict) -> dict:
    """Add 401/403/404/422 (and 400 where a body is read) with the ``Error`` body to every operation."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("Error", Error.model_json_schema(ref_template="#/components/schemas/{model}"))
    ref = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            statuses = dict(ERROR_STATUSES)
            if "requestBody" in operation:
                statuses[400] = "Nội dung gửi lên không đọc được"
            for status, description in statuses.items():
                operation["responses"].setdefault(status, {"description": description, **ref})
    return schema


ApiYear = Annotated[int, Field(ge=1900, le=2100, description="Năm (1900–2100)")]
"""A year in a query parameter: 1900–2100, so that no date built from it overflows."""
