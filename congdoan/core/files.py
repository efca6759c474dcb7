"""Files sent to the browser (exports, documents): one attachment response for every app."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from django.http import HttpResponse

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_name(subject: str, *parts, ext: str = "xlsx") -> str:
    """One naming rule for every file the site hands out: ``subject-UNITCODE-20250101-20251231.xlsx``.

    ``subject`` is a short ASCII slug ("so-lieu-cham-lo"); ``parts`` are unit codes, years, period keys
    ("2026-Q1") or dates, written yyyymmdd so that a folder of exports sorts by date.
    """
    words = [subject]
    for part in parts:
        if part is None or part == "":
            continue
        words.append(part.strftime("%Y%m%d") if isinstance(part, dt.date) else str(part))
    return f"{'-'.join(words)}.{ext}"


@contextmanager
def local_path(field_file):
    """A path on this machine for a stored file: the file itself on local disk, else (object storage, which has
    no path) a temporary copy removed afterwards. For readers that need a real file (calamine, zip checks)."""
    try:
        yield Path(field_file.path)
        return
    except NotImplementedError:
        pass
    suffix = Path(field_file.name).suffix
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        with field_file.open("rb") as source:
            shutil.copyfileobj(source, copy)
        copy.flush()
        yield Path(copy.name)


def file_response(data: bytes, filename: str) -> HttpResponse:
    """An attachment response; ``filename`` may be Vietnamese (sent RFC 5987-encoded)."""
    extension = filename.rsplit(".", 1)[-1].lower()
    response = HttpResponse(data, content_type=CONTENT_TYPES.get(extension, "application/octet-stream"))
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
