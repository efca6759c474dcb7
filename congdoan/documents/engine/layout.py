"""The Vietnamese administrative header and signature block as data, shared by PDF, DOCX and XLSX.

One function, :func:`admin_header`, gives every output the same issuer names, number, place/date line and motto.
"""

from __future__ import annotations

import datetime as dt

from congdoan.org.selectors import unit_parent_on

NATION = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
TOP_PARENT = "CÔNG ĐOÀN VIỆT NAM"


def place_of(unit) -> str:
    """The place name in the date line: the province's name from the issuing unit's name."""
    for marker in (" tỉnh ", " thành phố "):
        if marker in unit.name:
            return unit.name.split(marker, 1)[1]
    return "Hà Nội" if unit.depth == 0 else unit.name


def date_line(place: str, day: dt.date) -> str:
    """``Hà Nội, ngày 06 tháng 12 năm 2026``."""
    return f"{place}, ngày {day:%d} tháng {day:%m} năm {day:%Y}"


def admin_header(
    issuer, *, doc_date: dt.date, number: str = "", place: str | None = None, parent_default: str = TOP_PARENT
) -> dict:
    """The header of a document issued by ``issuer`` (a unit) on ``doc_date``.

    ``issuer_parent`` falls back to ``parent_default`` for a top unit; ``place`` defaults to :func:`place_of`.
    """
    # The parent as the tree stood on the document's date; the current parent when no dated link says otherwise.
    parent = unit_parent_on(unit=issuer, on=doc_date) or (issuer.parent if issuer.parent_id else None)
    parent_name = parent.name if parent else parent_default
    place = place_of(issuer) if place is None else place
    return {
        "issuer": issuer.name,
        "issuer_parent": parent_name,
        "issuer_upper": issuer.name.upper(),
        "issuer_parent_upper": parent_name.upper(),
        "doc_number": number,
        "number_line": f"Số: {number}" if number else "",
        "doc_date": doc_date,
        "place": place,
        "date_line": date_line(place, doc_date),
        "nation": NATION,
        "motto": MOTTO,
    }


def signature(title: str, name: str) -> dict:
    return {"signer_title": title.upper(), "signer_name": name}
