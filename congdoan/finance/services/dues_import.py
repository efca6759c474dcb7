"""A payroll import onto a month's roll: all or nothing, with an error per bad row."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.concurrency import version_claim
from congdoan.core.money import parse_amount
from congdoan.core.scoping import Action, Scope
from congdoan.members import selectors as member_selectors

from ..models import DuesLine, DuesMonth
from ..months import month_label
from ..payroll import read_payroll
from .dues import _require_draft, roll_rule

MAX_ERRORS = 50


def _amount(value, label: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, float):
        if not value.is_integer():
            raise ValidationError(_("%(f)s phải là số đồng nguyên.") % {"f": label})
        value = int(value)
    try:
        return parse_amount(str(value), field=label)
    except ValueError as exc:
        raise ValidationError(str(exc)) from exc


def _row_error(errors: list[str], row: int, message: str) -> None:
    errors.append(_("Dòng %(row)s: %(msg)s") % {"row": row, "msg": message})


@transaction.atomic
def dues_import(*, scope: Scope, roll: DuesMonth, content: bytes, version: int | None = None) -> int:
    """Fill the roll's pay (and paid, when the sheet has the column; else paid in full) from a payroll
    workbook. Any bad row (wrong pay, unknown member, a code twice, a member not in the unit that month)
    refuses the whole file with the list of rows; nothing is saved."""
    scope.require_can(roll.unit, Action.ACT)
    version_claim(roll, version)
    _require_draft(roll)
    rows = read_payroll(content)
    if not rows:
        raise ValidationError(_("Tệp không có dòng dữ liệu nào."))
    lines = {line.member.code: line for line in roll.lines.select_related("member") if line.member.code}
    unknown = {code for _r, code, _p, _d in rows if code and code not in lines}
    known_elsewhere = set(member_selectors.members_by_codes(codes=unknown)) if unknown else set()
    rule = roll_rule(roll)
    errors: list[str] = []
    seen: dict[str, int] = {}
    for row, code, pay_cell, paid_cell in rows:
        if not code:
            _row_error(errors, row, _("thiếu mã đoàn viên."))
            continue
        if code in seen:
            _row_error(errors, row, _("mã %(c)s trùng với dòng %(r)s.") % {"c": code, "r": seen[code]})
            continue
        seen[code] = row
        if code not in lines:
            if code in known_elsewhere:
                message = _("đoàn viên %(c)s không sinh hoạt tại đơn vị trong tháng %(m)s.")
            else:
                message = _("không có đoàn viên mã %(c)s.")
            _row_error(errors, row, message % {"c": code, "m": month_label(roll.month)})
            continue
        try:
            pay = _amount(pay_cell, _("Tiền lương"))
            paid = _amount(paid_cell, _("Số đã đóng"))
        except ValidationError as exc:
            _row_error(errors, row, " ".join(exc.messages))
            continue
        if pay is None:
            _row_error(errors, row, _("thiếu tiền lương."))
            continue
        line = lines[code]
        line.pay, line.due = pay, rule.amount(pay)
        line.paid = line.due if paid is None else paid
    if errors:
        more = len(errors) - MAX_ERRORS
        shown = errors[:MAX_ERRORS] + ([_("… và %(n)s lỗi khác.") % {"n": more}] if more > 0 else [])
        raise ValidationError([_("Không nhập được tệp, chưa lưu gì:"), *shown])
    changed = [lines[code] for code in seen]
    DuesLine.objects.bulk_update(changed, ["pay", "due", "paid"], batch_size=2000)
    event_record(
        actor=scope.actor,
        action="finance.dues_import",
        summary=_("Nhập bảng lương tháng %(m)s: %(n)s dòng")
        % {"m": month_label(roll.month), "n": len(changed)},
        unit=roll.unit,
        obj=roll,
    )
    return len(changed)
