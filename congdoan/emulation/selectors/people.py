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
from ..constants import CountBy, GrantingLevel, Recipient
from ..models import (
    Award,
    Discipline,
    WorkAbsence,
)
from .awards import award_kinds, awards_within, eligibility_inputs


def figures(*, scope: Scope, unit: Unit, year: int, by: str = CountBy.AWARD_YEAR) -> dict:
    """Awards of a subtree in a year (the award year, or with ``by=signed`` the signing date's year): by
    kind and level, collectives vs individuals, women, medals, historical entries."""
    scope.get_or_404(org_selectors.all_units(), pk=unit.pk)
    awards = awards_within(unit=unit, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), by=by)
    by_kind = list(
        awards.values("award_kind__code", "award_kind__name", "award_kind__granting_level")
        .annotate(
            n=Count("id"),
            collectives=Count("id", filter=Q(member__isnull=True)),
            individuals=Count("id", filter=Q(member__isnull=False)),
            women=Count("id", filter=Q(member__gender=Gender.FEMALE)),
        )
        .order_by("award_kind__code", "award_kind__name")
    )
    # Versions of one catalogue entry count together, in the order of the catalogue's latest version.
    order = {
        code: n for n, code in enumerate(award_kinds().order_by("sort_order").values_list("code", flat=True))
    }
    by_kind.sort(key=lambda r: (order.get(r["award_kind__code"], 0), r["award_kind__name"]))
    individuals = awards.filter(member__isnull=False).count()
    return {
        "by_kind": by_kind,
        "total": awards.count(),
        "collectives": awards.filter(member__isnull=True).count(),
        "individuals": individuals,
        "women": awards.filter(member__gender=Gender.FEMALE).count(),
        "medals": awards.filter(award_kind__is_medal=True).count(),
        "historical": awards.filter(decision__is_historical=True).count(),
        "by_level": _by_level(awards),
        "recipient_kinds": dict(Recipient.choices),
        "count_by": by,
    }


# -- people and units to choose from ------------------------------------------------------------
def members_within(*, scope: Scope, unit: Unit):
    """Active members of ``unit``'s subtree that the user sees (for nomination and registration forms)."""
    return members_in_scope(scope=scope, unit=unit, active=True)


def members_within_any(*, scope: Scope, unit: Unit):
    """Members of ``unit``'s subtree that the user sees, whatever their status (a past year's award may go to
    someone who has left since)."""
    return members_in_scope(scope=scope, unit=unit)


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
def whole_years(start: dt.date, end: dt.date) -> bool:
    return (start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31)


def award_counts_between(
    *, scope: Scope, unit: Unit, start: dt.date, end: dt.date, by: str | None = None
) -> dict:
    """Awards to ``unit``'s subtree in start..end: total, collectives, individuals, and per granting level
    (in ``GrantingLevel`` order, outside bodies included) the collectives and individuals.

    ``by`` unset: a period of whole calendar years counts by award year (the "năm 2023" of the decision),
    any other period by the signing date."""
    scope.get_or_404(org_selectors.all_units(), pk=unit.pk)
    by = by or (CountBy.AWARD_YEAR if whole_years(start, end) else CountBy.SIGNED)
    awards = scope.filter(awards_within(unit=unit, start=start, end=end, by=by), "unit__path")
    levels = _by_level(awards)
    return {
        "total": sum(c + i for _level, _label, c, i in levels),
        "collectives": sum(c for _level, _label, c, _i in levels),
        "individuals": sum(i for _level, _label, _c, i in levels),
        "by_level": levels,
        "count_by": by,
    }


def _by_level(awards) -> list[tuple[str, str, int, int]]:
    """(level, label, collectives, individuals) per granting level present, in ``GrantingLevel`` order."""
    rows = {
        row["award_kind__granting_level"]: row
        for row in awards.values("award_kind__granting_level")
        .annotate(
            collectives=Count("id", filter=Q(member__isnull=True)),
            individuals=Count("id", filter=Q(member__isnull=False)),
        )
        .order_by()
    }
    return [
        (level, str(label), rows[level]["collectives"], rows[level]["individuals"])
        for level, label in GrantingLevel.choices
        if level in rows
    ]


def member_disciplines(*, member) -> QuerySet[Discipline]:
    """One member's discipline records, oldest first (their page's reader has checked access)."""
    return Discipline.objects.filter(member=member).order_by("starts_on", "pk")


def member_absences(*, member) -> QuerySet[WorkAbsence]:
    """One member's days off work by year, newest first (their page's reader has checked access)."""
    return WorkAbsence.objects.filter(member=member).order_by("-year", "pk")
