"""Writes to the organisation tree: founding, re-parenting, merging, splitting, dissolving, clusters.

Each operation is one transaction on one effective date: it closes and opens ``UnitLink`` rows,
keeps ``Unit.path`` in step, and writes an audit event. Invalid requests raise ``ValidationError``
with a Vietnamese message naming the problem, and change nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.actors import user_or_none
from congdoan.core.dates import format_date
from congdoan.core.scoping import Action, Scope
from congdoan.core.text import fold, normalise
from congdoan.core.validation import require as _require

from .constants import Sector, UnitStatus
from .models import Cluster, Unit, UnitKind, UnitLink
from .selectors import link_valid_on

ONE_DAY = dt.timedelta(days=1)


# -- helpers ------------------------------------------------------------------------------------
def _snapshot(unit: Unit) -> dict:
    return {
        "code": unit.code,
        "name": unit.name,
        "status": unit.status,
        "parent": unit.parent.code if unit.parent_id else None,
        "path": unit.path,
        "founded_on": unit.founded_on.isoformat() if unit.founded_on else None,
        "dissolved_on": unit.dissolved_on.isoformat() if unit.dissolved_on else None,
    }


def _require_decision(decision_no: str) -> None:
    _require(bool(decision_no and decision_no.strip()), _("Cần nhập số quyết định."), "decision_no")


def _open_link(unit: Unit) -> UnitLink | None:
    return UnitLink.objects.select_for_update().filter(child=unit, valid_to__isnull=True).first()


def _last_link_start(unit: Unit) -> dt.date | None:
    link = UnitLink.objects.filter(child=unit).order_by("-valid_from").first()
    return link.valid_from if link else None


def _require_after_history(unit: Unit, day: dt.date, field: str = "effective_on") -> None:
    """Operations append to history: a change may not fall on or before the unit's last change."""
    last = _last_link_start(unit)
    floor = max(d for d in (last, unit.founded_on) if d)
    _require(
        day > floor,
        _("Ngày hiệu lực %(d)s phải sau lần thay đổi gần nhất của “%(u)s” (%(last)s).")
        % {"d": format_date(day), "u": unit.name, "last": format_date(floor)},
        field,
    )


def _move_path(unit: Unit, new_parent: Unit | None) -> None:
    """Re-root ``unit``'s subtree under ``new_parent`` in the materialised path."""
    old_path = unit.path
    new_path = f"{new_parent.path if new_parent else '/'}{unit.pk}/"
    delta = (new_parent.depth + 1 if new_parent else 0) - unit.depth
    old_ancestors = unit.ancestor_ids()
    if old_path != new_path:
        Unit.objects.filter(path__startswith=old_path).update(
            path=Concat(Value(new_path), Substr("path", len(old_path) + 1)), depth=F("depth") + delta
        )
    Unit.objects.filter(pk=unit.pk).update(parent=new_parent)
    unit.refresh_from_db()
    if old_path != new_path:
        # Stored report roll-ups follow the current structure: move the subtree's approved values
        # from the ancestors it left to those it joined (explicit call, no signal).
        from congdoan.targets.services import rollups_shift_subtree

        rollups_shift_subtree(unit=unit, old_ancestor_ids=old_ancestors, new_ancestor_ids=unit.ancestor_ids())


def _relink(
    unit: Unit, new_parent: Unit, day: dt.date, decision_no: str, decision_date, note: str = ""
) -> None:
    from congdoan.members.derived import tally

    link = _open_link(unit)
    if link is not None:
        tally.link_apply(link, -1)
        link.valid_to = day - ONE_DAY
        link.full_clean()
        link.save(update_fields=["valid_to"])
        tally.link_apply(link, +1)
    new_link = UnitLink(
        child=unit,
        parent=new_parent,
        valid_from=day,
        decision_no=decision_no,
        decision_date=decision_date,
        note=note,
    )
    new_link.full_clean()
    new_link.save()
    tally.link_apply(new_link, +1)


def _children_after(unit: Unit, day: dt.date) -> list[Unit]:
    """Children still linked to ``unit`` after ``day`` (links open or ending later)."""
    ids = UnitLink.objects.filter(parent=unit).filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day))
    return list(Unit.objects.filter(pk__in=ids.values("child_id")).order_by("name"))


