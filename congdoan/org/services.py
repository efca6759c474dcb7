"""Writes of the organisation app: emulation clusters and blocks.

Changes to the tree itself (found, re-parent, merge, split, dissolve) are operations of
``congdoan.restructure``, built on the primitives in ``congdoan.org.tree``. Invalid requests raise
``ValidationError`` with a Vietnamese message naming the field, and change nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.scoping import Scope
from congdoan.core.text import normalise
from congdoan.core.validation import require as _require

from .models import Cluster, Unit


# -- clusters -----------------------------------------------------------------------------------
@transaction.atomic
def cluster_save(
    *,
    scope: Scope,
    owner: Unit,
    name: str,
    kind: str,
    year: int,
    members: Sequence[Unit],
    head_unit: Unit | None = None,
    note: str = "",
    cluster: Cluster | None = None,
) -> Cluster:
    """Create or edit an emulation cluster/block for a year; the head must be one of the members."""
    scope.require_can(owner)
    name = normalise(name)
    _require(bool(name), _("Cần nhập tên cụm, khối."), "name")
    _require(2000 <= int(year) <= 2100, _("Năm không hợp lệ."), "year")
    _require(len(members) >= 2, _("Cụm, khối cần ít nhất hai đơn vị thành viên."), "members")
    outside = [m.name for m in members if scope.role_on(m.path) is None]
    if outside:
        raise PermissionDenied(
            _("Các đơn vị sau nằm ngoài phạm vi của bạn: %(names)s.") % {"names": ", ".join(outside)}
        )
    _require(
        head_unit is None or head_unit in members, _("Cụm trưởng phải là một đơn vị thành viên."), "head_unit"
    )
    duplicate = Cluster.objects.filter(owner=owner, name=name, year=year)
    if cluster is not None:
        duplicate = duplicate.exclude(pk=cluster.pk)
    _require(not duplicate.exists(), _("Đã có cụm, khối “%(n)s” năm %(y)s.") % {"n": name, "y": year}, "name")
    before = None
    if cluster is None:
        cluster = Cluster(created_by=user_or_none(scope.actor))
    else:
        before = {
            "name": cluster.name,
            "year": cluster.year,
            "head": cluster.head_unit_id,
            "members": sorted(cluster.members.values_list("id", flat=True)),
        }
    cluster.owner, cluster.name, cluster.kind, cluster.year = owner, name, kind, int(year)
    cluster.head_unit, cluster.note = head_unit, note
    cluster.full_clean()
    cluster.save()
    cluster.members.set(members)
    event_record(
        actor=scope.actor,
        action="cluster.save",
        unit=owner,
        obj=cluster,
        summary=_("Lưu %(k)s “%(n)s” năm %(y)s")
        % {"k": cluster.get_kind_display().lower(), "n": name, "y": year},
        before=before,
        after={
            "name": name,
            "year": int(year),
            "head": head_unit.pk if head_unit else None,
            "members": sorted(m.pk for m in members),
        },
    )
    return cluster


@transaction.atomic
def cluster_roll_over(
    *,
    scope: Scope,
    cluster: Cluster,
    year: int,
    head_unit: Unit,
) -> Cluster:
    """Start the cluster's next year with the same members and a new head unit (the head rotates)."""
    return cluster_save(
        owner=cluster.owner,
        name=cluster.name,
        kind=cluster.kind,
        year=year,
        members=list(cluster.members.all()),
        head_unit=head_unit,
        note=cluster.note,
        scope=scope,
    )
