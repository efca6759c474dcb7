"""Payments to beneficiaries: add, pick many, delete a draft, submit, approve, reverse."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.dates import today
from congdoan.core.money import MAX_AMOUNT, format_vnd
from congdoan.core.scoping import Scope
from congdoan.members.constants import MemberStatus
from congdoan.members.models import Member

from .. import selectors
from ..checks import check_entry
from ..constants import (
    PaymentForm,
    PaymentStatus,
    ProgrammeStatus,
)
from ..models import FundSource, Payment, PaymentSplit, Programme
from ._common import _unit_takes_part
from .ledger import ledger_post
from .tally import _tally_add


# -- payments -----------------------------------------------------------------------------------------------
def _splits_for(programme: Programme, amount: int, splits) -> list[tuple[FundSource, int]]:
    """``splits``: [(fund, amount)], or None to pay everything from the programme's only/first fund."""
    if splits is None:
        fund = programme.funds.order_by("id").first()
        if fund is None:
            raise ValidationError({"splits": _("Chương trình chưa có nguồn kinh phí nào.")})
        return [(fund, amount)]
    result = [(fund, int(part)) for fund, part in splits if int(part) != 0]
    for fund, _part in result:
        if fund.programme_id != programme.pk:
            raise ValidationError({"splits": _("Nguồn kinh phí không thuộc chương trình này.")})
    if len({fund.pk for fund, _p in result}) != len(result):
        raise ValidationError({"splits": _("Mỗi nguồn kinh phí chỉ ghi một lần.")})
    total = sum(part for _f, part in result)
    if total != amount:
        raise ValidationError(
            {
                "splits": _("Tổng các nguồn (%(s)s) phải bằng đúng số tiền chi (%(a)s).")
                % {"s": format_vnd(total), "a": format_vnd(amount)}
            }
        )
    return result


def _build_payment(
    *,
    scope: Scope,
    programme: Programme,
    member: Member | None,
    worker_name: str,
    worker_cccd: str,
    unit,
    amount: int | None,
    paid_on: dt.date | None,
    form: str,
    splits,
    note: str,
    repeat_reason: str = "",
) -> tuple[Payment, list[tuple[FundSource, int]]]:
    if programme.status == ProgrammeStatus.CLOSED:
        raise ValidationError(_("Chương trình đã kết thúc, không thêm người được hỗ trợ."))
    amount = programme.standard_amount if amount is None else int(amount)
    if amount <= 0:
        raise ValidationError({"amount": _("Số tiền phải lớn hơn 0.")})
    if member is not None:
        if member.status != MemberStatus.ACTIVE:
            raise ValidationError({"member": _("%(n)s không phải đoàn viên đang sinh hoạt.") % {"n": member}})
        unit = member.unit
        worker_name = worker_cccd = ""
    else:
        if not programme.allows_non_members:
            raise ValidationError({"member": _("Chương trình chỉ hỗ trợ đoàn viên.")})
        worker_name = " ".join((worker_name or "").split())
        if not worker_name or not worker_cccd:
            raise ValidationError({"worker_name": _("Hãy nhập họ tên và số CCCD của người lao động.")})
        if unit is None:
            raise ValidationError({"unit": _("Hãy chọn đơn vị.")})
    scope.require_can(unit)
    if not _unit_takes_part(programme, unit):
        raise ValidationError({"unit": _("Đơn vị %(u)s không tham gia chương trình.") % {"u": unit.name}})
    # One add at a time per programme: two identical parallel requests cannot both pass the duplicate check.
    list(Programme.objects.select_for_update().filter(pk=programme.pk).values_list("pk"))
    repeat_reason = " ".join((repeat_reason or "").split())[:255]
    check_entry(
        programme=programme,
        member=member,
        worker_cccd=worker_cccd,
        name=member.full_name if member is not None else worker_name,
        amount=amount,
        repeat_reason=repeat_reason,
    )
    payment = Payment(
        programme=programme,
        unit=unit,
        member=member,
        worker_name=worker_name,
        worker_cccd=worker_cccd,
        amount=amount,
        paid_on=paid_on or today(),
        form=form or PaymentForm.CASH,
        note=note,
        repeat_reason=repeat_reason,
        created_by=user_or_none(scope.actor),
    )
    payment.full_clean(exclude=["programme", "unit", "member"])
    return payment, _splits_for(programme, amount, splits)


