"""The monthly dues roll of a grassroots union: open, enter, post (immutable), reverse (audited)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import connection, transaction
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


def insert_lines(rows: list[tuple[int, int, int, int, int]]) -> None:
    """Insert (roll, member, pay, due, paid) rows: ``COPY`` on PostgreSQL, ``executemany`` elsewhere — the
    ORM's ``bulk_create`` spent most of a 5,000-line roll preparing values one field at a time."""
    table = connection.ops.quote_name(DuesLine._meta.db_table)
    cols = "roll_id, member_id, pay, due, paid"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(f"INSERT INTO {table} ({cols}) VALUES (%s, %s, %s, %s, %s)", rows)  # noqa: S608


@dataclass(slots=True)
class Row:
    """A line of a roll as the writers handle it (plain values: no model instance per member)."""

    member_id: int
    code: str
    pay: int
    due: int
    paid: int


def load_rows(roll: DuesMonth) -> list[Row]:
    values = roll.lines.values_list("member_id", "member__code", "pay", "due", "paid").order_by("id")
    return [Row(m, c or "", p, d, q) for m, c, p, d, q in values]


def rewrite_lines(roll: DuesMonth, lines) -> None:
    """Write a roll's lines anew: one DELETE and one COPY (nothing refers to a line, so rewriting is safe)."""
    DuesLine.objects.filter(roll=roll).delete()
    rows = [(roll.pk, line.member_id, line.pay, line.due, line.paid) for line in lines]
    insert_lines(rows)
    roll.due_total, roll.paid_total = sum(r[3] for r in rows), sum(r[4] for r in rows)
    DuesMonth.objects.filter(pk=roll.pk).update(due_total=roll.due_total, paid_total=roll.paid_total)


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
        due = rule.amount(pay)
        lines.append((roll.pk, member_id, pay, due, 0))
    insert_lines(lines)
    roll.due_total = sum(row[3] for row in lines)
    roll.save(update_fields=["due_total"])
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


def _check_amount(value, label: str, line: Row) -> int:
    if value is None or value < 0 or value > MAX_AMOUNT:
        name = ", ".join(member_selectors.member_names(ids=[line.member_id]))
        raise ValidationError(_("%(row)s: %(what)s không hợp lệ.") % {"row": name, "what": label})
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
    lines = {line.member_id: line for line in load_rows(roll)}
    pay_label, paid_label = _("tiền lương"), _("số đã đóng")
    changed = 0
    for member_id, (pay, paid) in rows.items():
        line = lines.get(member_id)
        if line is None:
            raise ValidationError(
                _("Đoàn viên (mã %(id)s) không có trong bảng thu tháng này.") % {"id": member_id}
            )
        line.pay = _check_amount(pay, pay_label, line)
        line.due = rule.amount(line.pay)
        line.paid = line.due if paid is None else _check_amount(paid, paid_label, line)
        changed += 1
    rewrite_lines(roll, list(lines.values()))
    event_record(
        actor=scope.actor,
        action="finance.dues_save",
        summary=_("Cập nhật bảng thu đoàn phí tháng %(m)s: %(n)s dòng")
        % {"m": month_label(roll.month), "n": changed},
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
