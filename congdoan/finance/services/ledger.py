"""Hand-entered ledger lines and the receipt of transfers from the level below."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.money import MAX_AMOUNT, format_vnd
from congdoan.core.scoping import Action, Scope
from congdoan.org.models import Unit

from ..constants import MANUAL_LINES, Line, SplitKind
from ..models import LedgerEntry, Transfer
from ..months import month_label
from ._common import ledger_add


@transaction.atomic
def entry_add(
    *, scope: Scope, unit: Unit, on: dt.date, line: str, amount: int, memo: str, source: str = ""
) -> LedgerEntry:
    """Other income, allocations from above and spending, entered by the unit's treasurer."""
    scope.require_can(unit, Action.ACT)
    if line not in MANUAL_LINES:
        raise ValidationError(
            {"line": _("Khoản mục này được ghi tự động (đoàn phí, kinh phí, nộp cấp trên).")}
        )
    if not amount or amount <= 0 or amount > MAX_AMOUNT:
        raise ValidationError({"amount": _("Số tiền phải lớn hơn 0.")})
    if not (memo or "").strip():
        raise ValidationError({"memo": _("Cần ghi nội dung.")})
    entry = ledger_add(
        unit=unit, on=on, line=line, amount=amount, memo=memo.strip(), source=source, actor=scope.actor
    )
    event_record(
        actor=scope.actor,
        action="finance.entry_add",
        summary=_("Ghi sổ %(l)s: %(v)s — %(m)s")
        % {"l": entry.get_line_display(), "v": format_vnd(amount), "m": entry.memo},
        unit=unit,
        obj=entry,
    )
    return entry


@transaction.atomic
def entry_reverse(*, scope: Scope, entry: LedgerEntry, reason: str) -> LedgerEntry:
    """A correction: the opposite entry, with the reason (the ledger is never edited)."""
    scope.require_can(entry.unit, Action.ACT)
    if entry.line not in MANUAL_LINES or entry.amount <= 0:
        raise ValidationError(_("Chỉ điều chỉnh được bút toán nhập tay."))
    if LedgerEntry.objects.filter(source=f"reverse:{entry.pk}").exists():
        raise ValidationError(_("Bút toán này đã được điều chỉnh."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Cần ghi lý do điều chỉnh.")})
    opposite = ledger_add(
        unit=entry.unit,
        on=entry.on,
        line=entry.line,
        amount=-entry.amount,
        memo=_("Điều chỉnh: %(m)s — %(r)s") % {"m": entry.memo, "r": reason.strip()},
        source=f"reverse:{entry.pk}",
        actor=scope.actor,
    )
    event_record(
        actor=scope.actor, action="finance.entry_reverse", summary=opposite.memo, unit=entry.unit, obj=entry
    )
    return opposite


@transaction.atomic
def transfer_receive(*, scope: Scope, transfer: Transfer, amount: int, on: dt.date) -> Transfer:
    """The level above records money received from below: the child's ledger shows it paid up, the
    parent's ledger its income (both legs marked, so a consolidated roll-up leaves them out)."""
    transfer = Transfer.objects.select_for_update().select_related("from_unit", "to_unit").get(pk=transfer.pk)
    scope.require_can(transfer.to_unit, Action.ACT)
    if amount is None or amount <= 0 or amount > transfer.owed - transfer.received:
        raise ValidationError({"amount": _("Số nhận phải lớn hơn 0 và không quá số còn phải nộp.")})
    transfer.received += amount
    transfer.received_on = on
    transfer.save(update_fields=["received", "received_on"])
    what = transfer.get_kind_display()
    memo = _("%(w)s tháng %(m)s") % {"w": what, "m": month_label(transfer.month)}
    ledger_add(
        unit=transfer.from_unit,
        on=on,
        line=Line.TRANSFER_UP,
        amount=amount,
        memo=memo,
        source=f"transfer:{transfer.pk}",
        actor=scope.actor,
        transfer=transfer,
    )
    income = Line.DUES if transfer.kind == SplitKind.DUES else Line.FUND
    ledger_add(
        unit=transfer.to_unit,
        on=on,
        line=income,
        amount=amount,
        memo=_("%(m)s — %(u)s nộp") % {"m": memo, "u": transfer.from_unit.name},
        source=f"transfer:{transfer.pk}",
        actor=scope.actor,
        transfer=transfer,
    )
    event_record(
        actor=scope.actor,
        action="finance.transfer_receive",
        summary=_("Nhận %(v)s %(w)s từ %(u)s")
        % {"v": format_vnd(amount), "w": memo, "u": transfer.from_unit.name},
        unit=transfer.to_unit,
        obj=transfer,
    )
    return transfer


def spending_post(
    *, unit: Unit, on: dt.date, amount: int, memo: str, source: str, actor=None
) -> LedgerEntry | None:
    """Member-care spending decided elsewhere (a welfare payment from union money of ``unit``'s level), booked
    to ``unit``'s ledger; a reversal posts a negative amount. The caller has checked the scope."""
    if not amount:
        return None
    return ledger_add(
        unit=unit, on=on, line=Line.MEMBER_CARE, amount=amount, memo=memo, source=source, actor=actor
    )