def _save_payment(payment: Payment, splits: Iterable[tuple[FundSource, int]]) -> Payment:
    payment.save()
    PaymentSplit.objects.bulk_create(PaymentSplit(payment=payment, fund=f, amount=a) for f, a in splits)
    return payment


@transaction.atomic
def payment_add(
    *,
    scope: Scope,
    programme: Programme,
    member: Member | None = None,
    worker_name: str = "",
    worker_cccd: str = "",
    unit=None,
    amount: int | None = None,
    paid_on: dt.date | None = None,
    form: str = PaymentForm.CASH,
    splits=None,
    note: str = "",
    repeat_reason: str = "",
) -> Payment:
    """Add one beneficiary (a member, or a non-member worker) as a draft payment split across fund sources.

    A person already in the programme's list is refused unless ``repeat_reason`` says why they get more.
    """
    payment, parts = _build_payment(
        scope=scope,
        programme=programme,
        member=member,
        worker_name=worker_name,
        worker_cccd=worker_cccd,
        unit=unit,
        amount=amount,
        paid_on=paid_on,
        form=form,
        splits=splits,
        note=note,
        repeat_reason=repeat_reason,
    )
    _save_payment(payment, parts)
    event_record(
        actor=scope.actor,
        action="welfare.payment_add",
        summary=_("Thêm %(n)s vào “%(p)s”: %(a)s")
        % {"n": payment.beneficiary_name, "p": programme.name, "a": format_vnd(payment.amount)},
        unit=payment.unit,
        obj=payment,
    )
    return payment


@transaction.atomic
def payments_add_many(
    *,
    scope: Scope,
    programme: Programme,
    members: Sequence[Member],
    amount: int | None = None,
    paid_on: dt.date | None = None,
    form: str = PaymentForm.CASH,
    fund: FundSource | None = None,
    repeat_reason: str = "",
) -> list[Payment]:
    """Add several members picked from the registry; all or nothing."""
    made = []
    for member in members:
        splits = (
            None if fund is None else [(fund, amount if amount is not None else programme.standard_amount)]
        )
        made.append(
            payment_add(
                scope=scope,
                programme=programme,
                member=member,
                amount=amount,
                paid_on=paid_on,
                form=form,
                splits=splits,
                repeat_reason=repeat_reason,
            )
        )
    return made


@transaction.atomic
def payment_delete(
    *,
    scope: Scope,
    payment: Payment,
) -> None:
    """Remove a payment still being drafted (approved payments are never deleted: reverse them)."""
    scope.require_can(payment.unit)
    if payment.status != PaymentStatus.DRAFT:
        raise ValidationError(_("Chỉ xoá được khoản chi đang lập."))
    event_record(
        actor=scope.actor,
        action="welfare.payment_delete",
        summary=_("Xoá %(n)s khỏi danh sách “%(p)s”")
        % {"n": payment.beneficiary_name, "p": payment.programme.name},
        unit=payment.unit,
        obj=payment,
    )
    payment.delete()


@transaction.atomic
def payments_submit(
    *,
    scope: Scope,
    programme: Programme,
    payments: Sequence[Payment] | None = None,
) -> int:
    """Send draft payments (all the actor's drafts in the programme when not given) for approval."""
    if payments is None:
        payments = list(
            selectors.payment_list(scope=scope, programme=programme).filter(status=PaymentStatus.DRAFT)
        )
    if not payments:
        raise ValidationError(_("Không có khoản chi nào đang lập để gửi duyệt."))
    for payment in payments:
        scope.require_can(payment.unit)
        if payment.status != PaymentStatus.DRAFT or payment.programme_id != programme.pk:
            raise ValidationError(_("Chỉ gửi duyệt được khoản chi đang lập."))
    ids = [p.pk for p in payments]
    Payment.objects.filter(pk__in=ids).update(status=PaymentStatus.SUBMITTED, submitted_at=timezone.now())
    event_record(
        actor=scope.actor,
        action="welfare.payments_submit",
        summary=_("Gửi duyệt %(n)s khoản chi của “%(p)s”") % {"n": len(ids), "p": programme.name},
        unit=programme.owner,
        obj=programme,
        after={"payments": ids},
    )
    return len(ids)


