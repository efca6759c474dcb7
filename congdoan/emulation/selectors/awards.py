"""Reads of the emulation app. Every list/get takes a Scope; helpers used by services say so."""

from __future__ import annotations

import datetime as dt
from math import floor

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404

from congdoan.core.scoping import Scope
from congdoan.members.selectors import member_get
from congdoan.org import selectors as org_selectors
from congdoan.org.models import Cluster, Unit

from .. import eligibility
from ..constants import DEFAULT_REGISTRATION_DEADLINE, OUTSIDE_LEVELS, CountBy, NominationStatus
from ..models import (
    Award,
    AwardKind,
    AwardQuota,
    CouncilSession,
    Decision,
    Movement,
    Nomination,
    Pledge,
    Registration,
    RegistrationDeadline,
    RegistrationEntry,
)


def _get(qs: QuerySet, **lookup):
    try:
        return qs.get(**lookup)
    except qs.model.DoesNotExist as exc:
        raise Http404 from exc


# -- catalogue ----------------------------------------------------------------------------------
def award_kinds(*, on: dt.date | None = None) -> QuerySet[AwardKind]:
    """The catalogue, optionally only entries in force on ``on``."""
    qs = AwardKind.objects.all()
    if on:
        qs = qs.in_force(on)
    return qs


def award_kind_versions(*, code: str) -> QuerySet[AwardKind]:
    """Every dated version of one catalogue entry, oldest first."""
    return AwardKind.objects.filter(code=code).order_by("valid_from")


def award_kind_version(*, code: str, on: dt.date) -> AwardKind | None:
    """The version of catalogue entry ``code`` in force on ``on`` (the rules then), if any."""
    return AwardKind.objects.filter(code=code).latest_in_force(on)


def union_award_kinds(*, on: dt.date | None = None) -> QuerySet[AwardKind]:
    """Forms the union itself grants (nominations, registrations): not those of outside bodies."""
    return award_kinds(on=on).exclude(granting_level__in=OUTSIDE_LEVELS)


def quotas(*, year: int | None = None) -> QuerySet[AwardQuota]:
    qs = AwardQuota.objects.select_related("award_kind", "granting_unit")
    return qs.filter(year=year) if year else qs


def quotas_in_scope(*, scope: Scope, year: int | None = None) -> QuerySet[AwardQuota]:
    """Quotas for every unit of a level, and those of granting units the user sees."""
    qs = quotas(year=year)
    if scope.everything:
        return qs
    return qs.filter(Q(granting_unit__isnull=True) | scope.q("granting_unit__path"))


def quota_status(*, kind: AwardKind, granting_unit: Unit, year: int) -> dict:
    """{"limit": int | None, "used": int}: the tightest quota of the unit (or its level) and the use so far."""
    rows = list(
        AwardQuota.objects.filter(award_kind__code=kind.code, year=year).filter(
            Q(granting_unit=granting_unit) | Q(granting_unit__isnull=True)
        )
    )
    specific = [r for r in rows if r.granting_unit_id == granting_unit.pk]
    rows = specific or rows
    limits = []
    for row in rows:
        if row.max_count is not None:
            limits.append(row.max_count)
        if row.max_percent_of_registered is not None:
            registered = (
                RegistrationEntry.objects.filter(
                    member__isnull=True,
                    registration__year=year,
                    registration__unit__path__startswith=granting_unit.path,
                )
                .values("registration__unit")
                .distinct()
                .count()
            )
            limits.append(floor(registered * row.max_percent_of_registered / 100))
    used = Nomination.objects.filter(
        award_kind__code=kind.code,
        granting_unit=granting_unit,
        year=year,
        status__in=[NominationStatus.ACCEPTED, NominationStatus.AWARDED],
    ).count()
    return {"limit": min(limits) if limits else None, "used": used}


# -- movements and registrations ----------------------------------------------------------------
def movement_list(*, scope: Scope, year: int | None = None) -> QuerySet[Movement]:
    qs = scope.filter(Movement.objects.select_related("owner"), "owner__path")
    return qs.filter(year=year) if year else qs


def movement_get(*, scope: Scope, pk: int) -> Movement:
    return _get(movement_list(scope=scope), pk=pk)


def registration_deadline_for(*, owner: Unit, year: int) -> dt.date:
    """The deadline ``owner`` set for ``year``, else 25 January of that year."""
    row = RegistrationDeadline.objects.filter(owner=owner, year=year).first()
    return row.deadline if row else dt.date(year, *DEFAULT_REGISTRATION_DEADLINE)


