"""Merge units: sources end the day before, their children and members move to the target."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.dates import format_date
from congdoan.core.scoping import Action, Scope
from congdoan.core.validation import require
from congdoan.org import tree
from congdoan.org.constants import UnitStatus
from congdoan.org.models import Unit

from ._common import Operation
from .dissolve import DissolveUnit
from .reparent import ReparentUnit


class MergeUnits(Operation):
    """Merge ``sources`` into ``target`` from ``effective_on``: their children move under the target,
    they end the day before (status "merged", the target as successor)."""

    def __init__(
        self,
        *,
        scope: Scope,
        sources: Sequence[Unit],
        target: Unit,
        effective_on: dt.date,
        decision_no: str,
        decision_date: dt.date | None = None,
    ):
        super().__init__(scope=scope)
        self.sources, self.target, self.effective_on = list(sources), target, effective_on
        self.decision_no, self.decision_date = decision_no, decision_date

    def check(self, skip_permission_checks: bool = False) -> None:
        sources, target, effective_on = self.sources, self.target, self.effective_on
        tree.require_decision(self.decision_no)
        require(effective_on is not None, _("Cần nhập ngày hiệu lực."), "effective_on")
        require(bool(sources), _("Cần chọn ít nhất một đơn vị được hợp nhất."), "sources")
        require(
            all(s.pk != target.pk for s in sources),
            _("Đơn vị tiếp nhận không được nằm trong danh sách đơn vị được hợp nhất."),
            "target",
        )
        if not skip_permission_checks:
            self.scope.require_can(target)
        require(
            target.status == UnitStatus.ACTIVE and target.exists_on(effective_on),
            _("Đơn vị tiếp nhận “%(t)s” không tồn tại vào ngày %(d)s.")
            % {"t": target.name, "d": format_date(effective_on)},
            "target",
        )
        for source in sources:
            require(
                not target.path.startswith(source.path),
                _("Không thể hợp nhất “%(s)s” vào đơn vị cấp dưới của nó.") % {"s": source.name},
                "target",
            )
            require(
                source.kind.level == target.kind.level,
                _("“%(s)s” (%(k)s) và “%(t)s” (%(tk)s) không cùng cấp.")
                % {"s": source.name, "k": source.kind.name, "t": target.name, "tk": target.kind.name},
                "sources",
            )

    def _execute(self) -> Unit:
        sources, target, effective_on = self.sources, self.target, self.effective_on
        scope = self.scope
        last_day = effective_on - tree.ONE_DAY
        before = {"sources": [tree.snapshot(s) for s in sources], "target": tree.snapshot(target)}
        for source in sources:
            # Each source is checked when its turn comes, after the earlier ones have moved.
            source = tree.lock_unit(source)
            if not self.skip_permission_checks:
                scope.require_can(source, Action.RESTRUCTURE)
            require(
                source.status == UnitStatus.ACTIVE,
                _("Đơn vị “%(u)s” đã ngừng hoạt động.") % {"u": source.name},
            )
            tree.require_after_history(source, effective_on)
            for child in tree.children_after(source, last_day):
                ReparentUnit(
                    unit=child,
                    new_parent=target,
                    effective_on=effective_on,
                    decision_no=self.decision_no,
                    decision_date=self.decision_date,
                    scope=Scope.unrestricted(actor=scope.actor),
                ).execute()
            DissolveUnit(
                unit=source,
                dissolved_on=last_day,
                decision_no=self.decision_no,
                decision_date=self.decision_date,
                reason=_("Hợp nhất vào “%(t)s”") % {"t": target.name},
                status=UnitStatus.MERGED,
                successor=target,
                scope=scope,
            ).execute()
        event_record(
            actor=scope.actor,
            action="unit.merge",
            unit=target,
            obj=target,
            decision_no=self.decision_no,
            summary=_("Hợp nhất %(s)s vào “%(t)s” từ %(d)s")
            % {
                "s": ", ".join(f"“{s.name}”" for s in sources),
                "t": target.name,
                "d": format_date(effective_on),
            },
            before=before,
            after={"sources": [s.code for s in sources], "target": target.code},
        )
        target.refresh_from_db()
        return target


def unit_merge(**kwargs) -> Unit:
    """Merge units (see ``MergeUnits``)."""
    return MergeUnits(**kwargs).execute()
