"""Files sent to the browser (exports, documents): one attachment response for every app."""

from __future__ import annotations

from urllib.parse import quote

from django.http import HttpResponse

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def file_response(data: bytes, filename: str) -> HttpResponse:
    """An attachment response; ``filename`` may be Vietnamese (sent RFC 5987-encoded)."""
    extension = filename.rsplit(".", 1)[-1].lower()
    response = HttpResponse(data, content_type=CONTENT_TYPES.get(extension, "application/octet-stream"))
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