def registration_list(*, scope: Scope, year: int | None = None) -> QuerySet[Registration]:
    qs = scope.filter(
        Registration.objects.select_related("unit", "upper_unit", "movement"), "unit__path"
    ).annotate(n_entries=Count("entries"))
    return qs.filter(year=year) if year else qs


def registration_get(*, scope: Scope, pk: int) -> Registration:
    return _get(registration_list(scope=scope), pk=pk)


def registration_overview(*, scope: Scope, upper: Unit, year: int) -> dict:
    """For an upper union and a year: deadline, on-time and late registrations, units still missing."""
    scope.get_or_404(org_selectors.all_units(), pk=upper.pk)
    deadline = registration_deadline_for(owner=upper, year=year)
    children = org_selectors.natural_order(org_selectors.unit_children(scope=scope, unit=upper))
    regs = {
        r.unit_id: r
        for r in Registration.objects.filter(upper_unit=upper, year=year)
        .select_related("unit")
        .annotate(n_entries=Count("entries"))
    }
    return {
        "deadline": deadline,
        "on_time": [r for r in regs.values() if not r.is_late],
        "late": [r for r in regs.values() if r.is_late],
        # Units founded after the deadline were not expected to register that year.
        "missing": [u for u in children if u.pk not in regs and u.founded_on <= deadline],
    }


def is_registered(*, kind: AwardKind, year: int, member=None, unit: Unit | None = None) -> bool:
    """Did the member (or the unit, as a collective) register for ``kind`` in ``year``?"""
    entries = RegistrationEntry.objects.filter(registration__year=year, award_kind__code=kind.code)
    if member is not None:
        return entries.filter(member=member).exists()
    return entries.filter(member__isnull=True, registration__unit=unit).exists()


def eligibility_inputs(*, member, year: int, kind: AwardKind) -> dict:
    """What the eligibility rules need about a member, as plain data (used by services)."""
    posts = [
        eligibility.ServicePeriod(
            start=p.valid_from,
            end=p.valid_to,
            full_time=p.is_full_time,
            non_state=p.is_non_state,
            union_staff=p.is_union_staff,
        )
        for p in member.posts.all()
    ]
    disciplines = [eligibility.Period(d.starts_on, d.ends_on) for d in member.disciplines.all()]
    return {
        "posts": posts,
        "disciplines": disciplines,
        "absences": [(a.days, a.is_maternity) for a in member.absences.filter(year=year)],
        "registered_any": RegistrationEntry.objects.filter(registration__year=year, member=member).exists(),
        "already_awarded": Award.objects.filter(member=member, award_kind__code=kind.code).exists(),
    }


# -- pledges ------------------------------------------------------------------------------------
def cluster_list(*, scope: Scope, year: int | None = None) -> QuerySet[Cluster]:
    """Clusters the user sees (organised in scope or with a member in scope), with their pledge."""
    return org_selectors.cluster_list(scope=scope, year=year).select_related("pledge")


def pledge_list(*, scope: Scope, year: int | None = None) -> QuerySet[Pledge]:
    ids = org_selectors.cluster_list(scope=scope, year=year).values("pk")
    return Pledge.objects.filter(cluster__in=ids).select_related("cluster", "cluster__owner", "head_unit")


def pledge_get(*, scope: Scope, pk: int) -> Pledge:
    return _get(pledge_list(scope=scope), pk=pk)


def pledge_sheet(*, pledge: Pledge) -> dict:
    """The scoring table: criteria, and per member unit its self and reviewed points and totals."""
    criteria = list(pledge.criteria.all())
    members = list(pledge.cluster.members.order_by("name"))
    scores = {(s.unit_id, s.criterion_id): s for s in pledge.scores.all()}
    rows = []
    for unit in members:
        cells = [scores.get((unit.pk, c.pk)) for c in criteria]
        rows.append(
            {
                "unit": unit,
                "cells": cells,
                "self_total": sum((s.self_points for s in cells if s), 0),
                "final_total": sum((s.final_points for s in cells if s), 0),
                "complete": all(cells),
                "reviewed": any(s and s.reviewed_points is not None for s in cells),
            }
        )
    return {
        "criteria": criteria,
        "max_total": sum(c.max_points for c in criteria),
        "rows": rows,
        "results": list(pledge.results.select_related("unit")),
        "signatories": list(pledge.signatories.select_related("unit")),
    }


