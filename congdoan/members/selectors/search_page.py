"""One page of the member search, read one of two ways with the same result order.

- A small scope (a grassroots union, a commune: up to SMALL_SCOPE members now) is read directly: its own
  members by unit (``member_unit_status``), matched and sorted in one query whose ORDER BY is the tiers'
  order (tier, the tier's key, name, id).
- A large scope walks the name tiers in index order (``search._name_tiers``) and stops after the page. The
  walk reads member ids only, and the scope is a list of unit ids, so the name index that INCLUDEs the
  unit and the status (``member_name_cover``, migration 0019) answers tier 1 without reading a table row
  for the names of other provinces; the page's rows are then read by id.

Both give the same page (a property test compares them on random data, both engines).
"""

from __future__ import annotations

import math
from functools import reduce
from operator import or_

from django.db.models import Case, CharField, F, IntegerField, Lookup, Q, QuerySet, Sum, Value, When

from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors

from ..models import Member, UnitMemberCount
from .search import (
    BY_NAME,
    MemberFilter,
    _base,
    _name_conditions,
    _name_tiers,
    _rest_rows,
    _Tier,
    _walk,
    _with_inside,
    _with_name_parts,
    filtered,
    member_name_matches,
    member_search,
    rest_order,
    text_query,
)

# Up to this many members now in the searched units, the scope's own members are read and sorted.
SMALL_SCOPE = 5_000
# Up to this many units searched, they are given to the walk as a list of ids (see ``_search_units``).
UNIT_LIST = 5_000
# More units than this hold more than SMALL_SCOPE members (85 members a grassroots union on average):
# their members are not counted.
SMALL_UNITS = 500


class AnyOf(Lookup):
    """``field = ANY(%s)``: the list as one array parameter on PostgreSQL (``IN`` elsewhere). Lào Cai's 2 068
    unit ids as 2 068 parameters of an ``__in`` cost 25–30 ms of CPU per query in Django and psycopg."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        values = list(self.rhs)
        if not values:
            return "1 = 0", []
        if connection.vendor == "postgresql":
            # Cast to the column's type: psycopg sends small ids as int2[], and bigint = ANY(int2[]) is
            # not hashed (each entry compared with the whole list: 140 ms instead of 1 ms for Lào Cai).
            return f"{lhs} = ANY(%s::{self.lhs.output_field.db_type(connection)}[])", [*params, values]
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*params, *values]


def _search_units(scope: Scope, f: MemberFilter) -> tuple[Q, float]:
    """The condition on the member's unit (nothing for every unit) and about how many members the units
    hold now (``UnitMemberCount``, infinity when surely large: only to choose how to read, both ways give
    the same page).

    Up to UNIT_LIST units the condition is the list of their ids: the walk of the name index then tests
    each entry's unit in a hash of the list, within the index (Lào Cai's 2 068 units: "nguyen van" in 1 ms
    instead of 25–36 ms joining each entry's unit; the list costs 2–3 ms of planning). A scope of more
    units (Ho Chi Minh City's 30 000) holds so many members that the walk meets its page within a few
    hundred entries, and joins the unit's path."""
    if f.unit_id:
        unit = scope.get_or_404(org_selectors.all_units(), pk=f.unit_id)
        units = scope.within(org_selectors.all_units(), unit)
        paths = Q(unit__path__startswith=unit.path)
    elif scope.everything:
        return Q(), math.inf  # every member: never read directly (but in tests)
    else:
        units = scope.filter(org_selectors.all_units())
        paths = scope.q("unit__path")
    if units.count() > UNIT_LIST:  # an index-only count of the path index
        return paths, math.inf
    ids = list(units.order_by().values_list("id", flat=True))
    in_units = Q(AnyOf(F("unit_id"), ids))
    if len(ids) > SMALL_UNITS:
        return in_units, math.inf
    members = UnitMemberCount.objects.filter(AnyOf(F("unit_id"), ids)).aggregate(n=Sum("total"))["n"]
    return in_units, members or 0


def _tier_rows(tier: _Tier, scope: Scope, offset: int, limit: int) -> list[Member]:
    if tier.piece:
        return _rest_rows(tier, scope, offset, limit)
    return _walk(tier.qs, tier.order, offset, limit)


def _walked_page(qs: QuerySet[Member], scope: Scope, folded: str, offset: int, limit: int) -> list[int]:
    """The ids of one page, the name tiers walked in index order. No total count is taken, except of a
    tier the requested page lies wholly after."""
    ids: list[int] = []
    skip = offset  # rows of the result still to skip before the current tier
    tiers = _name_tiers(qs, folded)
    for i, tier in enumerate(tiers):
        want = limit - len(ids)
        if want <= 0:
            break
        got = _tier_rows(tier, scope, skip, want)
        if got:
            skip = 0
        elif skip and i + 1 < len(tiers):
            skip = max(0, skip - tier.qs.count())
        ids += [m.pk for m in got]
    return ids


def _direct_page(qs: QuerySet[Member], folded: str, offset: int, limit: int) -> list[Member]:
    """One page of a small scope in one query: every tier's condition, sorted by the tier (the first
    condition a name meets, as the tiers exclude the earlier ones), the tier's key, name and id."""
    conditions = _name_conditions(folded)
    ranks, keys = [], []
    for rank, (condition, order, piece) in enumerate(conditions):
        key = (rest_order(piece) if piece else order)[0]
        ranks.append(When(condition, then=Value(rank)))
        keys.append(When(condition, then=F(key)))
    qs = _with_inside(_with_name_parts(qs), folded).filter(reduce(or_, (c for c, _o, _p in conditions)))
    qs = qs.alias(tier=Case(*ranks, output_field=IntegerField()), key=Case(*keys, output_field=CharField()))
    return list(qs.order_by("tier", "key", "name_folded", "id")[offset : offset + limit])


def _by_id(ids: list[int]) -> list[Member]:
    rows = _base().in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]


def member_search_page(
    *, scope: Scope, filters: MemberFilter, offset: int = 0, limit: int = 50
) -> list[Member]:
    """One page of search results for the typed text, best matches first.

    Codes, CCCD and phone numbers match exactly. A name, typed with or without diacritics, matches in
    the tiers of ``search._name_tiers``, in their order; see the module's docstring for how it is read.
    """
    exact, folded = text_query(filters.q) if filters.q.strip() else (None, "")
    units, members = _search_units(scope, filters)
    qs = filtered(Member.objects.filter(units), filters)
    if exact is not None:
        return list(
            qs.select_related("unit", "unit__kind").filter(exact).order_by(*BY_NAME)[offset : offset + limit]
        )
    if members <= SMALL_SCOPE:
        qs = qs.select_related("unit", "unit__kind")
        if not folded:
            return list(qs.order_by(*BY_NAME)[offset : offset + limit])
        return _direct_page(qs, folded, offset, limit)
    qs = qs.only("id")
    if not folded:
        return _by_id([m.pk for m in _walk(qs, BY_NAME, offset, limit)])
    return _by_id(_walked_page(qs, scope, folded, offset, limit))


def member_search_count(*, scope: Scope, filters: MemberFilter) -> int:
    """How many members ``member_search_page`` pages through (the API's ``count``)."""
    qs = member_search(scope=scope, filters=filters)
    exact, folded = text_query(filters.q) if filters.q.strip() else (None, "")
    if exact is not None:
        return qs.filter(exact).count()
    return (member_name_matches(qs, folded) if folded else qs).count()
