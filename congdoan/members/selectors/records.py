"""Reads of one member's record and of the lists around it: admission lists, transfers, duplicates."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, QuerySet
from django.http import Http404

from congdoan.core.scoping import Scope
from congdoan.org import selectors as org_selectors
from congdoan.org.models import Unit

from ..constants import MemberStatus, TransferStatus
from ..models import AdmissionBatch, LeaveReason, Member, Membership, TransferRequest

PATH = "unit__path"


def _base() -> QuerySet[Member]:
    return Member.objects.select_related("unit", "unit__kind")


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
        qs = qs.exclude(code__in=["transfer", "restructure", "unit_dissolved"]).filter(is_active=True)
    return qs


def grassroots_in_scope(*, scope: Scope, on: dt.date | None = None) -> QuerySet[Unit]:
    """Active grassroots unions the user may act on (choices for admission and transfer)."""
    qs = scope.filter(org_selectors.active_grassroots())
    if on:
        qs = qs.filter(founded_on__lte=on)
    return qs.order_by("name")


def transfer_target_by_code(*, code: str) -> Unit | None:
    """A receiving grassroots union by its code, possibly outside the sender's scope (code and name only)."""
    return org_selectors.grassroots_by_code(code)


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
    everyone = Member.objects.all()
    qs = scope.filter(everyone, PATH) if unit is None else scope.within(everyone, unit, PATH)
    qs = qs.exclude(status=MemberStatus.MERGED)
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
