"""The review draft (báo cáo tổng kết / sơ kết, dự thảo) of a unit over a period, from the fact table: the
administrative header, the narrative written by rules, and the facts as an annex table."""

from __future__ import annotations

import datetime as dt
import io

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from congdoan.congress import selectors as congress_selectors
from congdoan.congress.constants import SeatRole
from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.org.models import Unit

from .charts import VI_NUMBER_LOCALE
from .engine.docx import admin_document, docx_bytes
from .engine.layout import admin_header
from .engine.pdf import render_pdf
from .engine.vega import chart_picture
from .facts import facts_by_area
from .figures import figures_kept
from .narrative import is_whole_year, sentences, subtree_changed

# A quarter by its first and last day: (start month, day, end month, day) → its Roman numeral.
QUARTERS = {(1, 1, 3, 31): "I", (4, 1, 6, 30): "II", (7, 1, 9, 30): "III", (10, 1, 12, 31): "IV"}


def review_title(start: dt.date, end: dt.date) -> str:
    if is_whole_year(start, end):
        return _("Tổng kết công tác công đoàn năm %(y)s") % {"y": end.year}
    if (start.month, start.day, end.month, end.day) == (1, 1, 6, 30) and start.year == end.year:
        return _("Sơ kết công tác công đoàn 6 tháng đầu năm %(y)s") % {"y": end.year}
    if (start.month, start.day, end.month, end.day) == (1, 1, 9, 30) and start.year == end.year:
        return _("Sơ kết công tác công đoàn 9 tháng đầu năm %(y)s") % {"y": end.year}
    quarter = QUARTERS.get((start.month, start.day, end.month, end.day))
    if quarter and start.year == end.year:
        return _("Sơ kết công tác công đoàn quý %(q)s năm %(y)s") % {"q": quarter, "y": end.year}
    return _("Sơ kết công tác công đoàn từ ngày %(s)s đến ngày %(e)s") % {
        "s": format_date(start),
        "e": format_date(end),
    }


# The title lines under "TM. BAN CHẤP HÀNH" (Nghị định 30/2020, Phụ lục I): the chair signs, or a vice-chair
# signs for the chair (KT.).
TITLE_LINES = {
    SeatRole.CHAIR: [_l("CHỦ TỊCH")],
    SeatRole.VICE_CHAIR: [_l("KT. CHỦ TỊCH"), _l("PHÓ CHỦ TỊCH")],
}


def signer_of(unit: Unit, on: dt.date, *, role: str = "", name: str = "") -> tuple[str, str]:
    """(role, name) of who signs for ``unit``'s executive committee on ``on``: the given name; else the chair
    in office per the congress records (a vice-chair when no chair is recorded, or the one of ``role``);
    else ``role`` (the chair) with an empty name."""
    if name:
        return role or SeatRole.CHAIR, name
    leaders = congress_selectors.unit_leaders(unit=unit, on=on)
    for seat_role, full_name in leaders:
        if not role or seat_role == role:
            return seat_role, full_name
    return role or SeatRole.CHAIR, ""


def signer_lines(role: str, first: str) -> list[str]:
    """``first`` ("TM. BAN CHẤP HÀNH") then the title lines of ``role``."""
    return [first, *(str(line) for line in TITLE_LINES.get(role, TITLE_LINES[SeatRole.CHAIR]))]


def default_recipients(unit: Unit) -> list[str]:
    """The usual "Nơi nhận" of a review (the officer may write others)."""
    return [
        _("Công đoàn cấp trên (để báo cáo);") if unit.parent_id else _("Các đơn vị trực thuộc;"),
        _("Ban Chấp hành (để biết);"),
        _("Lưu: VT."),
    ]


def draft_content(*, scope: Scope, unit: Unit, start: dt.date, end: dt.date, on: dt.date) -> dict:
    """What a draft is written from on day ``on``: the title, the rule-written sentences, the facts and charts."""
    facts, charts = figures_kept(scope=scope, unit=unit, start=start, end=end, as_of=on)
    return {
        "title": review_title(start, end),
        "paragraphs": sentences(
            unit=unit, start=start, end=end, facts=facts, tree_changed=subtree_changed(unit, start, end)
        ),
        "facts": facts,
        "charts": charts,
    }


def document_context(
    *,
    unit: Unit,
    title: str,
    doc_date: dt.date,
    results: list[str],
    facts: list,
    charts: list,
    number: str = "",
    assessment: list[str] = (),
    directions: list[str] = (),
    draft: bool = True,
    signer: tuple[str, str] | None = None,
    recipients: list[str] = (),
) -> dict:
    """The review's printed content: header, parts I (results, overall assessment) and II, the annexes, the
    "Nơi nhận" and the signer (``signer_of`` on ``doc_date`` when not given)."""
    role, name = signer or signer_of(unit, doc_date)
    return {
        **admin_header(unit, doc_date=doc_date, number=number),
        "title": title,
        "draft": draft,
        "paragraphs": list(results),
        "assessment": list(assessment),
        "directions": list(directions),
        "areas": facts_by_area(facts),
        "charts": list(charts),
        # Who signs for the executive committee and where the report goes.
        "signer_lines": signer_lines(role, _("TM. BAN CHẤP HÀNH")),
        "signer_name": name,
        "recipients": list(recipients) or default_recipients(unit),
    }


