"""Movements, registration deadlines and registrations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Scope
from congdoan.core.text import normalise

from ..constants import Recipient
from ..models import (
    AwardKind,
    Movement,
    Registration,
    RegistrationDeadline,
    RegistrationEntry,
)
from ..selectors import registration_deadline_for
from ._common import kind_in_force, require, within


@transaction.atomic
def movement_save(
    *,
    scope: Scope,
    owner,
    name: str,
    year: int,
    starts_on: dt.date,
    ends_on: dt.date,
    criteria: str = "",
    movement: Movement | None = None,
) -> Movement:
    """Create or edit an emulation movement run by ``owner``."""
    scope.require_can(owner)
    name = normalise(name)
    require(bool(name), _("Cần nhập tên phong trào."), "name")
    require(starts_on is not None and ends_on is not None, _("Cần nhập thời gian phong trào."), "starts_on")
    require(ends_on >= starts_on, _("Ngày kết thúc phải sau ngày bắt đầu."), "ends_on")
    movement = movement or Movement(created_by=user_or_none(scope.actor))
    movement.owner, movement.name, movement.year = owner, name, int(year)
    movement.starts_on, movement.ends_on, movement.criteria = starts_on, ends_on, criteria.strip()
    movement.full_clean()
    movement.save()
    event_record(
        actor=scope.actor,
        action="emulation.movement.save",
        unit=owner,
        obj=movement,
        summary=_("Lưu phong trào thi đua “%(n)s” năm %(y)s") % {"n": name, "y": year},
    )
    return movement


@transaction.atomic
def registration_deadline_set(
    *,
    scope: Scope,
    owner,
    year: int,
    deadline: dt.date,
) -> RegistrationDeadline:
    """Set the date by which units under ``owner`` register for ``year`` (default 25 January)."""
    scope.require_can(owner)
    require(deadline is not None, _("Cần nhập hạn đăng ký."), "deadline")
    row, _created = RegistrationDeadline.objects.update_or_create(
        owner=owner, year=year, defaults={"deadline": deadline}
    )
    event_record(
        actor=scope.actor,
        action="emulation.registration.deadline",
        unit=owner,
        obj=row,
        summary=_("Hạn đăng ký thi đua năm %(y)s: %(d)s") % {"y": year, "d": format_date(deadline)},
    )
    return row


@transaction.atomic
def registration_submit(
    *,
    scope: Scope,
    unit,
    year: int,
    entries: Sequence[tuple[AwardKind, object | None]],
    registered_on: dt.date | None = None,
    movement: Movement | None = None,
    note: str = "",
) -> Registration:
    """Register ``unit``'s collective titles (member None) and its members' titles for ``year``.

    Registering again replaces the list; the first registration date (and so lateness) is kept.
    """
    scope.require_can(unit)
    require(unit.parent_id is not None, _("Đơn vị không có công đoàn cấp trên để đăng ký."), "unit")
    require(bool(entries), _("Cần đăng ký ít nhất một danh hiệu."), "entries")
    day = registered_on or today()
    require(
        day <= today(),
        _("Ngày đăng ký %(d)s chưa đến.") % {"d": format_date(day)},
        "registered_on",
    )
    resolved = []
    for index, (kind, member) in enumerate(entries, start=1):
        row = _("Dòng %(i)s") % {"i": index}
        # The version of the catalogue in force on the registration day (an earlier year: the rules then).
        kind = kind_in_force(kind, day, field="entries", prefix=f"{row}: ")
        resolved.append((kind, member))
        if kind.recipient == Recipient.INDIVIDUAL:
            require(
                member is not None,
                _("%(r)s: “%(k)s” là danh hiệu cá nhân, cần chọn đoàn viên.") % {"r": row, "k": kind.name},
                "entries",
            )
            require(
                within(member.unit, unit),
                _("%(r)s: đoàn viên %(m)s không thuộc “%(u)s”.")
                % {"r": row, "m": member.full_name, "u": unit.name},
                "entries",
            )
        else:
            require(
                member is None,
                _("%(r)s: “%(k)s” là danh hiệu tập thể.") % {"r": row, "k": kind.name},
                "entries",
            )
    entries = resolved
    registration = Registration.objects.filter(unit=unit, year=year).first()
    if registration is None:
        deadline = registration_deadline_for(owner=unit.parent, year=year)
        registration = Registration(
            unit=unit,
            upper_unit=unit.parent,
            year=year,
            registered_on=day,
            is_late=day > deadline,
            created_by=user_or_none(scope.actor),
        )
    registration.movement, registration.note = movement, note.strip()
    registration.full_clean()
    registration.save()
    registration.entries.all().delete()
    seen = set()
    for kind, member in entries:
        key = (kind.pk, member.pk if member else None)
        if key not in seen:
            seen.add(key)
            RegistrationEntry.objects.create(registration=registration, award_kind=kind, member=member)
    event_record(
        actor=scope.actor,
        action="emulation.registration.submit",
        unit=unit,
        obj=registration,
        summary=_("“%(u)s” đăng ký thi đua năm %(y)s: %(n)s danh hiệu%(late)s")
        % {"u": unit.name, "y": year, "n": len(seen), "late": _(" (muộn)") if registration.is_late else ""},
    )
    return registration
