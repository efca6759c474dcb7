"""The commendation decision (PDF and DOCX) and the award certificate (PDF)."""

from __future__ import annotations

from congdoan.core.dates import format_date
from congdoan.emulation import selectors

from .engine import DECISION_DOCX, admin_header, build_decision_template, render_docx, render_pdf


def decision_header(decision) -> dict:
    return admin_header(decision.issuing_unit, doc_date=decision.issued_on, number=decision.number)


def decision_context(decision) -> dict:
    awards = list(selectors.decision_awards(decision=decision))
    return {
        **decision_header(decision),
        "decision": decision,
        "awards": awards,
        "collectives": [a for a in awards if not a.member_id],
        "individuals": [a for a in awards if a.member_id],
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
            "number": decision.number,
            "place": context["place"],
            "day": decision.issued_on.strftime("%d"),
            "month": decision.issued_on.strftime("%m"),
            "year": decision.issued_on.strftime("%Y"),
            "subject": decision.subject,
            "award_year": decision.year,
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
