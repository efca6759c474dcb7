"""Recipients from an Excel list (rows already read by ``congdoan.welfare.excel``): all or nothing."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.scoping import Scope
from congdoan.members.selectors import members_by_cccds, members_by_codes

from ..constants import (
    PaymentForm,
)
from ..models import FundSource, Payment, Programme
from .payments import _build_payment, _save_payment


@transaction.atomic
def payments_import(
    *,
    scope: Scope,
    programme: Programme,
    rows: list[dict],
    unit=None,
    paid_on: dt.date | None = None,
    form: str = PaymentForm.CASH,
    fund: FundSource | None = None,
) -> list[Payment]:
    """Add recipients from an Excel list. Any bad row: a Vietnamese message naming it, nothing saved.

    ``rows`` as read by ``congdoan.welfare.excel.parse.recipient_rows``: dicts with the sheet row number
    ("row"), "code", "cccd", "name", "note", the parsed "amount" (None when empty), "funds" [(fund, amount)]
    and "bad_amount" (a money cell that is not a number).
    """
    if not rows:
        raise ValidationError(_("Tệp không có dòng dữ liệu nào."))
    codes = {r["code"] for r in rows if r["code"]}
    cccds = {r["cccd"] for r in rows if r["cccd"]}
    by_code = members_by_codes(codes=codes)
    by_cccd = members_by_cccds(cccds=cccds)
    errors: list[str] = []
    built: list[tuple[Payment, list]] = []
    seen: set = set()
    for row in rows:
        line = row["row"]
        member = None
        if row["code"]:
            member = by_code.get(row["code"])
            if member is None or not scope.can(member.unit):
                errors.append(
                    _("Dòng %(r)s: không tìm thấy đoàn viên có mã “%(c)s”.") % {"r": line, "c": row["code"]}
                )
                continue
        elif row["cccd"]:
            member = by_cccd.get(row["cccd"])
            if member is not None and not scope.can(member.unit):
                member = None
            if member is None and not programme.allows_non_members:
                errors.append(
                    _("Dòng %(r)s: không tìm thấy đoàn viên có số CCCD “%(c)s”.")
                    % {"r": line, "c": row["cccd"]}
                )
                continue
        key = member.pk if member else row["cccd"]
        if key in seen:
            errors.append(_("Dòng %(r)s: người này đã có ở dòng trên.") % {"r": line})
            continue
        seen.add(key)
        if row["bad_amount"]:
            errors.append(_("Dòng %(r)s: số tiền không hợp lệ.") % {"r": line})
            continue
        amount, parts = row["amount"], list(row["funds"])
        if parts and amount is None:
            amount = sum(v for _f, v in parts)
        try:
            effective = amount if amount is not None else programme.standard_amount
            payment, parts = _build_payment(
                scope=scope,
                programme=programme,
                member=member,
                worker_name=row["name"],
                worker_cccd=row["cccd"],
                unit=unit,
                amount=amount,
                paid_on=paid_on,
                form=form,
                splits=parts or (None if fund is None else [(fund, effective)]),
                note=row["note"][:255],
            )
        except (ValidationError, PermissionDenied) as exc:
            messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            errors.append(_("Dòng %(r)s: %(m)s") % {"r": line, "m": " ".join(messages)})
            continue
        built.append((payment, parts))
    if errors:
        raise ValidationError(errors)
    made = [_save_payment(payment, parts) for payment, parts in built]
    event_record(
        actor=scope.actor,
        action="welfare.payments_import",
        summary=_("Nhập %(n)s người được hỗ trợ từ Excel vào “%(p)s”")
        % {"n": len(made), "p": programme.name},
        unit=unit or programme.owner,
        obj=programme,
    )
    return made
