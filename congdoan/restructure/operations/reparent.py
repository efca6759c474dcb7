"""Re-parent a unit: move it, with its subtree, under another parent from a date."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.dates import format_date
from congdoan.core.scoping import Action, Scope
from congdoan.core.validation import require
from congdoan.org import tree
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit

from ._common import Operation, move_subtree, relink


class ReparentUnit(Operation):
    """Move ``unit`` (with its subtree) under ``new_parent`` from ``effective_on``."""

    def __init__(
        self,
        *,
        scope: Scope,
        unit: Unit,
        new_parent: Unit,
        effective_on: dt.date,
        decision_no: str,
        decision_date: dt.date | None = None,
    ):
        super().__init__(scope=scope)
        self.unit, self.new_parent, self.effective_on = unit, new_parent, effective_on
        self.decision_no, self.decision_date = decision_no, decision_date

    def lock(self) -> None:
        self.unit = tree.lock_unit(self.unit)

    def check(self, skip_permission_checks: bool = False) -> None:
        unit, new_parent, effective_on = self.unit, self.new_parent, self.effective_on
        if not skip_permission_checks:
            self.scope.require_can(unit, Action.RESTRUCTURE)
            self.scope.require_can(new_parent)
        tree.require_decision(self.decision_no)
        require(effective_on is not None, _("Cần nhập ngày hiệu lực."), "effective_on")
        require(unit.status == UnitStatus.ACTIVE, _("Đơn vị “%(u)s” đã ngừng hoạt động.") % {"u": unit.name})
        require(
            new_parent.status == UnitStatus.ACTIVE and new_parent.exists_on(effective_on),
            _("Đơn vị cấp trên mới “%(p)s” không tồn tại vào ngày %(d)s.")
            % {"p": new_parent.name, "d": format_date(effective_on)},
            "new_parent",
        )
        require(
            new_parent.pk != unit.pk
            and not new_parent.path.startswith(unit.path)
            and unit.pk not in tree.ancestor_ids_on(new_parent, effective_on),
            _("Không thể chuyển “%(u)s” về trực thuộc chính nó hoặc đơn vị cấp dưới của nó.")
            % {"u": unit.name},
            "new_parent",
        )
        current = tree.open_link(unit)
        require(
            current is None or current.parent_id != new_parent.pk,
            _("“%(u)s” đang trực thuộc “%(p)s”.") % {"u": unit.name, "p": new_parent.name},
            "new_parent",
        )
        require(
            new_parent.kind.level < unit.kind.level,
            _("Không thể đặt “%(u)s” (%(k)s) trực thuộc “%(p)s” (%(pk)s).")
            % {"u": unit.name, "k": unit.kind.name, "p": new_parent.name, "pk": new_parent.kind.name},
            "new_parent",
        )
        tree.require_after_history(unit, effective_on)

    def _execute(self) -> Unit:
        unit, new_parent = self.unit, self.new_parent
        before = tree.snapshot(unit)
        relink(unit, new_parent, self.effective_on, self.decision_no.strip(), self.decision_date)
        move_subtree(unit, new_parent)
        event_record(
            actor=self.scope.actor,
            action="unit.reparent",
            unit=unit,
            obj=unit,
            decision_no=self.decision_no,
            summary=_("Chuyển “%(u)s” về trực thuộc “%(p)s” từ %(d)s")
            % {"u": unit.name, "p": new_parent.name, "d": format_date(self.effective_on)},
            before=before,
            after=tree.snapshot(unit),
        )
        return unit


def unit_reparent(**kwargs) -> Unit:
    """Re-parent a unit (see ``ReparentUnit``)."""
    return ReparentUnit(**kwargs).execute()
