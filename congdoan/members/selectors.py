"""Reads of the member registry. Every function takes a Scope; members are scoped by their current unit."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit

from .constants import AGE_BANDS, MemberStatus, TransferStatus
from .models import AdmissionBatch, LeaveReason, Member, Membership, TransferRequest

PATH = "unit__path"
CODE_RE = re.compile(r"^cd\d{1,10}$", re.IGNORECASE)


def _base() -> QuerySet[Member]:
    return Member.objects.select_related("unit", "unit__kind")


@dataclass
class MemberFilter:
    """What the search form and the API accept."""

    q: str = ""
    unit_id: int | None = None
    gender: str = ""
    age_band: str = ""
    ethnicity: str = ""
    sector: str = ""
    party_status: str | None = None
    informal: bool | None = None
    status: str = ""
    joined_from: dt.date | None = None
    joined_to: dt.date | None = None


def _age_band_q(band: str, on: dt.date) -> Q:
    for code, _label, low, high in AGE_BANDS:
        if code == band:
            # Age >= low  <=>  born on or before ``on`` minus ``low`` years (and similarly for high + 1).
            latest = _years_before(on, low)
            earliest = _years_before(on, high + 1) + dt.timedelta(days=1)
            return Q(date_of_birth__lte=latest, date_of_birth__gte=earliest)
    return Q()


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _text_q(q: str) -> tuple[Q | None, str]:
    """An exact-match Q for codes, CCCD and phones, or the folded name to search for."""
    text = q.strip()
    compact = text.replace(" ", "").replace(".", "")
    if CODE_RE.match(compact):
        # Codes are stored upper-case: an exact match uses the unique index (iexact would scan 12 M rows).
        return Q(code=compact.upper()), ""
    if compact.isdigit():
        if len(compact) == 12:
            return Q(cccd=compact), ""
        return Q(phone=compact) | Q(phone=text), ""
    return None, fold(text)


def member_search(*, scope: Scope, filters: MemberFilter) -> QuerySet[Member]:
    """Members in scope matching the filters, not yet narrowed by name (see ``member_search_page``)."""
    qs = scope.filter(_base(), PATH).exclude(status=MemberStatus.MERGED)
    f = filters
    if f.unit_id:
        unit = scope.get_or_404(Unit.objects.all(), pk=f.unit_id)
        qs = qs.filter(unit__path__startswith=unit.path)
    if f.gender:
        qs = qs.filter(gender=f.gender)
    if f.age_band:
        qs = qs.filter(_age_band_q(f.age_band, today()))
    if f.ethnicity:
        qs = qs.filter(ethnicity=f.ethnicity)
    if f.sector:
        qs = qs.filter(unit__sector=f.sector)
    if f.party_status is not None:
        qs = qs.filter(party_status=f.party_status)
    if f.informal is not None:
        qs = qs.filter(is_informal=f.informal)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.joined_from:
        qs = qs.filter(joined_on__gte=f.joined_from)
    if f.joined_to:
        qs = qs.filter(joined_on__lte=f.joined_to)
    return qs


def _prefix_q(folded: str) -> Q:
    # A range rather than LIKE: folded names are plain ASCII, so "starts with q" is q <= name < q + U+FFFF
    # on both engines, and the ordinary b-tree on name_folded serves both the range and the ORDER BY.
    return Q(name_folded__gte=folded, name_folded__lt=folded + "\uffff")


def member_search_page(
    *, scope: Scope, filters: MemberFilter, offset: int = 0, limit: int = 50
) -> list[Member]:
    """One page of search results, name matches first by prefix, then anywhere in the name.

    The prefix query walks the name index in order and stops after a page, so common names stay
    fast on millions of rows; only when it cannot fill the page do we fall back to a "contains"
    query (a trigram index on PostgreSQL). No total count is taken.
    """
    qs = member_search(scope=scope, filters=filters)
    exact, folded = _text_q(filters.q) if filters.q.strip() else (None, "")
    order = ("name_folded", "id")
    if exact is not None:
        return list(qs.filter(exact).order_by(*order)[offset : offset + limit])
    if not folded:
        return list(qs.order_by(*order)[offset : offset + limit])
    prefix = list(qs.filter(_prefix_q(folded)).order_by(*order)[offset : offset + limit])
    if len(prefix) == limit:
        return prefix
    n_prefix = offset + len(prefix) if prefix or offset == 0 else qs.filter(_prefix_q(folded)).count()
    rest_offset = max(0, offset - n_prefix)
    contains = (
        qs.filter(name_folded__contains=folded)
        .exclude(_prefix_q(folded))
        .order_by(*order)[rest_offset : rest_offset + limit - len(prefix)]
    )
    return prefix + list(contains)


def member_get(*, scope: Scope, pk: int) -> Member:
    """One member whose current unit is in scope, or 404."""
    return scope.get_or_404(_base(), PATH, pk=pk)


def member_stints(*, member: Member) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(member=member).select_related("unit", "end_reason").order_by("valid_from")
    )


def member_posts(*, member: Member):
    return member.posts.select_related("unit").order_by("-valid_from")


def leave_reasons(*, for_leaving: bool = True) -> QuerySet[LeaveReason]:
    qs = LeaveReason.objects.all()
    if for_leaving:
        qs = qs.exclude(code__in=["transfer", "restructure", "unit_dissolved"])
    return qs


def grassroots_in_scope(*, scope: Scope, on: dt.date | None = None) -> QuerySet[Unit]:
    """Active grassroots unions the user may act on (choices for admission and transfer)."""
    qs = scope.filter(Unit.objects.filter(kind__is_grassroots=True, status=UnitStatus.ACTIVE))
    if on:
        qs = qs.filter(founded_on__lte=on)
    return qs.order_by("name")


def transfer_target_by_code(*, code: str) -> Unit | None:
    """A receiving grassroots union by its code, possibly outside the sender's scope (code and name only)."""
    return (
        Unit.objects.select_related("kind")
        .filter(code__iexact=(code or "").strip(), kind__is_grassroots=True)
        .first()
    )