def _ancestor_ids_on(unit: Unit, day: dt.date) -> set[int]:
    seen: set[int] = set()
    current = unit
    while True:
        link = UnitLink.objects.filter(link_valid_on(day), child=current).first()
        if link is None or link.parent_id in seen:
            return seen
        seen.add(link.parent_id)
        current = link.parent


def _next_code(parent: Unit) -> str:
    n = Unit.objects.filter(parent=parent).count() + 1
    while Unit.objects.filter(code=f"{parent.code}.{n:03d}").exists():
        n += 1
    return f"{parent.code}.{n:03d}"


# -- operations ---------------------------------------------------------------------------------
@transaction.atomic
def unit_found(
    *,
    scope: Scope,
    parent: Unit,
    name: str,
    kind: UnitKind,
    founded_on: dt.date,
    decision_no: str,
    decision_date: dt.date | None = None,
    sector: str = "",
    code: str = "",
    employer: str = "",
    address: str = "",
    allow_historic: bool = False,
) -> Unit:
    """Found (create) a unit under ``parent`` from ``founded_on``, by a numbered decision.

    ``allow_historic`` lets data loaders record units of kinds no longer founded (district federations).
    """
    scope.require_can(parent)
    _require_decision(decision_no)
    name = normalise(name)
    _require(bool(name), _("Cần nhập tên đơn vị."), "name")
    _require(founded_on is not None, _("Cần nhập ngày thành lập."), "founded_on")
    _require(
        parent.status == UnitStatus.ACTIVE and parent.exists_on(founded_on),
        _("Đơn vị cấp trên “%(p)s” không hoạt động vào ngày %(d)s.")
        % {"p": parent.name, "d": format_date(founded_on)},
        "parent",
    )
    _require(
        allow_historic or not kind.is_historic,
        _("Loại đơn vị “%(k)s” không còn được thành lập mới.") % {"k": kind.name},
        "kind",
    )
    _require(
        kind.level > parent.kind.level,
        _("Không thể lập “%(k)s” trực thuộc “%(p)s” (%(pk)s).")
        % {"k": kind.name, "p": parent.name, "pk": parent.kind.name},
        "kind",
    )
    _require(not sector or sector in Sector.values, _("Khu vực không hợp lệ."), "sector")
    code = (code or "").strip() or _next_code(parent)
    _require(
        not Unit.objects.filter(code=code).exists(),
        _("Mã đơn vị “%(c)s” đã được dùng.") % {"c": code},
        "code",
    )
    unit = Unit(
        code=code,
        name=name,
        name_folded=fold(name),
        kind=kind,
        sector=sector,
        founded_on=founded_on,
        founding_decision_no=decision_no.strip(),
        founding_decision_date=decision_date,
        parent=parent,
        path="/",
        depth=parent.depth + 1,
        employer=normalise(employer),
        address=normalise(address),
    )
    unit.full_clean(exclude=["path"])
    unit.save()
    unit.path = f"{parent.path}{unit.pk}/"
    unit.save(update_fields=["path"])
    UnitLink.objects.create(
        child=unit,
        parent=parent,
        valid_from=founded_on,
        decision_no=decision_no.strip(),
        decision_date=decision_date,
    )
    event_record(
        actor=scope.actor,
        action="unit.found",
        unit=unit,
        obj=unit,
        decision_no=decision_no,
        summary=_("Thành lập “%(u)s” trực thuộc “%(p)s” từ %(d)s")
        % {"u": unit.name, "p": parent.name, "d": format_date(founded_on)},
        after=_snapshot(unit),
    )
    _small_spans_follow(unit)
    return unit


def _small_spans_follow(unit: Unit) -> None:
    """A grassroots union founded or dissolved: its spans under five members start or end with it."""
    from congdoan.members.derived import smallspans

    smallspans.refresh([unit.pk])


