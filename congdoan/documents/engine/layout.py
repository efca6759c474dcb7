"""The Vietnamese administrative header and signature block as data, shared by PDF, DOCX and XLSX.

One function, :func:`admin_header`, gives every output the same issuer names, number, place/date line and motto.
"""

from __future__ import annotations

import datetime as dt

from congdoan.org.selectors import unit_parent_on

NATION = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
TOP_PARENT = "CÔNG ĐOÀN VIỆT NAM"


# Where a place name starts in a unit's name: the province or city first, then the commune or ward.
PLACE_MARKERS = (" tỉnh ", " thành phố ", " xã ", " phường ", " thị trấn ", " huyện ", " quận ", " thị xã ")


def place_of(unit) -> str:
    """The place name in the date line (Nghị định 30: where the issuer sits, never its own name): the
    province, city, commune or ward named in the unit's name; else its parent's place (a grassroots union
    prints its commune's or province's name); "Hà Nội" at the top."""
    seen = 0
    while unit is not None and seen < 12:
        for marker in PLACE_MARKERS:
            if marker in f" {unit.name} ":
                return f" {unit.name} ".split(marker, 1)[1].strip()
        if unit.depth == 0 or not unit.parent_id:
            break
        unit, seen = unit.parent, seen + 1
    return "Hà Nội"


# A name this long or shorter fits on one line of the issuer's column (12 pt, 45 % of the text width).
ONE_LINE = 24


def name_lines(name: str, *, national: bool = False) -> list[str]:
    """A header name in lines broken before its place name ("LIÊN ĐOÀN LAO ĐỘNG" / "TỈNH LÀO CAI"; for a
    national body before "VIỆT NAM"), so a narrow column never wraps inside the place; a short name, or one
    without a place, stays whole (it wraps between words)."""
    if len(name) <= ONE_LINE:
        return [name]
    padded = f" {name} "
    for marker in (*PLACE_MARKERS, *((" Việt Nam ",) if national else ())):
        upper = marker.upper() if name.isupper() else marker
        head, found, tail = padded.partition(upper)
        if found and head.strip():
            return [head.strip(), (upper + tail).strip()]
    return [name]


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
        "issuer_lines": name_lines(issuer.name.upper(), national=issuer.depth == 0),
        "issuer_parent_lines": name_lines(parent_name.upper(), national=parent is None or parent.depth == 0),
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
