"""The commendation decision (PDF and DOCX) and the award certificate (PDF)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.core.money import format_number
from congdoan.emulation import selectors

from .engine import DECISION_DOCX, admin_header, build_decision_template, render_docx, render_pdf


def decision_header(decision) -> dict:
    return admin_header(decision.issuing_unit, doc_date=decision.issued_on, number=decision.number)


def article_one(decision, collectives: int, individuals: int) -> str:
    """Article 1, the same words in the PDF and the DOCX; a zero part is left out ("6 tập thể", never
    "0 tập thể và 6 cá nhân")."""
    parts = [
        _("%(n)s tập thể") % {"n": format_number(collectives)} if collectives else "",
        _("%(n)s cá nhân") % {"n": format_number(individuals)} if individuals else "",
    ]
    who = (" " + _("và") + " ").join(p for p in parts if p) or _("các tập thể, cá nhân")
    return _("Khen thưởng %(who)s đã có thành tích xuất sắc năm %(y)s (có danh sách kèm theo).") % {
        "who": who,
        "y": decision.year,
    }


def recipients(decision) -> list[str]:
    """ "Nơi nhận" of a commendation decision."""
    lines = [_("Như Điều 2;")]
    if decision.issuing_unit.parent_id:
        lines.append(_("Công đoàn cấp trên (để báo cáo);"))
    return [*lines, _("Lưu: VT, TĐKT.")]


def decision_context(decision) -> dict:
    awards = list(selectors.decision_awards(decision=decision))
    collectives = [a for a in awards if not a.member_id]
    individuals = [a for a in awards if a.member_id]
    return {
        **decision_header(decision),
        "decision": decision,
        "awards": awards,
        "collectives": collectives,
        "individuals": individuals,
        "article_one": article_one(decision, len(collectives), len(individuals)),
        "recipients": recipients(decision),
    }


def decision_pdf(decision) -> bytes:
    return render_pdf("documents/decision.html", decision_context(decision))


def decision_docx(decision) -> bytes:
    if not DECISION_DOCX.exists():
        build_decision_template(DECISION_DOCX)
    context = decision_context(decision)
    rows = [
        {
            "no": i,
            "name": a.recipient_name,
            "unit": a.unit.name if a.member_id else "",
            "kind": a.award_kind.name,
        }
        for i, a in enumerate(context["awards"], start=1)
    ]
    return render_docx(
        DECISION_DOCX,
        {
            "issuer_parent": context["issuer_parent_upper"],
            "issuer": context["issuer_upper"],
            "issuer_lines": "\n".join(context["issuer_lines"]),
            "issuer_parent_lines": "\n".join(context["issuer_parent_lines"]),
            "number": decision.number,
            "place": context["place"],
            "day": decision.issued_on.strftime("%d"),
            "month": decision.issued_on.strftime("%m"),
            "year": decision.issued_on.strftime("%Y"),
            "subject": decision.subject,
            "award_year": decision.year,
            "article_one": context["article_one"],
            "recipients_text": "\n".join("- " + line for line in context["recipients"]),
            "rows": rows,
            "count": len(rows),
            "signer_title": decision.signer_title.upper(),
            "signer_name": decision.signer_name,
        },
    )


def certificate_pdf(award) -> bytes:
    return render_pdf("documents/certificate.html", {**decision_header(award.decision), "award": award})


def certificate_filename(award) -> str:
    return f"giay-chung-nhan-{award.pk}-{format_date(award.decision.issued_on).replace('/', '-')}.pdf"
