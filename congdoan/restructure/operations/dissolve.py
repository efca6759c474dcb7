"""Dissolve a unit: it ends on a last day (dissolved, or ended by a merge or a split)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.dates import format_date
from congdoan.core.scoping import Action, Scope
from congdoan.core.text import normalise
from congdoan.core.validation import require
from congdoan.members.services import stints_follow_unit_dissolution
from congdoan.org import tree
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit

from ._common import Operation, end_link, move_subtree, small_spans_follow


class DissolveUnit(Operation):
    """End ``unit``: ``dissolved_on`` is its last day. It must have no children left after that day.

    With ``successor`` (a merge), the successor takes over the unit's records and so its access scope;
    members' stints end with the unit, or move to the unit it merged into.
    """

    def __init__(
        self,
        *,
        scope: Scope,
        unit: Unit,
        dissolved_on: dt.date,
        decision_no: str,
        reason: str = "",
        decision_date: dt.date | None = None,
        status: str = UnitStatus.DISSOLVED,
        successor: Unit | None = None,
    ):
        super().__init__(scope=scope)
        self.unit, self.dissolved_on, self.reason = unit, dissolved_on, reason
        self.decision_no, self.decision_date = decision_no, decision_date
        self.status, self.successor = status, successor

    def lock(self) -> None:
        self.unit = tree.lock_unit(self.unit)

    def check(self, skip_permission_checks: bool = False) -> None:
        unit, dissolved_on = self.unit, self.dissolved_on
        if not skip_permission_checks:
            self.scope.require_can(unit, Action.RESTRUCTURE)
        tree.require_decision(self.decision_no)
        require(dissolved_on is not None, _("Cần nhập ngày giải thể."), "dissolved_on")
        require(unit.status == UnitStatus.ACTIVE, _("Đơn vị “%(u)s” đã ngừng hoạt động.") % {"u": unit.name})
        last = tree.last_change(unit)
        require(
            dissolved_on >= last,
            _("Ngày giải thể %(d)s không được trước lần thay đổi gần nhất của “%(u)s” (%(last)s).")
            % {"d": format_date(dissolved_on), "u": unit.name, "last": format_date(last)},
            "dissolved_on",
        )
        remaining = tree.children_after(unit, dissolved_on)
        require(
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

    def _execute(self) -> Unit:
        unit, status, successor = self.unit, self.status, self.successor
        before = tree.snapshot(unit)
        link = tree.open_link(unit)
        if link is not None:
            end_link(link, self.dissolved_on, clean=False)
        unit.status = status
        unit.dissolved_on = self.dissolved_on
        unit.dissolution_decision_no = self.decision_no.strip()
        unit.dissolution_reason = normalise(self.reason)
        unit.successor = successor
        unit.save(
            update_fields=[
                "status",
                "dissolved_on",
                "dissolution_decision_no",
                "dissolution_reason",
                "successor",
            ]
        )
        small_spans_follow(unit)
        if successor is not None:
            # The successor keeps the records (and so the access scope) of the units it absorbed.
            move_subtree(unit, successor)
        if status in (UnitStatus.DISSOLVED, UnitStatus.MERGED):
            stints_follow_unit_dissolution(
                unit=unit,
                last_day=self.dissolved_on,
                merged_into=successor if status == UnitStatus.MERGED else None,
                scope=self.scope,
            )
        event_record(
            actor=self.scope.actor,
            action=f"unit.{status}",
            unit=unit,
            obj=unit,
            decision_no=self.decision_no,
            summary=_("%(what)s “%(u)s”, hoạt động đến hết ngày %(d)s")
            % {"what": UnitStatus(status).label, "u": unit.name, "d": format_date(self.dissolved_on)},
            before=before,
            after=tree.snapshot(unit),
        )
        return unit


def unit_dissolve(**kwargs) -> Unit:
    """Dissolve a unit (see ``DissolveUnit``)."""
    return DissolveUnit(**kwargs).execute()
