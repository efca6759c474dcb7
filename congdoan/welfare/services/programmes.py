"""Welfare programmes and their fund sources."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.concurrency import version_claim
from congdoan.core.money import format_vnd
from congdoan.core.scoping import Scope

from ..constants import (
    FundKind,
)
from ..models import FundSource, Programme

# -- programmes ---------------------------------------------------------------------------------------------
PROGRAMME_FIELDS = (
    "kind",
    "name",
    "start",
    "end",
    "whole_subtree",
    "eligibility",
    "standard_amount",
    "per_member_limit",
    "allows_non_members",
    "online_registration",
    "status",
)


def _check_units(programme: Programme, units: Sequence) -> None:
    outside = [u.name for u in units if not u.path.startswith(programme.owner.path)]
    if outside:
        raise ValidationError(
            {"units": _("Đơn vị không trực thuộc đơn vị tổ chức: %(u)s.") % {"u": ", ".join(outside)}}
        )
    if not programme.whole_subtree and not units:
        raise ValidationError({"units": _("Hãy chọn ít nhất một đơn vị tham gia.")})


def _check_money(programme: Programme) -> None:
    if programme.standard_amount < 0:
        raise ValidationError({"standard_amount": _("Mức hỗ trợ không được âm.")})
    if programme.per_member_limit is not None and programme.per_member_limit <= 0:
        raise ValidationError({"per_member_limit": _("Mức tối đa mỗi người phải lớn hơn 0.")})


@transaction.atomic
def programme_create(*, scope: Scope, owner, units: Sequence = (), **fields) -> Programme:
    """Create a programme at ``owner``; ``units`` are the participating units when not the whole subtree."""
    scope.require_can(owner)
    unknown = set(fields) - set(PROGRAMME_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    programme = Programme(owner=owner, created_by=user_or_none(scope.actor), **fields)
    programme.full_clean()
    _check_money(programme)
    _check_units(programme, units)
    programme.save()
    programme.units.set(units)
    event_record(
        actor=scope.actor,
        action="welfare.programme_create",
        summary=_("Lập chương trình “%(n)s”") % {"n": programme.name},
        unit=owner,
        obj=programme,
    )
    return programme


@transaction.atomic
def programme_update(
    *, scope: Scope, programme: Programme, units: Sequence | None = None, version: int | None = None, **fields
) -> Programme:
    """Change a programme; ``version`` is the one the editor saw (a stale save raises ``VersionConflict``)."""
    scope.require_can(programme.owner)
    version_claim(programme, version)
    before = {f: str(getattr(programme, f)) for f in fields}
    for name, value in fields.items():
        if name not in PROGRAMME_FIELDS:
            raise TypeError(f"unknown field {name}")
        setattr(programme, name, value)
    programme.full_clean()
    _check_money(programme)
    if units is not None:
        _check_units(programme, units)
        programme.units.set(units)
    programme.save()
    event_record(
        actor=scope.actor,
        action="welfare.programme_update",
        summary=_("Sửa chương trình “%(n)s”") % {"n": programme.name},
        unit=programme.owner,
        obj=programme,
        before=before,
        after={f: str(getattr(programme, f)) for f in fields},
    )
    return programme


@transaction.atomic
def fund_add(
    *,
    scope: Scope,
    programme: Programme,
    kind: str,
    donor_name: str = "",
    budget: int = 0,
) -> FundSource:
    """Add a fund source (union money of one level, or a donor) with its budget to a programme."""
    scope.require_can(programme.owner)
    donor_name = " ".join((donor_name or "").split())
    if kind == FundKind.DONATION and not donor_name:
        raise ValidationError({"donor_name": _("Hãy nhập tên nhà tài trợ.")})
    if kind != FundKind.DONATION:
        donor_name = ""
    if budget < 0:
        raise ValidationError({"budget": _("Dự toán không được âm.")})
    if FundSource.objects.filter(programme=programme, kind=kind, donor_name=donor_name).exists():
        raise ValidationError({"kind": _("Nguồn kinh phí này đã có trong chương trình.")})
    fund = FundSource(programme=programme, kind=kind, donor_name=donor_name, budget=budget)
    fund.full_clean()
    fund.save()
    event_record(
        actor=scope.actor,
        action="welfare.fund_add",
        summary=_("Thêm nguồn kinh phí “%(f)s” (%(b)s) cho “%(p)s”")
        % {"f": fund, "b": format_vnd(budget), "p": programme.name},
        unit=programme.owner,
        obj=programme,
    )
    return fund