@transaction.atomic
def payments_approve(
    *,
    scope: Scope,
    programme: Programme,
    payments: Sequence[Payment] | None = None,
    confirm_warnings: bool = False,
) -> int:
    """Approve submitted payments. Only an officer of the programme's owner unit (or above) approves.

    Duplicate-support warnings must be confirmed (``confirm_warnings``) before approval goes ahead.
    """
    scope.require_can(programme.owner)
    if payments is None:
        payments = list(
            selectors.payment_list(scope=scope, programme=programme).filter(status=PaymentStatus.SUBMITTED)
        )
    if not payments:
        raise ValidationError(_("Không có khoản chi nào chờ duyệt."))
    for payment in payments:
        if payment.status != PaymentStatus.SUBMITTED or payment.programme_id != programme.pk:
            raise ValidationError(_("Chỉ duyệt được khoản chi đang chờ duyệt."))
    too_big = [p for p in payments if abs(p.amount) > MAX_AMOUNT]
    if (
        too_big
    ):  # rows written before amounts were bounded: refuse them by name instead of overflowing a total
        raise ValidationError(
            [
                _("Có khoản chi vượt mức tối đa %(m)s; hãy xoá hoặc trả lại để sửa:")
                % {"m": format_vnd(MAX_AMOUNT)}
            ]
            + [f"{p.beneficiary_name}: {format_vnd(p.amount)}" for p in too_big]
        )
    warnings = selectors.duplicate_warnings(scope=scope, programme=programme, payments=payments)
    if warnings and not confirm_warnings:
        raise ValidationError(
            [_("Có cảnh báo hỗ trợ trùng, hãy xem và xác nhận trước khi duyệt.")] + warnings
        )
    ids = [p.pk for p in payments]
    changed = Payment.objects.filter(pk__in=ids, status=PaymentStatus.SUBMITTED).update(
        status=PaymentStatus.APPROVED,
        approved_by=user_or_none(scope.actor),
        approved_at=timezone.now(),
    )
    if changed != len(ids):
        raise ValidationError(_("Danh sách vừa được người khác duyệt hoặc thay đổi, hãy tải lại trang."))
    _tally_add(ids)
    ledger_post(ids, actor=scope.actor)
    total = sum(p.amount for p in payments)
    event_record(
        actor=scope.actor,
        action="welfare.payments_approve",
        summary=_("Duyệt %(n)s khoản chi của “%(p)s”, tổng %(t)s")
        % {"n": len(ids), "p": programme.name, "t": format_vnd(total)},
        unit=programme.owner,
        obj=programme,
        after={"payments": ids, "warnings": warnings},
    )
    return len(ids)


@transaction.atomic
def payment_reverse(
    *,
    scope: Scope,
    payment: Payment,
    reason: str,
    on: dt.date | None = None,
) -> Payment:
    """Correct an approved payment by a reversing entry (negative amount, same splits negated)."""
    programme = payment.programme
    scope.require_can(programme.owner)
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.status != PaymentStatus.APPROVED:
        raise ValidationError(
            _("Chỉ điều chỉnh khoản chi đã duyệt; khoản đang lập thì sửa hoặc xoá trực tiếp.")
        )
    if payment.reverses_id is not None or Payment.objects.filter(reverses=payment).exists():
        raise ValidationError(_("Khoản chi này đã được điều chỉnh."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Hãy ghi lý do điều chỉnh.")})
    reversal = Payment(
        programme=programme,
        unit=payment.unit,
        member=payment.member,
        worker_name=payment.worker_name,
        worker_cccd=payment.worker_cccd,
        amount=-payment.amount,
        paid_on=on or today(),
        form=payment.form,
        status=PaymentStatus.APPROVED,
        reverses=payment,
        note=reason[:255],
        created_by=user_or_none(scope.actor),
        approved_by=user_or_none(scope.actor),
        approved_at=timezone.now(),
    )
    _save_payment(reversal, [(s.fund, -s.amount) for s in payment.splits.select_related("fund")])
    _tally_add([reversal.pk])
    ledger_post([reversal.pk], actor=scope.actor)
    event_record(
        actor=scope.actor,
        action="welfare.payment_reverse",
        summary=_("Điều chỉnh giảm khoản chi %(a)s cho %(n)s: %(r)s")
        % {"a": format_vnd(payment.amount), "n": payment.beneficiary_name, "r": reason},
        unit=payment.unit,
        obj=payment,
        after={"reversal": reversal.pk},
    )
    return reversal