# -- nominations, councils, decisions -----------------------------------------------------------
def nomination_list(
    *, scope: Scope, year: int | None = None, status: str = "", granting_unit: Unit | None = None
) -> QuerySet[Nomination]:
    qs = Nomination.objects.select_related(
        "award_kind", "proposing_unit", "granting_unit", "nominee_unit", "member", "decision"
    )
    if not scope.everything:
        qs = qs.filter(scope.q("proposing_unit__path") | scope.q("nominee_unit__path"))
    if year:
        qs = qs.filter(year=year)
    if status:
        qs = qs.filter(status=status)
    if granting_unit is not None:
        qs = qs.filter(granting_unit=granting_unit)
    return qs


def nomination_get(*, scope: Scope, pk: int) -> Nomination:
    return _get(nomination_list(scope=scope), pk=pk)


def council_list(*, scope: Scope, year: int | None = None) -> QuerySet[CouncilSession]:
    qs = scope.filter(CouncilSession.objects.select_related("granting_unit"), "granting_unit__path")
    return qs.filter(year=year) if year else qs


def council_get(*, scope: Scope, pk: int) -> CouncilSession:
    return _get(council_list(scope=scope), pk=pk)


def decision_list(
    *, scope: Scope, year: int | None = None, by: str = CountBy.AWARD_YEAR, issuer: str = ""
) -> QuerySet[Decision]:
    """Decisions issued (or received) in scope, or granting an award to someone in scope; ``year`` is the
    award year ("năm khen thưởng") or, with ``by=signed``, the year of the signing date."""
    qs = Decision.objects.select_related("issuing_unit").annotate(n_awards=Count("awards"))
    if not scope.everything:
        seen = scope.filter(Award.objects.all(), "unit__path").values("decision_id")
        qs = qs.filter(scope.q("issuing_unit__path") | Q(pk__in=seen))
    if issuer:
        qs = qs.filter(issuer=issuer)
    if not year:
        return qs
    return qs.filter(issued_on__year=year) if by == CountBy.SIGNED else qs.filter(year=year)


def decision_get(*, scope: Scope, pk: int) -> Decision:
    return _get(decision_list(scope=scope), pk=pk)


def decision_awards(*, decision: Decision) -> QuerySet[Award]:
    return decision.awards.select_related("award_kind", "unit", "member", "nomination").order_by(
        "award_kind__sort_order", F("member_id").asc(nulls_first=True), "id"
    )


def award_get(*, scope: Scope, pk: int) -> Award:
    qs = Award.objects.select_related("award_kind", "unit", "member", "decision", "decision__issuing_unit")
    if not scope.everything:
        qs = qs.filter(scope.q("unit__path") | scope.q("decision__issuing_unit__path"))
    return _get(qs, pk=pk)


# -- award history ------------------------------------------------------------------------------
def member_award_history(*, scope: Scope, member) -> QuerySet[Award]:
    member_get(scope=scope, pk=member.pk)
    return (
        Award.objects.filter(member=member)
        .select_related("award_kind", "decision", "decision__issuing_unit", "unit")
        .order_by("-decision__issued_on", "-id")
    )


def unit_award_history(*, scope: Scope, unit: Unit) -> dict:
    scope.get_or_404(org_selectors.all_units(), pk=unit.pk)
    base = Award.objects.select_related("award_kind", "decision", "decision__issuing_unit", "member")
    return {
        "collective": base.filter(unit=unit, member__isnull=True).order_by("-decision__issued_on"),
        "individual": base.filter(unit=unit, member__isnull=False).order_by("-decision__issued_on"),
    }


# -- figures ------------------------------------------------------------------------------------
def awards_within(*, unit: Unit, start: dt.date, end: dt.date, by: str = CountBy.SIGNED) -> QuerySet[Award]:
    """Awards to ``unit``'s subtree: by decisions signed start..end, or (``by=year``) for the award years
    start.year..end.year (a January 2024 decision for 2023 counts in 2023). Used by scoped views and
    indicators."""
    qs = Award.objects.filter(unit__path__startswith=unit.path)
    if by == CountBy.AWARD_YEAR:
        return qs.filter(year__gte=start.year, year__lte=end.year)
    return qs.filter(decision__issued_on__gte=start, decision__issued_on__lte=end)


def count_by_param(value: str | None) -> str:
    """A page's ``by`` parameter: ``signed`` or (anything else) the award year."""
    return CountBy.SIGNED if value == CountBy.SIGNED else CountBy.AWARD_YEAR