@transaction.atomic
def unit_reparent(
    *,
    scope: Scope,
    unit: Unit,
    new_parent: Unit,
    effective_on: dt.date,
    decision_no: str,
    decision_date: dt.date | None = None,
) -> Unit:
    """Move ``unit`` (with its subtree) under ``new_parent`` from ``effective_on``."""
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    scope.require_can(unit, Action.RESTRUCTURE)
    scope.require_can(new_parent)
    _require_decision(decision_no)
    _require(effective_on is not None, _("Cần nhập ngày hiệu lực."), "effective_on")
    before = _snapshot(unit)
    _require(unit.status == UnitStatus.ACTIVE, _("Đơn vị “%(u)s” đã ngừng hoạt động.") % {"u": unit.name})
    _require(
        new_parent.status == UnitStatus.ACTIVE and new_parent.exists_on(effective_on),
        _("Đơn vị cấp trên mới “%(p)s” không tồn tại vào ngày %(d)s.")
        % {"p": new_parent.name, "d": format_date(effective_on)},
        "new_parent",
    )
    _require(
        new_parent.pk != unit.pk
        and not new_parent.path.startswith(unit.path)
        and unit.pk not in _ancestor_ids_on(new_parent, effective_on),
        _("Không thể chuyển “%(u)s” về trực thuộc chính nó hoặc đơn vị cấp dưới của nó.") % {"u": unit.name},
        "new_parent",
    )
    current = _open_link(unit)
    _require(
        current is None or current.parent_id != new_parent.pk,
        _("“%(u)s” đang trực thuộc “%(p)s”.") % {"u": unit.name, "p": new_parent.name},
        "new_parent",
    )
    _require(
        new_parent.kind.level < unit.kind.level,
        _("Không thể đặt “%(u)s” (%(k)s) trực thuộc “%(p)s” (%(pk)s).")
        % {"u": unit.name, "k": unit.kind.name, "p": new_parent.name, "pk": new_parent.kind.name},
        "new_parent",
    )
    _require_after_history(unit, effective_on)
    _relink(unit, new_parent, effective_on, decision_no.strip(), decision_date)
    _move_path(unit, new_parent)
    event_record(
        actor=scope.actor,
        action="unit.reparent",
        unit=unit,
        obj=unit,
        decision_no=decision_no,
        summary=_("Chuyển “%(u)s” về trực thuộc “%(p)s” từ %(d)s")
        % {"u": unit.name, "p": new_parent.name, "d": format_date(effective_on)},
        before=before,
        after=_snapshot(unit),
    )
    return unit


@transaction.atomic
def unit_dissolve(
    *,
    scope: Scope,
    unit: Unit,
    dissolved_on: dt.date,
    decision_no: str,
    reason: str = "",
    decision_date: dt.date | None = None,
    status: str = UnitStatus.DISSOLVED,
    successor: Unit | None = None,
) -> Unit:
    """End ``unit``: ``dissolved_on`` is its last day. It must have no children left after that day."""
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    scope.require_can(unit, Action.RESTRUCTURE)
    _require_decision(decision_no)
    _require(dissolved_on is not None, _("Cần nhập ngày giải thể."), "dissolved_on")
    _require(unit.status == UnitStatus.ACTIVE, _("Đơn vị “%(u)s” đã ngừng hoạt động.") % {"u": unit.name})
    last = max(d for d in (_last_link_start(unit), unit.founded_on) if d)
    _require(
        dissolved_on >= last,
        _("Ngày giải thể %(d)s không được trước lần thay đổi gần nhất của “%(u)s” (%(last)s).")
        % {"d": format_date(dissolved_on), "u": unit.name, "last": format_date(last)},
        "dissolved_on",
    )
    remaining = _children_after(unit, dissolved_on)
    _require(
        not remaining,
        _(
            "“%(u)s” còn %(n)s đơn vị trực thuộc sau ngày %(d)s (%(names)s). Hãy chuyển hoặc giải thể các đơn vị này trước."
        )
        % {
            "u": unit.name,
            "n": len(remaining),
            "d": format_date(dissolved_on),
            "names": ", ".join(c.name for c in remaining[:5]) + ("…" if len(remaining) > 5 else ""),
        },
        "dissolved_on",
    )
    before = _snapshot(unit)
    link = _open_link(unit)
    if link is not None:
        from congdoan.members.derived import tally

        tally.link_apply(link, -1)
        link.valid_to = dissolved_on
        link.save(update_fields=["valid_to"])
        tally.link_apply(link, +1)
    unit.status = status
    unit.dissolved_on = dissolved_on
    unit.dissolution_decision_no = decision_no.strip()
    unit.dissolution_reason = normalise(reason)
    unit.successor = successor
    unit.save(
        update_fields=["status", "dissolved_on", "dissolution_decision_no", "dissolution_reason", "successor"]
    )
    _small_spans_follow(unit)
    if successor is not None:
        # The successor keeps the records (and so the access scope) of the units it absorbed.
        _move_path(unit, successor)
    if status in (UnitStatus.DISSOLVED, UnitStatus.MERGED):
        # Members' stints end with the unit (or move to the unit it merged into).
        from congdoan.members.services import stints_follow_unit_dissolution

        stints_follow_unit_dissolution(
            unit=unit,
            last_day=dissolved_on,
            merged_into=successor if status == UnitStatus.MERGED else None,
            scope=scope,
        )
    event_record(
        actor=scope.actor,
        action=f"unit.{status}",
        unit=unit,
        obj=unit,
        decision_no=decision_no,
        summary=_("%(what)s “%(u)s”, hoạt động đến hết ngày %(d)s")
        % {"what": UnitStatus(status).label, "u": unit.name, "d": format_date(dissolved_on)},
        before=before,
        after=_snapshot(unit),
    )
    return unit


