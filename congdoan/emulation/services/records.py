"""A member's discipline and absence records, which the eligibility rules read (add, correct, delete)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.core.text import normalise

from ..models import Discipline, WorkAbsence
from ._common import require

MAX_DAYS_IN_YEAR = 366
FIRST_YEAR, LAST_YEAR = 1950, 2100


def _discipline_state(row: Discipline) -> dict:
    return {
        "form": row.form,
        "starts_on": row.starts_on.isoformat() if row.starts_on else None,
        "ends_on": row.ends_on.isoformat() if row.ends_on else None,
        "decision_no": row.decision_no,
    }


def _absence_state(row: WorkAbsence) -> dict:
    return {"year": row.year, "days": row.days, "is_maternity": row.is_maternity}


def _check_discipline(member, starts_on, ends_on, exclude_pk) -> None:
    require(starts_on is not None, _("Cần nhập ngày bắt đầu kỷ luật."), "starts_on")
    require(
        ends_on is None or ends_on >= starts_on,
        _("Ngày kết thúc kỷ luật (%(e)s) không được trước ngày bắt đầu (%(s)s).")
        % {"e": format_date(ends_on), "s": format_date(starts_on)},
        "ends_on",
    )
    far = dt.date.max
    for other in Discipline.objects.filter(member=member).exclude(pk=exclude_pk):
        if other.starts_on <= (ends_on or far) and starts_on <= (other.ends_on or far):
            require(
                False,
                _("Trùng thời gian với kỷ luật “%(f)s” từ %(s)s đến %(e)s đã ghi nhận.")
                % {
                    "f": other.get_form_display(),
                    "s": format_date(other.starts_on),
                    "e": format_date(other.ends_on) or _("nay"),
                },
                "starts_on",
            )


@transaction.atomic
def discipline_save(
    *,
    scope: Scope,
    member,
    form: str,
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    decision_no: str = "",
    discipline: Discipline | None = None,
) -> Discipline:
    """Record a discipline (or administrative fine) against a member, or correct one (``discipline``)."""
    scope.require_can(member.unit)
    if discipline is not None:
        discipline = Discipline.objects.select_for_update().get(pk=discipline.pk, member=member)
    _check_discipline(member, starts_on, ends_on, discipline.pk if discipline else None)
    before = _discipline_state(discipline) if discipline else None
    row = discipline or Discipline(member=member)
    row.form, row.starts_on, row.ends_on = form, starts_on, ends_on
    row.decision_no = normalise(decision_no or "")
    row.full_clean()
    row.save()
    summary = _("Sửa kỷ luật “%(f)s” của %(m)s") if before else _("Ghi nhận kỷ luật “%(f)s” đối với %(m)s")
    event_record(
        actor=scope.actor,
        action="emulation.discipline.update" if before else "emulation.discipline.record",
        unit=member.unit,
        obj=row,
        decision_no=row.decision_no,
        before=before,
        after=_discipline_state(row),
        summary=summary % {"f": row.get_form_display(), "m": member.full_name},
    )
    return row


@transaction.atomic
def discipline_delete(*, scope: Scope, discipline: Discipline) -> None:
    """Delete a discipline entered by mistake."""
    member = discipline.member
    scope.require_can(member.unit)
    event_record(
        actor=scope.actor,
        action="emulation.discipline.delete",
        unit=member.unit,
        obj=discipline,
        decision_no=discipline.decision_no,
        before=_discipline_state(discipline),
        summary=_("Xoá kỷ luật “%(f)s” (từ %(s)s) của %(m)s")
        % {
            "f": discipline.get_form_display(),
            "s": format_date(discipline.starts_on),
            "m": member.full_name,
        },
    )
    discipline.delete()


@transaction.atomic
def absence_save(
    *,
    scope: Scope,
    member,
    year: int,
    days: int,
    is_maternity: bool = False,
    absence: WorkAbsence | None = None,
) -> WorkAbsence:
    """Record days a member was off work in a year (maternity leave flagged, it does not count), or correct."""
    scope.require_can(member.unit)
    if absence is not None:
        absence = WorkAbsence.objects.select_for_update().get(pk=absence.pk, member=member)
    require(
        year is not None and FIRST_YEAR <= year <= LAST_YEAR,
        _("Năm phải từ %(a)s đến %(b)s.") % {"a": FIRST_YEAR, "b": LAST_YEAR},
        "year",
    )
    require(
        days is not None and 0 < days <= MAX_DAYS_IN_YEAR,
        _("Số ngày nghỉ phải từ 1 đến %(n)s.") % {"n": MAX_DAYS_IN_YEAR},
        "days",
    )
    others = WorkAbsence.objects.filter(member=member, year=year).exclude(pk=absence.pk if absence else None)
    already = sum(others.values_list("days", flat=True))
    require(
        already + days <= MAX_DAYS_IN_YEAR,
        _("Năm %(y)s đã ghi %(a)s ngày nghỉ; thêm %(d)s ngày sẽ vượt quá %(n)s ngày của một năm.")
        % {"y": year, "a": already, "d": days, "n": MAX_DAYS_IN_YEAR},
        "days",
    )
    before = _absence_state(absence) if absence else None
    row = absence or WorkAbsence(member=member)
    row.year, row.days, row.is_maternity = year, days, bool(is_maternity)
    row.full_clean()
    row.save()
    summary = (
        _("Sửa ngày nghỉ năm %(y)s của %(m)s: %(n)s ngày")
        if before
        else _("Ghi nhận %(n)s ngày nghỉ năm %(y)s của %(m)s")
    )
    event_record(
        actor=scope.actor,
        action="emulation.absence.update" if before else "emulation.absence.record",
        unit=member.unit,
        obj=row,
        before=before,
        after=_absence_state(row),
        summary=summary % {"n": days, "y": year, "m": member.full_name},
    )
    return row


@transaction.atomic
def absence_delete(*, scope: Scope, absence: WorkAbsence) -> None:
    """Delete an absence row entered by mistake."""
    member = absence.member
    scope.require_can(member.unit)
    event_record(
        actor=scope.actor,
        action="emulation.absence.delete",
        unit=member.unit,
        obj=absence,
        before=_absence_state(absence),
        summary=_("Xoá %(n)s ngày nghỉ năm %(y)s của %(m)s")
        % {"n": absence.days, "y": absence.year, "m": member.full_name},
    )
    absence.delete()


# The names the demo data and earlier callers use for adding a row.
discipline_record = discipline_save
absence_record = absence_save
