"""The decision recognising (or appointing) a term's committees — the Charter's form 7b — as PDF and DOCX.

Issued by the level above the unit as it stood on the decision's date: Điều 1 the executive committee, Điều 2
the standing committee, the chair and vice-chairs, Điều 3 the inspection committee, the list attached.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from docx.enum.text import WD_ALIGN_PARAGRAPH

from congdoan.congress import selectors
from congdoan.congress.constants import BodyKind, SeatRole, TermOrigin
from congdoan.core.dates import format_date
from congdoan.org.selectors import unit_parent_on

from .engine import admin_header, render_pdf
from .engine.docx import admin_document, docx_bytes


def _names(seats, role) -> list[str]:
    return [s.full_name for s in seats if s.role == role]


def decision_context(term) -> dict:
    unit = term.unit
    day = term.decision_date
    issuer = unit_parent_on(unit=unit, on=day) or unit.parent or unit
    congress = getattr(term, "congress", None)
    bodies = {kind: seats for kind, _label, seats in selectors.bodies_of(term=term)}
    appointed = term.origin == TermOrigin.APPOINTED
    verb = _("chỉ định") if appointed else _("công nhận")
    course = _(" khoá %(n)s") % {"n": congress.ordinal} if congress else ""
    whom = f"{unit.name}{course}, {_('nhiệm kỳ')} {term.label}"
    executive, standing, inspection = (
        bodies[BodyKind.EXECUTIVE],
        bodies[BodyKind.STANDING],
        bodies[BodyKind.INSPECTION],
    )
    articles = [
        _("Điều 1. %(V)s Ban Chấp hành %(w)s gồm %(n)s đồng chí (có danh sách kèm theo).")
        % {"V": verb.capitalize(), "w": whom, "n": len(executive)}
    ]
    leaders = []
    for role, title in ((SeatRole.CHAIR, _("Chủ tịch")), (SeatRole.VICE_CHAIR, _("Phó Chủ tịch"))):
        leaders += [f"{_('đồng chí')} {name} — {title}" for name in _names(executive, role)]
    if standing or leaders:
        text = _("Điều 2. %(V)s") % {"V": verb.capitalize()}
        if standing:
            text += " " + _("Ban Thường vụ gồm %(n)s đồng chí") % {"n": len(standing)}
        if leaders:
            text += ("; " if standing else " ") + "; ".join(leaders)
        articles.append(text + ".")
    if inspection:
        chair = _names(inspection, SeatRole.CHAIR)
        text = _("Điều %(i)s. %(V)s Ủy ban Kiểm tra gồm %(n)s đồng chí") % {
            "i": len(articles) + 1,
            "V": verb.capitalize(),
            "n": len(inspection),
        }
        if chair:
            text += "; " + _("đồng chí %(c)s — Chủ nhiệm Ủy ban Kiểm tra") % {"c": chair[0]}
        articles.append(text + ".")
    articles.append(
        _(
            "Điều %(i)s. Ban Chấp hành %(u)s và các đồng chí có tên tại các Điều trên chịu trách nhiệm thi hành "
            "Quyết định này."
        )
        % {"i": len(articles) + 1, "u": unit.name}
    )
    grounds = [_("Căn cứ Điều lệ Công đoàn Việt Nam;")]
    if congress and congress.held_on:
        grounds.append(
            _("Xét đề nghị của %(u)s và biên bản bầu cử tại đại hội ngày %(d)s,")
            % {"u": unit.name, "d": format_date(congress.held_on)}
        )
    else:
        grounds.append(_("Xét đề nghị của Ban Tổ chức,"))
    rows = []
    for kind, label in BodyKind.choices:
        for seat in bodies[kind]:
            rows.append({"name": seat.full_name, "role": f"{seat.get_role_display()} {label}"})
    return {
        **admin_header(issuer, doc_date=day, number=term.decision_no),
        "term": term,
        "subject": _("Về việc %(v)s Ban Chấp hành %(w)s") % {"v": verb, "w": whom},
        "grounds": grounds,
        "articles": articles,
        "rows": rows,
        "signer_title": (term.signer_title or _("TM. Ban Thường vụ")).upper(),
        "signer_name": term.signer_name,
    }


def decision_pdf(term) -> bytes:
    return render_pdf("documents/congress/decision.html", decision_context(term))


def decision_docx(term) -> bytes:
    context = decision_context(term)
    doc = admin_document(context)
    for text, bold in (
        (_("QUYẾT ĐỊNH"), True),
        (context["subject"], True),
        (_("BAN THƯỜNG VỤ") + " " + context["issuer_upper"], True),
    ):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = bold
    for text in context["grounds"]:
        doc.add_paragraph(text)
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run(_("QUYẾT ĐỊNH:")).bold = True
    for text in context["articles"]:
        doc.add_paragraph(text)
    for text in (context["signer_title"], "", context["signer_name"]):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.add_run(text).bold = True
    doc.add_page_break()
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(_("DANH SÁCH")).bold = True
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, (_("TT"), _("Họ và tên"), _("Chức danh")), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for i, row in enumerate(context["rows"], start=1):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = str(i), row["name"], row["role"]
    return docx_bytes(doc)


def decision_filename(term, fmt: str) -> str:
    return f"quyet-dinh-cong-nhan-bch-{term.pk}.{fmt}"
