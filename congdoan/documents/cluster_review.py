"""The emulation cluster's (or block's) year review: the totals of its member units for its year (unions,
members, women, recruitment, targets, welfare, awards), one row per unit the user may see, a summary
written from the totals, as a page and as a PDF or DOCX issued under the head unit's name."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from congdoan.congress.constants import SeatRole
from congdoan.core.money import format_number
from congdoan.core.scoping import Action, Scope
from congdoan.org.constants import ClusterKind
from congdoan.org.models import Cluster

from .engine.docx import admin_document, docx_bytes
from .engine.layout import admin_header
from .engine.pdf import render_pdf
from .facts import display, facts_for, share
from .facts.fact import AWARDS, MONEY, PEOPLE, PERCENT, TARGETS, UNIONS
from .narrative import percent
from .review import signer_block, signer_of

# (fact key, column header, unit of measure); summed over the units except the share (recomputed).
COLUMNS = [
    ("unions.grassroots", _l("CĐCS"), UNIONS),
    ("members.total", _l("Đoàn viên"), PEOPLE),
    ("members.women", _l("Nữ"), PEOPLE),
    ("members.women_share", _l("Tỷ lệ nữ"), PERCENT),
    ("members.admitted", _l("Kết nạp"), PEOPLE),
    ("targets.achieved", _l("Chỉ tiêu đạt và vượt"), TARGETS),
    ("welfare.spent", _l("Chi chăm lo (đồng)"), MONEY),
    ("awards.total", _l("Khen thưởng (lượt)"), AWARDS),
]


def _year(cluster: Cluster) -> tuple[dt.date, dt.date]:
    return dt.date(cluster.year, 1, 1), dt.date(cluster.year, 12, 31)


def cluster_totals(*, scope: Scope, cluster: Cluster, as_of: dt.date) -> dict:
    """Per member unit the user may see, the year's figures; the totals; how many units are not shown."""
    start, end = _year(cluster)
    units = list(cluster.members.select_related("kind").order_by("path"))
    visible = [u for u in units if scope.can(u, Action.VIEW)]
    rows, sums, out_of = [], dict.fromkeys((k for k, _h, _u in COLUMNS), 0), 0
    for unit in visible:
        facts = {
            f.key: f
            for f in facts_for(scope=scope, unit=unit, start=start, end=end, as_of=as_of, previous=False)
        }
        cells = []
        for key, _header, measure in COLUMNS:
            fact = facts.get(key)
            cells.append(fact.display if fact else "—")
            if fact and fact.value is not None and measure != PERCENT:
                sums[key] += fact.value
        targets = facts.get("targets.achieved")
        out_of += (targets.out_of or 0) if targets else 0
        rows.append((unit, cells))
    sums["members.women_share"] = share(sums["members.women"], sums["members.total"])
    totals = [
        display(sums[key], measure, out_of if key == "targets.achieved" else None)
        if sums[key] is not None
        else "—"
        for key, _header, measure in COLUMNS
    ]
    return {
        "cluster": cluster,
        "headers": [str(h) for _k, h, _u in COLUMNS],
        "rows": rows,
        "totals": totals,
        "sums": {**sums, "targets.out_of": out_of},
        "hidden": len(units) - len(visible),
        "sentences": cluster_sentences(cluster, len(visible), {**sums, "targets.out_of": out_of}),
    }


def cluster_sentences(cluster: Cluster, n_units: int, sums: dict) -> list[str]:
    """The summary written from the totals (zero parts left out)."""
    if not n_units:
        return []
    first = _(
        "Năm %(y)s, %(c)s gồm %(n)s đơn vị thành viên, với %(u)s công đoàn cơ sở và %(m)s đoàn viên"
    ) % {
        "y": cluster.year,
        "c": cluster.name,
        "n": format_number(n_units),
        "u": format_number(sums["unions.grassroots"]),
        "m": format_number(sums["members.total"]),
    }
    if sums["members.women"] and sums["members.women_share"] is not None:
        first += _(", trong đó nữ %(w)s người (chiếm %(p)s)") % {
            "w": format_number(sums["members.women"]),
            "p": percent(sums["members.women_share"]),
        }
    parts = []
    if sums["members.admitted"]:
        parts.append(_("kết nạp %(n)s đoàn viên mới") % {"n": format_number(sums["members.admitted"])})
    if sums["targets.out_of"]:
        parts.append(
            _("%(a)s/%(t)s chỉ tiêu đạt và vượt")
            % {"a": format_number(sums["targets.achieved"]), "t": format_number(sums["targets.out_of"])}
        )
    if sums["welfare.spent"]:
        parts.append(_("chi chăm lo, hỗ trợ %(v)s đồng") % {"v": format_number(sums["welfare.spent"])})
    if sums["awards.total"]:
        parts.append(_("được khen thưởng %(n)s lượt") % {"n": format_number(sums["awards.total"])})
    out = [first + "."]
    if parts:
        out.append(_("Trong năm, các đơn vị %(p)s.") % {"p": "; ".join(parts)})
    return out


def cluster_context(*, scope: Scope, cluster: Cluster, on: dt.date) -> dict:
    table = cluster_totals(scope=scope, cluster=cluster, as_of=on)
    issuer = cluster.head_unit or cluster.owner
    is_block = cluster.kind == ClusterKind.BLOCK
    # The head unit's chair signs for the cluster (its name from the congress records; empty when none).
    _role, name = signer_of(issuer, on, role=SeatRole.CHAIR)
    return {
        **table,
        **admin_header(issuer, doc_date=on),
        "title": _("Tổng kết phong trào thi đua %(c)s năm %(y)s") % {"c": cluster.name, "y": cluster.year},
        "signer_lines": [
            _("TM. KHỐI THI ĐUA") if is_block else _("TM. CỤM THI ĐUA"),
            _("KHỐI TRƯỞNG") if is_block else _("CỤM TRƯỞNG"),
        ],
        "signer_name": name,
        "recipients": [
            _("%(o)s (để báo cáo);") % {"o": cluster.owner.name},
            _("Các đơn vị thành viên;"),
            _("Lưu: VT."),
        ],
    }


def cluster_pdf(*, scope: Scope, cluster: Cluster, on: dt.date) -> bytes:
    return render_pdf("documents/cluster_review.html", cluster_context(scope=scope, cluster=cluster, on=on))


def cluster_docx(*, scope: Scope, cluster: Cluster, on: dt.date) -> bytes:
    context = cluster_context(scope=scope, cluster=cluster, on=on)
    doc = admin_document(context)
    for text in (_("BÁO CÁO"), context["title"]):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = True
    for text in context["sentences"] or [_("Cụm, khối chưa có đơn vị thành viên.")]:
        doc.add_paragraph(text).paragraph_format.first_line_indent = Cm(1)
    table = doc.add_table(rows=1, cols=1 + len(context["headers"]))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, (_("Đơn vị"), *context["headers"]), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for unit, cells in context["rows"]:
        row = table.add_row().cells
        for cell, text in zip(row, (unit.name, *cells), strict=True):
            cell.text = text
    total = table.add_row().cells
    for cell, text in zip(total, (_("Cộng"), *context["totals"]), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(10)
    closing = doc.add_table(rows=1, cols=2)
    left, right = closing.rows[0].cells
    left.paragraphs[0].add_run(_("Nơi nhận:")).bold = True
    for line in context["recipients"]:
        left.add_paragraph("- " + line)
    signer_block(right, context)
    return docx_bytes(doc)