# -- admission lists ----------------------------------------------------------------------------
def batch_list(*, scope: Scope, status: str = "") -> QuerySet[AdmissionBatch]:
    qs = scope.filter(AdmissionBatch.objects.select_related("unit"), PATH).annotate(
        n_members=Count("members")
    )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-id")


def batch_get(*, scope: Scope, pk: int) -> AdmissionBatch:
    return scope.get_or_404(AdmissionBatch.objects.select_related("unit", "unit__kind"), PATH, pk=pk)


def batch_members(*, batch: AdmissionBatch) -> QuerySet[Member]:
    return batch.members.select_related("unit").order_by("name_folded", "id")


# -- transfers ----------------------------------------------------------------------------------
def transfer_inbox(*, scope: Scope, status: str = TransferStatus.PENDING) -> QuerySet[TransferRequest]:
    """Requests to move members into units in scope."""
    qs = scope.filter(
        TransferRequest.objects.select_related("member", "from_unit", "to_unit"), "to_unit__path"
    )
    return qs.filter(status=status) if status else qs


def transfer_outbox(*, scope: Scope) -> QuerySet[TransferRequest]:
    """Requests sent from units in scope (still visible after the member moved away)."""
    return scope.filter(
        TransferRequest.objects.select_related("member", "from_unit", "to_unit"), "from_unit__path"
    )


def transfer_get(*, scope: Scope, pk: int) -> TransferRequest:
    """A request the user may see from either side, or 404."""
    qs = TransferRequest.objects.select_related("member", "from_unit", "to_unit")
    if not scope.everything:
        qs = qs.filter(scope.q("to_unit__path") | scope.q("from_unit__path"))
    try:
        return qs.get(pk=pk)
    except TransferRequest.DoesNotExist as exc:
        raise Http404 from exc


# -- duplicates ---------------------------------------------------------------------------------
def duplicate_groups(*, scope: Scope, unit: Unit | None = None, limit: int = 100) -> list[list[Member]]:
    """Groups of records that may be one person: the same CCCD, or the same folded name and birth date."""
    qs = scope.filter(Member.objects.all(), PATH).exclude(status=MemberStatus.MERGED)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    keys = (
        qs.values("name_folded", "date_of_birth")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .order_by("name_folded", "date_of_birth")[:limit]
    )
    groups = []
    for key in keys:
        members = list(
            _base().filter(
                pk__in=qs.filter(name_folded=key["name_folded"], date_of_birth=key["date_of_birth"]).values(
                    "pk"
                )
            )
        )
        groups.append(members)
    return groups
