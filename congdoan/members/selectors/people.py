"""Reads of members for other apps (welfare, emulation, restructure): the one place they get members from.

Other apps never query ``Member`` themselves; they choose people through these functions, which apply the
user's scope (members are scoped by their current unit) or say plainly that they do not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Q, QuerySet

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.org.models import Unit

from ..constants import MemberStatus
from ..models import Member
from .search import MemberFilter
from .search_page import member_search_page

PATH = "unit__path"


def members_in_scope(*, scope: Scope, unit: Unit | None = None, active: bool = False) -> QuerySet[Member]:
    """Members whose current unit is in scope (within ``unit``'s subtree when given), by name."""
    everyone = Member.objects.select_related("unit")
    qs = scope.filter(everyone, PATH) if unit is None else scope.within(everyone, unit, PATH)
    if active:
        qs = qs.filter(status=MemberStatus.ACTIVE)
    return qs.order_by("name_folded", "id")


def member_pick(
    *, scope: Scope, q: str, unit: Unit | None = None, active: bool = False, limit: int = 20
) -> list[Member]:
    """Suggestions for a member picker: the search page's matching (code exactly, name without diacritics),
    in scope (within ``unit`` when given), at most ``limit``, nothing for fewer than two letters."""
    text = q.replace("\x00", "").strip()[:100]
    if len(fold(text)) < 2:
        return []
    filters = MemberFilter(
        q=text, unit_id=unit.pk if unit else None, status=MemberStatus.ACTIVE if active else ""
    )
    return member_search_page(scope=scope, filters=filters, limit=limit)


def member_in_scope_by_code(*, scope: Scope, code: str, unit: Unit | None = None, active: bool = False):
    """The member with this code whose current unit is in scope (and in ``unit``'s subtree), or None."""
    code = code.replace("\x00", "").strip().upper()[:32]
    if not code:
        return None
    return members_in_scope(scope=scope, unit=unit, active=active).filter(code=code).first()


def members_with_posts_within(*, scope: Scope, unit: Unit) -> QuerySet[Member]:
    """Members of ``unit``'s subtree (in scope) who held a union post: candidates for the medal."""
    qs = Member.objects.filter(unit__path__startswith=unit.path, posts__isnull=False).distinct()
    return scope.filter(qs, PATH).select_related("unit")


def members_by_codes(*, codes: Iterable[str]) -> dict[str, Member]:
    """{code: member} for these member codes, whatever the scope (the caller checks each member's unit)."""
    return {m.code: m for m in Member.objects.select_related("unit").filter(code__in=list(codes))}


def members_by_cccds(*, cccds: Iterable[str]) -> dict[str, Member]:
    """{CCCD: member} for these citizen ID numbers, whatever the scope (the caller checks each unit)."""
    return {m.cccd: m for m in Member.objects.select_related("unit").filter(cccd__in=list(cccds))}


def active_member_by_code_and_cccd(*, code: str, cccd: str) -> Member | None:
    """The active member with this code *and* CCCD (a member identifying themselves), or None."""
    if not (code and cccd):
        return None
    return (
        Member.objects.select_related("unit")
        .filter(code=code.strip().upper(), cccd=cccd, status=MemberStatus.ACTIVE)
        .first()
    )


def members_moving_with(*, unit: Unit, after: dt.date | None = None) -> list[Member]:
    """Members of a grassroots union whose stint there is open or ends after ``after`` (today when not
    given): the people a split of that union moves."""
    day = after or today()
    return list(
        Member.objects.filter(
            Q(stints__unit=unit), Q(stints__valid_to__isnull=True) | Q(stints__valid_to__gte=day)
        )
        .distinct()
        .only("pk", "code", "full_name")
        .order_by("name_folded", "id")
    )


def members_in_unit_during(*, unit: Unit, start: dt.date, end: dt.date) -> QuerySet[Member]:
    """Members with a stint in ``unit`` overlapping ``start..end`` (a month's dues roll), whatever the scope."""
    stint = Q(stints__unit=unit, stints__valid_from__lte=end)
    stint &= Q(stints__valid_to__isnull=True) | Q(stints__valid_to__gte=start)
    return Member.objects.filter(stint).distinct().order_by("name_folded", "id")


def member_names(*, ids: Iterable[int]) -> list[str]:
    """Display names of these members (for error messages)."""
    return [str(m) for m in Member.objects.filter(pk__in=list(ids)).order_by("id")]


def active_members_unscoped(*, unit: Unit, subtree: bool = True) -> QuerySet[Member]:
    """Active members of ``unit`` (of its whole subtree by default), in id order, whatever the scope.

    For demo data and system jobs only, never to answer a user's request.
    """
    qs = Member.objects.filter(status=MemberStatus.ACTIVE)
    qs = qs.filter(unit__path__startswith=unit.path) if subtree else qs.filter(unit=unit)
    return qs.order_by("id")
