"""The monthly dues roll of a grassroots union: open, enter, post (immutable), reverse (audited)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.concurrency import version_claim
from congdoan.core.money import MAX_AMOUNT, format_vnd
from congdoan.core.scoping import Action, Scope
from congdoan.members import selectors as member_selectors
from congdoan.org.models import Unit

from ..constants import MonthStatus, SplitKind
from ..models import DuesLine, DuesMonth, UnitDuesProfile
from ..months import month_end, month_label, month_start
from ..rules import dues_rule
from ._common import post_collection, require_grassroots


def _profile(unit: Unit) -> UnitDuesProfile | None:
    return UnitDuesProfile.objects.filter(unit=unit).first()


def roll_rule(roll: DuesMonth):
    return dues_rule(day=roll.month, profile=_profile(roll.unit))


@transaction.atomic
def dues_month_open(*, scope: Scope, unit: Unit, month: dt.date) -> DuesMonth:
    """The month's roll of ``unit`` (created on first use): every member with a stint in the unit during the
    month, their pay carried over from the last roll. A member whose stint ended before the month is left
    out; so is every member once the unit is paid wholly by the state budget."""
    scope.require_can(unit, Action.ACT)
    require_grassroots(unit)
    month = month_start(month)
    existing = DuesMonth.objects.filter(unit=unit, month=month).first()
    if existing:
        return existing
    rule = dues_rule(day=month, profile=_profile(unit))
    if not rule.collecting:
        raise ValidationError(
            _("Từ tháng %(m)s đơn vị hưởng lương 100 %% từ ngân sách nhà nước: không thu đoàn phí.")
            % {"m": month_label(month)}
        )
    roll = DuesMonth.objects.create(unit=unit, month=month)
    members = member_selectors.members_in_unit_during(unit=unit, start=month, end=month_end(month))
    last = DuesMonth.objects.filter(unit=unit, month__lt=month).order_by("-month").first()
    pays = dict(DuesLine.objects.filter(roll=last).values_list("member_id", "pay")) if last else {}
    lines = []
    for member_id in members.values_list("id", flat=True):
        pay = pays.get(member_id, 0)
        lines.append(DuesLine(roll=roll, member_id=member_id, pay=pay, due=rule.amount(pay)))
    DuesLine.objects.bulk_create(lines, batch_size=2000)
    event_record(
        actor=scope.actor,
        action="finance.dues_open",
        summary=_("Lập bảng thu đoàn phí tháng %(m)s: %(n)s đoàn viên")
        % {"m": month_label(month), "n": len(lines)},
        unit=unit,
        obj=roll,
    )
    return roll


def _require_draft(roll: DuesMonth) -> None:
    if roll.status != MonthStatus.DRAFT:
        raise ValidationError(
            _("Tháng %(m)s đã ghi sổ: không sửa được; muốn sửa hãy điều chỉnh (huỷ ghi sổ có ghi lý do).")
            % {"m": month_label(roll.month)}
        )


def _check_amount(value, label: str, row: str) -> int:
    if value is None or value < 0 or value > MAX_AMOUNT:
        raise ValidationError(_("%(row)s: %(what)s không hợp lệ.") % {"row": row, "what": label})
    return int(value)


@transaction.atomic
def dues_month_save(
    *, scope: Scope, roll: DuesMonth, version: int | None, rows: dict[int, tuple[int, int | None]]
):
    """Save the pay and what was paid of members on the roll: ``rows`` = {member id: (pay, paid)}; a paid of
    None means "paid in full". Dues are recomputed from the rule of the month. Refused on a posted month, on
    a stale version (two treasurers), or for a member not on the roll."""
    scope.require_can(roll.unit, Action.ACT)
    version_claim(roll, version)
    _require_draft(roll)
    rule = roll_rule(roll)
    lines = {line.member_id: line for line in roll.lines.all()}
    changed = []
    for member_id, (pay, paid) in rows.items():
        line = lines.get(member_id)
        if line is None:
            raise ValidationError(
                _("Đoàn viên (mã %(id)s) không có trong bảng thu tháng này.") % {"id": member_id}
            )
        line.pay = _check_amount(pay, _("tiền lương"), str(line.member))
        line.due = rule.amount(line.pay)
        line.paid = line.due if paid is None else _check_amount(paid, _("số đã đóng"), str(line.member))
        changed.append(line)
    DuesLine.objects.bulk_update(changed, ["pay", "due", "paid"], batch_size=2000)
    event_record(
        actor=scope.actor,
        action="finance.dues_save",
        summary=_("Cập nhật bảng thu đoàn phí tháng %(m)s: %(n)s dòng")
        % {"m": month_label(roll.month), "n": len(changed)},
        unit=roll.unit,
        obj=roll,
    )
    return roll


def roll_totals(roll: DuesMonth) -> dict:
    totals = roll.lines.aggregate(due=Sum("due"), paid=Sum("paid"), pay=Sum("pay"))
    return {k: v or 0 for k, v in totals.items()}


@transaction.atomic
def dues_month_post(*, scope: Scope, roll: DuesMonth, version: int | None) -> DuesMonth:
    """Post the month: the dues paid enter the ledger, the level above is owed its share; the roll is then
    immutable."""
    scope.require_can(roll.unit, Action.ACT)
    version_claim(roll, version)
    _require_draft(roll)
    collected = roll_totals(roll)["paid"]
    post_collection(
        unit=roll.unit,
        kind=SplitKind.DUES,
        month=roll.month,
        collected=collected,
        memo=_("Thu đoàn phí tháng %(m)s") % {"m": month_label(roll.month)},
        source=f"dues:{roll.pk}",
        actor=scope.actor,
    )
    roll.status = MonthStatus.POSTED
    roll.posted_at = timezone.now()
    roll.posted_by = user_or_none(scope.actor)
    roll.save(update_fields=["status", "posted_at", "posted_by"])
    event_record(
        actor=scope.actor,
        action="finance.dues_post",
        summary=_("Ghi sổ đoàn phí tháng %(m)s: %(v)s")
        % {"m": month_label(roll.month), "v": format_vnd(collected)},
        unit=roll.unit,
        obj=roll,
        after={"collected": collected},
    )
    return roll


@transaction.atomic
def dues_month_reverse(*, scope: Scope, roll: DuesMonth, version: int | None, reason: str) -> DuesMonth:
    """Undo a posting by reversing entries (the ledger keeps both) and reopen the roll for correction."""
    scope.require_can(roll.unit, Action.ACT)
    version_claim(roll, version)
    if roll.status != MonthStatus.POSTED:
        raise ValidationError(_("Chỉ điều chỉnh được tháng đã ghi sổ."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Cần ghi lý do điều chỉnh.")})
    collected = roll_totals(roll)["paid"]
    post_collection(
        unit=roll.unit,
        kind=SplitKind.DUES,
        month=roll.month,
        collected=collected,
        memo=_("Điều chỉnh (huỷ ghi sổ) đoàn phí tháng %(m)s: %(r)s")
        % {"m": month_label(roll.month), "r": reason.strip()},
        source=f"dues:{roll.pk}",
        actor=scope.actor,
        sign=-1,
    )
    roll.status = MonthStatus.DRAFT
    roll.reversals += 1
    roll.save(update_fields=["status", "reversals"])
    event_record(
        actor=scope.actor,
        action="finance.dues_reverse",
        summary=_("Điều chỉnh đoàn phí tháng %(m)s — %(r)s")
        % {"m": month_label(roll.month), "r": reason.strip()},
        unit=roll.unit,
        obj=roll,
        before={"collected": collected},
    )
    return roll
