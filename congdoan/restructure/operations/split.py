"""Split a unit: new units are founded under its parent, its children and members move to them, and it
ends the day before."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.dates import format_date
from congdoan.core.scoping import Action, Scope
from congdoan.core.validation import require
from congdoan.members.selectors.people import member_names
from congdoan.members.services import stints_follow_unit_split
from congdoan.org import tree
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit

from ._common import Operation
from .dissolve import DissolveUnit
from .found import FoundUnit
from .reparent import ReparentUnit


class SplitUnit(Operation):
    """Split ``source`` into new units founded on ``effective_on`` under its parent.

    ``parts`` are dicts with ``name`` (and optional ``code``, ``sector``); ``child_targets`` maps each
    active child's ID to the index of the part that takes it. ``source`` ends the day before.

    A grassroots union's members move too (``members.services.stints_follow_unit_split``: their stints
    end with reason "restructure" and continue in the new unit, codes kept). ``member_targets`` maps
    member IDs to the index of the part taking them; everyone else goes to part ``members_to`` (the
    first by default). With ``members_to=None`` every member must be placed in ``member_targets``.
    That function also says what happens to future stints, admission lists and transfer requests.
    """

    def __init__(
        self,
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
    ):
        super().__init__(scope=scope)
        self.source, self.parts, self.child_targets = source, list(parts), child_targets
        self.effective_on, self.decision_no, self.decision_date = effective_on, decision_no, decision_date
        self.member_targets, self.members_to = member_targets or {}, members_to
        self.link = None
        self.children: list[Unit] = []

    def check(self, skip_permission_checks: bool = False) -> None:
        source, parts, effective_on, members_to = self.source, self.parts, self.effective_on, self.members_to
        if not skip_permission_checks:
            self.scope.require_can(source, Action.RESTRUCTURE)
        tree.require_decision(self.decision_no)
        require(effective_on is not None, _("Cần nhập ngày hiệu lực."), "effective_on")
        require(len(parts) >= 2, _("Chia tách cần ít nhất hai đơn vị mới."), "parts")
        require(
            members_to is None or 0 <= members_to < len(parts),
            _("Đơn vị mới tiếp nhận đoàn viên không hợp lệ (số %(n)s).") % {"n": (members_to or 0) + 1},
            "members_to",
        )
        self.link = tree.open_link(source)
        require(
            self.link is not None,
            _("“%(u)s” không có đơn vị cấp trên để đặt các đơn vị mới.") % {"u": source.name},
        )
        self.children = tree.children_after(source, effective_on - tree.ONE_DAY)
        missing = [c.name for c in self.children if self.child_targets.get(c.pk) is None]
        require(
            not missing,
            _("Chưa chọn đơn vị mới tiếp nhận cho: %(names)s.") % {"names": ", ".join(missing)},
            "child_targets",
        )
        tree.require_after_history(source, effective_on)

    def _execute(self) -> list[Unit]:
        source, scope, effective_on = self.source, self.scope, self.effective_on
        parent, children, child_targets = self.link.parent, self.children, self.child_targets
        last_day = effective_on - tree.ONE_DAY
        system = Scope.unrestricted(actor=scope.actor)
        new_units = [
            FoundUnit(
                parent=parent,
                name=part["name"],
                kind=source.kind,
                founded_on=effective_on,
                decision_no=self.decision_no,
                decision_date=self.decision_date,
                sector=part.get("sector", source.sector),
                code=part.get("code", ""),
                scope=system,
            ).execute()
            for part in self.parts
        ]
        for child in children:
            index = child_targets[child.pk]
            require(
                0 <= index < len(new_units),
                _("Đơn vị tiếp nhận không hợp lệ cho “%(c)s”.") % {"c": child.name},
            )
            ReparentUnit(
                unit=child,
                new_parent=new_units[index],
                effective_on=effective_on,
                decision_no=self.decision_no,
                decision_date=self.decision_date,
                scope=system,
            ).execute()
        before = {"source": tree.snapshot(source), "children": [c.code for c in children]}
        ended = DissolveUnit(
            unit=source,
            dissolved_on=last_day,
            decision_no=self.decision_no,
            decision_date=self.decision_date,
            reason=_("Chia tách thành %(n)s đơn vị") % {"n": len(new_units)},
            status=UnitStatus.SPLIT,
            scope=scope,
        ).execute(skip_permission_checks=self.skip_permission_checks)
        self._members_follow(ended, last_day, new_units)
        event_record(
            actor=scope.actor,
            action="unit.split_into",
            unit=parent,
            obj=source,
            decision_no=self.decision_no,
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

    def _members_follow(self, source: Unit, last_day: dt.date, new_units: list[Unit]) -> None:
        """Hand the split unit's members to the new units (the members app moves their stints)."""
        member_targets, members_to = self.member_targets, self.members_to
        bad = [pk for pk, index in member_targets.items() if not 0 <= index < len(new_units)]
        require(
            not bad,
            _("Đơn vị mới tiếp nhận không hợp lệ cho đoàn viên: %(names)s.")
            % {"names": ", ".join(member_names(ids=bad)) or bad},
            "member_targets",
        )
        stints_follow_unit_split(
            unit=source,
            last_day=last_day,
            assignments={pk: new_units[index] for pk, index in member_targets.items()},
            default=None if members_to is None else new_units[members_to],
            scope=self.scope,
        )


def unit_split(**kwargs) -> list[Unit]:
    """Split a unit (see ``SplitUnit``)."""
    return SplitUnit(**kwargs).execute()