def review_context(*, scope: Scope, unit: Unit, start: dt.date, end: dt.date, on: dt.date) -> dict:
    """The draft straight from the records, dated ``on``."""
    content = draft_content(scope=scope, unit=unit, start=start, end=end, on=on)
    return document_context(
        unit=unit,
        title=content["title"],
        doc_date=on,
        results=content["paragraphs"],
        facts=content["facts"],
        charts=content["charts"],
    )


def context_pdf(context: dict) -> bytes:
    context = {
        **context,
        "figures": [
            (chart, chart_picture(chart.spec, locale=VI_NUMBER_LOCALE)) for chart in context["charts"]
        ],
    }
    return render_pdf("documents/review.html", context)


def review_pdf(*, scope: Scope, unit: Unit, start: dt.date, end: dt.date, on: dt.date) -> bytes:
    return context_pdf(review_context(scope=scope, unit=unit, start=start, end=end, on=on))


def _chart_figures(doc, charts) -> None:
    """Each chart as a picture (the PDF's PNG) with its table under it."""
    doc.add_heading(_("PHỤ LỤC: BIỂU ĐỒ"), level=2)
    for chart in charts:
        doc.add_paragraph().add_run(chart.title).bold = True
        picture = chart_picture(chart.spec, locale=VI_NUMBER_LOCALE)
        # At its drawn size (96 CSS pixels an inch), never wider than the 15 cm of text.
        doc.add_picture(io.BytesIO(picture.png), width=min(Cm(15), Cm(picture.width * 2.54 / 96)))
        table = doc.add_table(rows=0, cols=1 + max(1, len(chart.series)))
        table.style = "Table Grid"
        if chart.series:
            for cell, text in zip(table.add_row().cells, ("", *chart.series), strict=True):
                cell.paragraphs[0].add_run(text).bold = True
        for label, values in chart.paper_table:
            cells = table.add_row().cells
            cells[0].text = label
            for cell, text in zip(cells[1:], values, strict=True):
                cell.text = text
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def review_docx(*, scope: Scope, unit: Unit, start: dt.date, end: dt.date, on: dt.date) -> bytes:
    """The same draft as an editable Word document (the officer finishes it in Word)."""
    return context_docx(review_context(scope=scope, unit=unit, start=start, end=end, on=on))


def _paragraphs(doc, texts: list[str]) -> None:
    for text in texts:
        doc.add_paragraph(text).paragraph_format.first_line_indent = Cm(1)


def context_docx(context: dict) -> bytes:
    doc = admin_document(context)
    lines = [(_("BÁO CÁO"), True), (context["title"], True)]
    if context["draft"]:
        lines.append(("(" + _("Dự thảo") + ")", False))
    for text, bold in lines:
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = bold
    doc.add_heading(_("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ"), level=2)
    _paragraphs(doc, context["paragraphs"] or [_("Chưa có số liệu trong kỳ.")])
    if context["assessment"]:
        doc.add_heading(_("Đánh giá chung"), level=3)
        _paragraphs(doc, context["assessment"])
    doc.add_heading(_("II. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI"), level=2)
    _paragraphs(doc, context["directions"] or ["…"])
    doc.add_heading(_("PHỤ LỤC: SỐ LIỆU"), level=2)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, (_("Số liệu"), _("Giá trị"), _("Cùng kỳ năm trước")), strict=True
    ):
        cell.paragraphs[0].add_run(text).bold = True
    for _area, area_title, facts in context["areas"]:
        row = table.add_row().cells
        row[0].merge(row[2]).paragraphs[0].add_run(area_title).bold = True
        for fact in facts:
            cells = table.add_row().cells
            cells[0].text = str(fact.label) + ("" if fact.approved else " (" + _("tạm tính") + ")")
            cells[1].text = fact.display + ("" if fact.unit == "%" else f" {fact.unit}")
            cells[2].text = fact.previous_display if fact.previous is not None else ""
    if context["charts"]:
        _chart_figures(doc, context["charts"])
    closing = doc.add_table(rows=1, cols=2)
    left, right = closing.rows[0].cells
    left.paragraphs[0].add_run(_("Nơi nhận:")).bold = True
    for line in context["recipients"]:
        left.add_paragraph("- " + line)
    signer_block(right, context)
    return docx_bytes(doc)


def signer_block(cell, context: dict) -> None:
    """The title lines in bold, room for the signature and seal, the name in bold (an empty line when no one
    is recorded), centred in ``cell``."""
    cell.paragraphs[0].add_run(context["signer_lines"][0]).bold = True
    for line in context["signer_lines"][1:]:
        cell.add_paragraph().add_run(line).bold = True
    for _blank in range(3):
        cell.add_paragraph()
    cell.add_paragraph().add_run(context["signer_name"]).bold = True
    for paragraph in cell.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
