"""Reads of the figures and the members' side of emulation: yearly figures, medals, award counts, discipline."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet

from congdoan.core.scoping import Scope
from congdoan.members.constants import Gender
from congdoan.members.selectors import member_get, members_in_scope, members_with_posts_within
from congdoan.org import selectors as org_selectors
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit

from .. import eligibility
from ..constants import GrantingLevel, Recipient
from ..models import (
    Award,
    Discipline,
    WorkAbsence,
)
from .awards import award_kinds, awards_within, eligibility_inputs


def figures(*, scope: Scope, unit: Unit, year: int) -> dict:
    """Awards of a subtree in a year: by kind and level, collectives vs individuals, women, medals."""
    scope.get_or_404(org_selectors.all_units(), pk=unit.pk)
    awards = awards_within(unit=unit, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    by_kind = list(
        awards.values("award_kind__name", "award_kind__granting_level", "award_kind__sort_order")
        .annotate(
            n=Count("id"),
            collectives=Count("id", filter=Q(member__isnull=True)),
            individuals=Count("id", filter=Q(member__isnull=False)),
            women=Count("id", filter=Q(member__gender=Gender.FEMALE)),
        )
        .order_by("award_kind__sort_order", "award_kind__name")
    )
    individuals = awards.filter(member__isnull=False).count()
    return {
        "by_kind": by_kind,
        "total": awards.count(),
        "collectives": awards.filter(member__isnull=True).count(),
        "individuals": individuals,
        "women": awards.filter(member__gender=Gender.FEMALE).count(),
        "medals": awards.filter(award_kind__is_medal=True).count(),
        "recipient_kinds": dict(Recipient.choices),
    }


# -- people and units to choose from ------------------------------------------------------------
def members_within(*, scope: Scope, unit: Unit):
    """Active members of ``unit``'s subtree that the user sees (for nomination and registration forms)."""
    return members_in_scope(scope=scope, unit=unit, active=True)


def actionable_units(*, scope: Scope) -> QuerySet[Unit]:
    """Active units in scope, for choosing the unit one acts for."""
    return org_selectors.unit_list(scope=scope).filter(status=UnitStatus.ACTIVE)


def medal_verdict(*, scope: Scope, member, on: dt.date):
    """The commemorative medal rule applied to a member's service history (shown on the history page)."""
    member_get(scope=scope, pk=member.pk)
    kind = award_kinds(on=on).filter(is_medal=True).first()
    if kind is None:
        return None
    data = eligibility_inputs(member=member, year=on.year, kind=kind)
    return eligibility.medal_eligibility(
        posts=data["posts"], disciplines=data["disciplines"], on=on, already_awarded=data["already_awarded"]
    )


def medal_candidates(*, scope: Scope, unit: Unit, on: dt.date) -> list[tuple]:
    """Members of ``unit``'s subtree with a union service history, each with the medal rule's verdict."""
    scope.get_or_404(org_selectors.all_units(), pk=unit.pk)
    kind = award_kinds(on=on).filter(is_medal=True).first()
    if kind is None:
        return []
    members = members_with_posts_within(scope=scope, unit=unit).prefetch_related("posts", "disciplines")
    medalled = set(Award.objects.filter(award_kind__code=kind.code).values_list("member_id", flat=True))
    rows = []
    for member in members.order_by("name_folded", "id")[:500]:
        verdict = eligibility.medal_eligibility(
            posts=[
                eligibility.ServicePeriod(
                    p.valid_from, p.valid_to, p.is_full_time, p.is_non_state, p.is_union_staff
                )
                for p in member.posts.all()
            ],
            disciplines=[eligibility.Period(d.starts_on, d.ends_on) for d in member.disciplines.all()],
            on=on,
            already_awarded=member.pk in medalled,
        )
        rows.append((member, verdict))
    rows.sort(key=lambda r: (not r[1].eligible, -(r[1].officer_years + r[1].staff_years)))
    return rows


# -- facts --------------------------------------------------------------------------------------
def award_counts_between(*, scope: Scope, unit: Unit, start: dt.date, end: dt.date) -> dict:
    """Awards to ``unit``'s subtree by decisions signed start..end: total, collectives, individuals, and
    per granting level (in ``GrantingLevel`` order) the collectives and individuals."""
    scope.get_or_404(org_selectors.all_units(), pk=unit.pk)
    awards = scope.filter(awards_within(unit=unit, start=start, end=end), "unit__path")
    rows = {
        row["award_kind__granting_level"]: row
        for row in awards.values("award_kind__granting_level")
        .annotate(
            collectives=Count("id", filter=Q(member__isnull=True)),
            individuals=Count("id", filter=Q(member__isnull=False)),
        )
        .order_by()
    }
    levels = [
        (level, str(label), rows[level]["collectives"], rows[level]["individuals"])
        for level, label in GrantingLevel.choices
        if level in rows
    ]
    return {
        "total": sum(c + i for _level, _label, c, i in levels),
        "collectives": sum(c for _level, _label, c, _i in levels),
        "individuals": sum(i for _level, _label, _c, i in levels),
        "by_level": levels,
    }


def member_disciplines(*, member) -> QuerySet[Discipline]:
    """One member's discipline records, oldest first (their page's reader has checked access)."""
    return Discipline.objects.filter(member=member).order_by("starts_on", "pk")


def member_absences(*, member) -> QuerySet[WorkAbsence]:
    """One member's days off work by year, newest first (their page's reader has checked access)."""
    return WorkAbsence.objects.filter(member=member).order_by("-year", "pk")
