"""The review as a document (``Review``): drafted once from the records, edited by the officer, issued with
a number and date that lock it, reopened by the level above (audited). Every call takes the user's scope."""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Action, Scope
from congdoan.org.models import Unit

from .figures import facts_kept
from .models import Review
from .review import context_docx, context_pdf, default_recipients, document_context, draft_content, signer_of
from .snapshots import (
    changed_facts,
    charts_from_json,
    charts_to_json,
    facts_digest,
    facts_from_json,
    facts_to_json,
)

# "15/BC-LĐLĐ", "03/BC-CĐCS": a number, then the kind (BC, báo cáo) and the issuer's abbreviation.
NUMBER = re.compile(r"^\d{1,5}/BC-\S{1,40}$")
MAX_TEXT = 100_000
TEXT_FIELDS = ("results", "assessment", "directions", "recipients")


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a text typed in a box: separated by an empty line (or by a line break)."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", text or "") if p.strip()]


def review_get(*, scope: Scope, pk: int) -> Review:
    """A review of a unit in the user's scope (404 otherwise)."""
    queryset = scope.filter(Review.objects.select_related("unit", "unit__kind"), "unit__path")
    try:
        return queryset.get(pk=pk)
    except Review.DoesNotExist as exc:
        raise Http404 from exc


def review_find(*, scope: Scope, unit: Unit, start: dt.date, end: dt.date) -> Review | None:
    return scope.filter(Review.objects.filter(unit=unit, start=start, end=end), "unit__path").first()


def _snapshot(scope: Scope, unit: Unit, start: dt.date, end: dt.date, on: dt.date) -> dict:
    content = draft_content(scope=scope, unit=unit, start=start, end=end, on=on)
    return {
        "title": content["title"],
        "results": "\n\n".join(content["paragraphs"]),
        "facts": facts_to_json(content["facts"]),
        "charts": charts_to_json(content["charts"]),
        "facts_digest": facts_digest(content["facts"]),
        "drafted_on": on,
    }


def review_preview(*, scope: Scope, unit: Unit, start: dt.date, end: dt.date, on: dt.date) -> Review:
    """The draft ``review_open`` would write, in memory only (never saved; benchmarks, previews)."""
    return Review(unit=unit, start=start, end=end, **_snapshot(scope, unit, start, end, on))


def review_open(
    *, scope: Scope, unit: Unit, start: dt.date, end: dt.date, on: dt.date | None = None
) -> Review:
    """The review of ``unit`` for ``start..end``: the one already drafted, or a new draft written from the
    records of day ``on`` (today)."""
    scope.require_can(unit, Action.ACT)
    existing = Review.objects.filter(unit=unit, start=start, end=end).first()
    if existing:
        return existing
    day = on or today()
    fields = _snapshot(scope, unit, start, end, day)
    try:
        with transaction.atomic():
            review = Review.objects.create(
                unit=unit, start=start, end=end, created_by=user_or_none(scope.actor), **fields
            )
            event_record(
                actor=scope.actor,
                action="documents.review_draft",
                summary=_("Soạn dự thảo báo cáo: %(t)s") % {"t": review.title},
                unit=unit,
                obj=review,
            )
    except IntegrityError:  # drafted at the same moment by someone else
        return Review.objects.get(unit=unit, start=start, end=end)
    return review


def _locked(review: Review, scope: Scope, action: str = Action.ACT) -> Review:
    review = Review.objects.select_for_update().select_related("unit").get(pk=review.pk)
    scope.require_can(review.unit, action)
    return review


def _require_draft(review: Review) -> None:
    if review.is_issued:
        raise ValidationError(
            _("Báo cáo đã ban hành (số %(n)s), không sửa được; cần cấp trên mở lại.") % {"n": review.number}
        )


@transaction.atomic
def review_save(
    *, scope: Scope, review: Review, version: int, signer_role: str = "", signer_name: str = "", **texts: str
) -> Review:
    """Save the officer's text of parts I (results, assessment) and II (directions) of a draft, its
    "Nơi nhận" (one a line) and who signs it (empty: from the congress records)."""
    review = _locked(review, scope)
    _require_draft(review)
    if version != review.version:
        raise ValidationError(_("Báo cáo vừa được người khác sửa. Hãy tải lại trang rồi sửa tiếp."))
    errors = {
        name: _("Nội dung quá dài (tối đa %(n)s ký tự).") % {"n": f"{MAX_TEXT:,}".replace(",", ".")}
        for name in TEXT_FIELDS
        if len(texts.get(name) or "") > MAX_TEXT
    }
    if signer_role and signer_role not in Review.SignerRole.values:
        errors["signer_role"] = _("Chức vụ người ký không hợp lệ.")
    if errors:
        raise ValidationError(errors)
    for name in TEXT_FIELDS:
        setattr(review, name, (texts.get(name) or "").strip())
    review.signer_role, review.signer_name = signer_role, " ".join((signer_name or "").split())[:150]
    review.version += 1
    review.save()
    return review