@transaction.atomic
def unit_merge(
    *,
    scope: Scope,
    sources: Sequence[Unit],
    target: Unit,
    effective_on: dt.date,
    decision_no: str,
    decision_date: dt.date | None = None,
) -> Unit:
    """Merge ``sources`` into ``target`` from ``effective_on``: their children move, they end the day before."""
    _require_decision(decision_no)
    _require(effective_on is not None, _("Cần nhập ngày hiệu lực."), "effective_on")
    _require(bool(sources), _("Cần chọn ít nhất một đơn vị được hợp nhất."), "sources")
    _require(
        all(s.pk != target.pk for s in sources),
        _("Đơn vị tiếp nhận không được nằm trong danh sách đơn vị được hợp nhất."),
        "target",
    )
    scope.require_can(target)
    _require(
        target.status == UnitStatus.ACTIVE and target.exists_on(effective_on),
        _("Đơn vị tiếp nhận “%(t)s” không tồn tại vào ngày %(d)s.")
        % {"t": target.name, "d": format_date(effective_on)},
        "target",
    )
    last_day = effective_on - ONE_DAY
    before = {"sources": [_snapshot(s) for s in sources], "target": _snapshot(target)}
    for source in sources:
        _require(
            not target.path.startswith(source.path),
            _("Không thể hợp nhất “%(s)s” vào đơn vị cấp dưới của nó.") % {"s": source.name},
            "target",
        )
        _require(
            source.kind.level == target.kind.level,
            _("“%(s)s” (%(k)s) và “%(t)s” (%(tk)s) không cùng cấp.")
            % {"s": source.name, "k": source.kind.name, "t": target.name, "tk": target.kind.name},
            "sources",
        )
    for source in sources:
        source = Unit.objects.select_for_update().get(pk=source.pk)
        scope.require_can(source, Action.RESTRUCTURE)
        _require(
            source.status == UnitStatus.ACTIVE, _("Đơn vị “%(u)s” đã ngừng hoạt động.") % {"u": source.name}
        )
        _require_after_history(source, effective_on)
        for child in _children_after(source, last_day):
            unit_reparent(
                unit=child,
                new_parent=target,
                effective_on=effective_on,
                decision_no=decision_no,
                decision_date=decision_date,
                scope=Scope.unrestricted(actor=scope.actor),
            )
        unit_dissolve(
            unit=source,
            dissolved_on=last_day,
            decision_no=decision_no,
            decision_date=decision_date,
            reason=_("Hợp nhất vào “%(t)s”") % {"t": target.name},
            status=UnitStatus.MERGED,
            successor=target,
            scope=scope,
        )
    event_record(
        actor=scope.actor,
        action="unit.merge",
        unit=target,
        obj=target,
        decision_no=decision_no,
        summary=_("Hợp nhất %(s)s vào “%(t)s” từ %(d)s")
        % {"s": ", ".join(f"“{s.name}”" for s in sources), "t": target.name, "d": format_date(effective_on)},
        before=before,
        after={"sources": [s.code for s in sources], "target": target.code},
    )
    target.refresh_from_db()
    return target


def _split_members(source, last_day, new_units, member_targets, members_to, scope) -> None:
    """Hand the split unit's members to the new units (the members app moves their stints)."""
    from congdoan.members.models import Member
    from congdoan.members.services import stints_follow_unit_split

    bad = [pk for pk, index in member_targets.items() if not 0 <= index < len(new_units)]
    _require(
        not bad,
        _("Đơn vị mới tiếp nhận không hợp lệ cho đoàn viên: %(names)s.")
        % {"names": ", ".join(str(m) for m in Member.objects.filter(pk__in=bad)) or bad},
        "member_targets",
    )
    stints_follow_unit_split(
        unit=source,
        last_day=last_day,
        assignments={pk: new_units[index] for pk, index in member_targets.items()},
        default=None if members_to is None else new_units[members_to],
        scope=scope,
    )


