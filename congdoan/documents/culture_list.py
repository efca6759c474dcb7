"""The culture-standard list of a unit (danh sách đăng ký, công nhận đạt chuẩn văn hoá), as PDF: the grassroots
unions below that registered for the year, with their self-assessment, standing and recognition decision."""

from __future__ import annotations

from congdoan.core.dates import format_date, today

from .engine import admin_header, render_pdf


def _share(value) -> str:
    return "—" if value is None else f"{value}".replace(".", ",") + " %"


def culture_list_context(figures: dict, rows: list[dict]) -> dict:
    lines = []
    for i, r in enumerate(rows, start=1):
        registration, recognition, result = r["registration"], r["recognition"], r["result"]
        decision = ""
        if recognition is not None:
            decision = (
                f"{recognition.number}, {format_date(recognition.issued_on)} ({recognition.authority.name})"
            )
        lines.append(
            {
                "no": i,
                "unit": r["unit"].name,
                "title": registration.get_culture_type_display() if registration else "",
                "met": f"{result.met}/{result.total}" if result else "",
                "status": str(r["status_label"]),
                "decision": decision,
            }
        )
    return {
        **admin_header(figures["unit"], doc_date=today()),
        "figures": figures,
        "registered_share": _share(figures["registered_share"]),
        "recognised_share": _share(figures["recognised_share"]),
        "day": format_date(figures["day"]),
        "rows": lines,
    }


def culture_list_pdf(figures: dict, rows: list[dict]) -> bytes:
    return render_pdf("documents/culture_list.html", culture_list_context(figures, rows))