@transaction.atomic
def review_redraft(*, scope: Scope, review: Review, on: dt.date | None = None) -> Review:
    """Write part I again from today's figures and keep them as the draft's facts (the other parts stay)."""
    review = _locked(review, scope)
    _require_draft(review)
    for name, value in _snapshot(scope, review.unit, review.start, review.end, on or today()).items():
        setattr(review, name, value)
    review.version += 1
    review.save()
    event_record(
        actor=scope.actor,
        action="documents.review_redraft",
        summary=_("Viết lại phần kết quả theo số liệu mới: %(t)s") % {"t": review.title},
        unit=review.unit,
        obj=review,
    )
    return review


@transaction.atomic
def review_issue(*, scope: Scope, review: Review, number: str, issued_on: dt.date | None) -> Review:
    """Issue the draft with its number (``15/BC-LĐLĐ``) and date: it is locked from then on."""
    review = _locked(review, scope)
    _require_draft(review)
    number = (number or "").strip()
    errors = {}
    if not NUMBER.match(number):
        errors["number"] = _("Số văn bản phải có dạng số/BC-tên viết tắt, ví dụ 15/BC-LĐLĐ.")
    elif Review.objects.filter(unit=review.unit, number=number).exclude(pk=review.pk).exists():
        errors["number"] = _("Số %(n)s đã dùng cho một báo cáo khác của đơn vị.") % {"n": number}
    if issued_on is None:
        errors["issued_on"] = _("Hãy nhập ngày ban hành (dd/mm/yyyy).")
    elif issued_on > today():
        errors["issued_on"] = _("Ngày ban hành không được sau hôm nay.")
    elif issued_on < review.start:
        errors["issued_on"] = _("Ngày ban hành không được trước ngày bắt đầu kỳ báo cáo (%(d)s).") % {
            "d": format_date(review.start)
        }
    if errors:
        raise ValidationError(errors)
    review.status, review.number, review.issued_on = Review.Status.ISSUED, number, issued_on
    # What the issued document prints stays as it was: the signer and "Nơi nhận" are written down.
    review.signer_role, review.signer_name = review_signer(review)
    review.recipients = "\n".join(review_recipients(review))
    review.issued_by = user_or_none(scope.actor)
    review.version += 1
    review.save()
    event_record(
        actor=scope.actor,
        action="documents.review_issue",
        summary=_("Ban hành báo cáo số %(n)s ngày %(d)s: %(t)s")
        % {"n": number, "d": format_date(issued_on), "t": review.title},
        unit=review.unit,
        obj=review,
        decision_no=number,
    )
    return review


@transaction.atomic
def review_reopen(*, scope: Scope, review: Review, reason: str) -> Review:
    """The level above unlocks an issued review (audited, with a reason); it becomes a draft again."""
    review = _locked(review, scope, Action.APPROVE)
    if not review.is_issued:
        raise ValidationError(_("Báo cáo chưa ban hành, không cần mở lại."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Cần ghi lý do mở lại báo cáo đã ban hành.")})
    review.status, review.issued_by = Review.Status.DRAFT, None
    review.version += 1
    review.save()
    event_record(
        actor=scope.actor,
        action="documents.review_reopen",
        summary=_("Mở lại báo cáo số %(n)s đã ban hành: %(t)s — %(why)s")
        % {"n": review.number, "t": review.title, "why": reason.strip()},
        unit=review.unit,
        obj=review,
        decision_no=review.number,
    )
    return review


def review_changes(*, scope: Scope, review: Review, on: dt.date | None = None) -> list[tuple[str, str, str]]:
    """The figures that differ today from those the draft was written from (empty when none)."""
    now = facts_kept(scope=scope, unit=review.unit, start=review.start, end=review.end, as_of=on or today())
    if facts_digest(now) == review.facts_digest:
        return []
    return changed_facts(facts_from_json(review.facts), now)


def review_day(review: Review) -> dt.date:
    """The document's date: its issue date, or today for a draft."""
    return review.issued_on if review.is_issued else today()


def review_signer(review: Review) -> tuple[str, str]:
    """(role, name) of who signs: the officer's choice, else the chair (or a vice-chair) in office on the
    document's date per the congress records; the name is empty when no one is recorded."""
    return signer_of(review.unit, review_day(review), role=review.signer_role, name=review.signer_name)


def review_recipients(review: Review) -> list[str]:
    """ "Nơi nhận", one line each: the officer's, else the usual ones."""
    typed = [line.lstrip("-–•+ ").strip() for line in paragraphs_of(review.recipients)]
    return [line for line in typed if line] or default_recipients(review.unit)


def review_document(review: Review) -> dict:
    """The printed content of a review as stored: its text, and the facts and charts it was drafted from."""
    return document_context(
        unit=review.unit,
        title=review.title,
        doc_date=review_day(review),
        number=review.number if review.is_issued else "",
        results=paragraphs_of(review.results),
        assessment=paragraphs_of(review.assessment),
        directions=paragraphs_of(review.directions),
        facts=facts_from_json(review.facts),
        charts=charts_from_json(review.charts),
        draft=not review.is_issued,
        signer=review_signer(review),
        recipients=review_recipients(review),
    )


def review_file(review: Review, fmt: str) -> bytes:
    context = review_document(review)
    return context_pdf(context) if fmt == "pdf" else context_docx(context)


def review_filename(review: Review, fmt: str) -> str:
    return f"bao-cao-{review.unit.code}-{review.start:%Y%m%d}-{review.end:%Y%m%d}.{fmt}"