@transaction.atomic
def unit_split(
    *,
    scope: Scope,
    source: Unit,
    parts: Sequence[dict],
    child_targets: dict[int, int],
    effective_on: dt.date,
    decision_no: str,
    decision_date: dt.date | None = None,
    member_targets: dict[int, int] | None = None,
    members_to: int | None = 0,
) -> list[Unit]:
    """Split ``source`` into new units founded on ``effective_on`` under its parent.

    ``parts`` are dicts with ``name`` (and optional ``code``, ``sector``); ``child_targets`` maps each
    active child's ID to the index of the part that takes it. ``source`` ends the day before.

    A grassroots union's members move too (``members.services.stints_follow_unit_split``: their stints
    end with reason "restructure" and continue in the new unit, codes kept). ``member_targets`` maps
    member IDs to the index of the part taking them; everyone else goes to part ``members_to`` (the
    first by default). With ``members_to=None`` every member must be placed in ``member_targets``.
    That function also says what happens to future stints, admission lists and transfer requests.
    """
    scope.require_can(source, Action.RESTRUCTURE)
    _require_decision(decision_no)
    _require(effective_on is not None, _("Cần nhập ngày hiệu lực."), "effective_on")
    _require(len(parts) >= 2, _("Chia tách cần ít nhất hai đơn vị mới."), "parts")
    _require(
        members_to is None or 0 <= members_to < len(parts),
        _("Đơn vị mới tiếp nhận đoàn viên không hợp lệ (số %(n)s).") % {"n": (members_to or 0) + 1},
        "members_to",
    )
    last_day = effective_on - ONE_DAY
    parent = _open_link(source)
    _require(
        parent is not None, _("“%(u)s” không có đơn vị cấp trên để đặt các đơn vị mới.") % {"u": source.name}
    )
    children = _children_after(source, last_day)
    missing = [c.name for c in children if child_targets.get(c.pk) is None]
    _require(
        not missing,
        _("Chưa chọn đơn vị mới tiếp nhận cho: %(names)s.") % {"names": ", ".join(missing)},
        "child_targets",
    )
    _require_after_history(source, effective_on)
    new_units = [
        unit_found(
            parent=parent.parent,
            name=part["name"],
            kind=source.kind,
            founded_on=effective_on,
            decision_no=decision_no,
            decision_date=decision_date,
            sector=part.get("sector", source.sector),
            code=part.get("code", ""),
            scope=Scope.unrestricted(actor=scope.actor),
        )
        for part in parts
    ]
    for child in children:
        index = child_targets[child.pk]
        _require(
            0 <= index < len(new_units), _("Đơn vị tiếp nhận không hợp lệ cho “%(c)s”.") % {"c": child.name}
        )
        unit_reparent(
            unit=child,
            new_parent=new_units[index],
            effective_on=effective_on,
            decision_no=decision_no,
            decision_date=decision_date,
            scope=Scope.unrestricted(actor=scope.actor),
        )
    before = {"source": _snapshot(source), "children": [c.code for c in children]}
    ended = unit_dissolve(
        unit=source,
        dissolved_on=last_day,
        decision_no=decision_no,
        decision_date=decision_date,
        reason=_("Chia tách thành %(n)s đơn vị") % {"n": len(new_units)},
        status=UnitStatus.SPLIT,
        scope=scope,
    )
    _split_members(ended, last_day, new_units, member_targets or {}, members_to, scope)
    event_record(
        actor=scope.actor,
        action="unit.split_into",
        unit=parent.parent,
        obj=source,
        decision_no=decision_no,
        summary=_("Chia tách “%(s)s” thành %(parts)s từ %(d)s")
        % {
            "s": source.name,
            "parts": ", ".join(f"“{u.name}”" for u in new_units),
            "d": format_date(effective_on),
        },
        before=before,
        after={
            "parts": [u.code for u in new_units],
            "children": {c.code: new_units[child_targets[c.pk]].code for c in children},
        },
    )
    return new_units


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
