"""A unit's congress: planned (opening its term), then recorded as held."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.concurrency import version_claim
from congdoan.core.dates import format_date, today
from congdoan.core.scoping import Scope
from congdoan.core.validation import require

from ..constants import TermOrigin
from ..models import Congress, CongressPlan, PlanDeadline, Term
from ._common import check_day, check_form, check_term_years, member_count
from .seats import take_office

CONGRESS_FIELDS = ("ordinal", "form", "consent_no", "planned_on", "delegates", "note")


def plan_for(unit, start_year: int) -> tuple[CongressPlan | None, dt.date | None]:
    """The closest upper level's plan for the term starting ``start_year`` that sets a deadline for
    ``unit``'s kind, and that deadline."""
    owners = unit.ancestor_ids()
    row = (
        PlanDeadline.objects.filter(
            plan__owner_id__in=owners, plan__term_start=start_year, unit_kind_id=unit.kind_id
        )
        .select_related("plan")
        .order_by("-plan__owner__depth")
        .first()
    )
    return (row.plan, row.deadline) if row else (None, None)


def _next_ordinal(unit) -> int:
    return (Congress.objects.filter(unit=unit).aggregate(n=Max("ordinal"))["n"] or 0) + 1


def _check_ordinal(congress: Congress) -> None:
    require(1 <= (congress.ordinal or 0) <= 999, _("Số lần đại hội không hợp lệ."), "ordinal")
    taken = Congress.objects.filter(unit=congress.unit, ordinal=congress.ordinal).exclude(pk=congress.pk)
    require(
        not taken.exists(),
        _("“%(u)s” đã có đại hội lần thứ %(n)s.") % {"u": congress.unit.name, "n": congress.ordinal},
        "ordinal",
    )


def _check(congress: Congress) -> None:
    unit = congress.unit
    _check_ordinal(congress)
    check_day(unit, congress.planned_on, "planned_on")
    day = congress.held_on or congress.planned_on or today()
    members = congress.members_count if congress.members_count is not None else member_count(unit, day)
    check_form(
        unit=unit,
        form=congress.form,
        consent_no=congress.consent_no,
        delegates=congress.delegates,
        members=members,
        day=day,
    )


@transaction.atomic
def congress_create(
    *, scope: Scope, unit, start_year: int, end_year: int, ordinal: int | None = None, **fields
) -> Congress:
    """Plan ``unit``'s congress opening the term ``start_year``–``end_year`` (the deadline comes from the
    closest upper level's plan for that term)."""
    scope.require_can(unit)
    unknown = set(fields) - set(CONGRESS_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    check_term_years(unit, start_year, end_year)
    plan, deadline = plan_for(unit, start_year)
    congress = Congress(
        unit=unit,
        ordinal=ordinal or _next_ordinal(unit),
        plan=plan,
        deadline=deadline,
        created_by=user_or_none(scope.actor),
        **fields,
    )
    _check(congress)
    congress.term = Term.objects.create(
        unit=unit, start_year=start_year, end_year=end_year, origin=TermOrigin.CONGRESS
    )
    congress.full_clean()
    congress.save()
    event_record(
        actor=scope.actor,
        action="congress.create",
        summary=_("Dự kiến đại hội “%(u)s” lần thứ %(n)s, nhiệm kỳ %(t)s")
        % {"u": unit.name, "n": congress.ordinal, "t": congress.term.label},
        unit=unit,
        obj=congress,
    )
    return congress


@transaction.atomic
def congress_update(
    *,
    scope: Scope,
    congress: Congress,
    start_year: int,
    end_year: int,
    version: int | None = None,
    **fields,
) -> Congress:
    """Change a congress's ordinal, form, dates, delegates, or its term's years."""
    scope.require_can(congress.unit)
    version_claim(congress, version)
    before = {f: str(getattr(congress, f)) for f in CONGRESS_FIELDS}
    for name, value in fields.items():
        if name not in CONGRESS_FIELDS:
            raise TypeError(f"unknown field {name}")
        setattr(congress, name, value)
    term = congress.term
    if (start_year, end_year) != (term.start_year, term.end_year):
        check_term_years(congress.unit, start_year, end_year, exclude=term)
        term.start_year, term.end_year = start_year, end_year
        term.save(update_fields=["start_year", "end_year"])
        if not congress.is_held:
            congress.plan, congress.deadline = plan_for(congress.unit, start_year)
    _check(congress)
    congress.full_clean()
    congress.save()
    event_record(
        actor=scope.actor,
        action="congress.update",
        summary=_("Sửa đại hội “%(u)s” lần thứ %(n)s") % {"u": congress.unit.name, "n": congress.ordinal},
        unit=congress.unit,
        obj=congress,
        before=before,
        after={f: str(getattr(congress, f)) for f in CONGRESS_FIELDS},
    )
    return congress


@transaction.atomic
def congress_record(
    *,
    scope: Scope,
    congress: Congress,
    held_on: dt.date,
    delegates: int | None = None,
    members_count: int | None = None,
    form: str | None = None,
    consent_no: str | None = None,
    version: int | None = None,
) -> Congress:
    """Record that the congress was held on ``held_on`` (in the ``form`` held, when it differs from the one
    planned): the term takes office that day, the members elected take their union posts and the previous
    term's posts end the day before."""
    scope.require_can(congress.unit)
    version_claim(congress, version)
    unit = congress.unit
    require(held_on is not None, _("Hãy nhập ngày tổ chức đại hội."), "held_on")
    require(
        held_on <= today(),
        _("Ngày tổ chức (%(d)s) chưa đến: chỉ ghi nhận đại hội đã tổ chức.") % {"d": format_date(held_on)},
        "held_on",
    )
    check_day(unit, held_on, "held_on")
    require(
        congress.term.start_year - 1 <= held_on.year < congress.term.end_year,
        _("Đại hội nhiệm kỳ %(t)s tổ chức từ năm %(a)s đến năm %(b)s; ngày đã nhập: %(d)s.")
        % {
            "t": congress.term.label,
            "a": congress.term.start_year - 1,
            "b": congress.term.end_year - 1,
            "d": format_date(held_on),
        },
        "held_on",
    )
    congress.held_on = held_on
    congress.members_count = members_count if members_count is not None else member_count(unit, held_on)
    if delegates is not None:
        congress.delegates = delegates
    if form:
        congress.form = form
    if consent_no is not None:
        congress.consent_no = consent_no
    _check(congress)
    congress.full_clean()
    congress.save()
    take_office(scope=scope, term=congress.term, day=held_on)
    event_record(
        actor=scope.actor,
        action="congress.record",
        summary=_("Ghi nhận “%(u)s” tổ chức đại hội lần thứ %(n)s ngày %(d)s")
        % {"u": unit.name, "n": congress.ordinal, "d": format_date(held_on)},
        unit=unit,
        obj=congress,
    )
    return congress
