"""Registrations recorded by officers: one through the API, or a list exported by the national platform.

They carry the day the member registered (``registered_on``), which is the period they count in, whatever
day they were entered here.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Scope
from congdoan.members.selectors import members_by_cccds, members_by_codes

from ..constants import RegistrationSource
from ..models import Programme, Registration
from ._common import _unit_takes_part


def _phone(text: str) -> str:
    digits = "".join(ch for ch in str(text or "") if ch.isdigit() or ch == "+")
    return digits[:15]


def _check(scope: Scope, programme: Programme, member, registered_on: dt.date | None, taken: set) -> None:
    scope.require_can(member.unit)
    if not _unit_takes_part(programme, member.unit):
        raise ValidationError(
            _("đơn vị %(u)s của %(n)s không tham gia chương trình.")
            % {"u": member.unit.name, "n": member.full_name}
        )
    if registered_on is None:
        raise ValidationError({"registered_on": _("Hãy nhập ngày đăng ký.")})
    if registered_on > today():
        raise ValidationError(
            {"registered_on": _("Ngày đăng ký %(d)s chưa đến.") % {"d": format_date(registered_on)}}
        )
    if registered_on > programme.end:
        raise ValidationError(
            {
                "registered_on": _("Ngày đăng ký %(d)s sau khi chương trình kết thúc (%(e)s).")
                % {"d": format_date(registered_on), "e": format_date(programme.end)}
            }
        )
    if member.pk in taken:
        raise ValidationError(_("%(n)s đã đăng ký chương trình này rồi.") % {"n": member.full_name})


@transaction.atomic
def registration_record(
    *,
    scope: Scope,
    programme: Programme,
    member,
    registered_on: dt.date | None,
    phone: str = "",
    note: str = "",
    source: str = RegistrationSource.API,
) -> Registration:
    """An officer records a member's registration made elsewhere (a phone call, the national platform)."""
    list(Programme.objects.select_for_update().filter(pk=programme.pk).values_list("pk"))
    taken = set(
        Registration.objects.filter(programme=programme, member=member).values_list("member_id", flat=True)
    )
    _check(scope, programme, member, registered_on, taken)
    registration = Registration.objects.create(
        programme=programme,
        member=member,
        unit=member.unit,
        registered_on=registered_on,
        source=source,
        phone=_phone(phone),
        note=(note or "").strip()[:255],
    )
    event_record(
        actor=scope.actor,
        action="welfare.registration_record",
        summary=_("Ghi nhận đăng ký của %(n)s vào “%(p)s” (ngày %(d)s)")
        % {"n": member.full_name, "p": programme.name, "d": format_date(registered_on)},
        unit=member.unit,
        obj=registration,
    )
    return registration


@transaction.atomic
def registrations_import(*, scope: Scope, programme: Programme, rows: list[dict]) -> list[Registration]:
    """The national platform's export of registrations: all or nothing, every bad row named ("Dòng N: …").

    ``rows``: dicts with "row" (sheet row number), "code", "cccd", "phone", "registered_on" (a date or None)
    and "errors" (cells that could not be read).
    """
    if not rows:
        raise ValidationError(_("Tệp không có dòng dữ liệu nào."))
    list(Programme.objects.select_for_update().filter(pk=programme.pk).values_list("pk"))
    by_code = members_by_codes(codes={r["code"].upper() for r in rows if r["code"]})
    by_cccd = members_by_cccds(cccds={r["cccd"] for r in rows if r["cccd"]})
    taken = set(Registration.objects.filter(programme=programme).values_list("member_id", flat=True))
    errors: list[str] = []
    built: list[Registration] = []
    for row in rows:
        line = row["row"]
        if row["errors"]:
            errors += [_("Dòng %(r)s: %(m)s") % {"r": line, "m": m} for m in row["errors"]]
            continue
        member = by_code.get(row["code"].upper()) if row["code"] else None
        if member is None and row["cccd"]:
            member = by_cccd.get(row["cccd"])
        if member is None or not scope.can(member.unit):
            errors.append(
                _("Dòng %(r)s: không tìm thấy đoàn viên “%(c)s” trong phạm vi của bạn.")
                % {"r": line, "c": row["code"] or row["cccd"] or "—"}
            )
            continue
        try:
            _check(scope, programme, member, row["registered_on"], taken)
        except (ValidationError, PermissionDenied) as exc:
            messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            errors.append(_("Dòng %(r)s: %(m)s") % {"r": line, "m": " ".join(messages)})
            continue
        taken.add(member.pk)
        built.append(
            Registration(
                programme=programme,
                member=member,
                unit=member.unit,
                registered_on=row["registered_on"],
                source=RegistrationSource.PLATFORM,
                phone=_phone(row["phone"]),
            )
        )
    if errors:
        raise ValidationError(errors)
    made = Registration.objects.bulk_create(built)
    event_record(
        actor=scope.actor,
        action="welfare.registrations_import",
        summary=_("Nhập %(n)s đăng ký trực tuyến từ nền tảng số vào “%(p)s”")
        % {"n": len(made), "p": programme.name},
        unit=programme.owner,
        obj=programme,
    )
    return made
