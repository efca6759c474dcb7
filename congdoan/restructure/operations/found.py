"""Found a unit: create it under a parent from a date, by a numbered decision."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.core.text import fold, normalise
from congdoan.core.validation import require
from congdoan.org import selectors as org_selectors
from congdoan.org import tree
from congdoan.org.constants import Sector, UnitStatus
from congdoan.org.models import Unit, UnitKind

from ._common import Operation, small_spans_follow


class FoundUnit(Operation):
    """Found (create) a unit under ``parent`` from ``founded_on``.

    ``allow_historic`` lets data loaders record units of kinds no longer founded (district federations).
    """

    def __init__(
        self,
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
    ):
        super().__init__(scope=scope)
        self.parent, self.kind, self.founded_on = parent, kind, founded_on
        self.name = normalise(name)
        self.decision_no, self.decision_date = decision_no, decision_date
        self.sector, self.code = sector, code
        self.employer, self.address = employer, address
        self.allow_historic = allow_historic

    def check(self, skip_permission_checks: bool = False) -> None:
        parent, kind, founded_on = self.parent, self.kind, self.founded_on
        if not skip_permission_checks:
            self.scope.require_can(parent)
        tree.require_decision(self.decision_no)
        require(bool(self.name), _("Cần nhập tên đơn vị."), "name")
        require(founded_on is not None, _("Cần nhập ngày thành lập."), "founded_on")
        require(
            parent.status == UnitStatus.ACTIVE and parent.exists_on(founded_on),
            _("Đơn vị cấp trên “%(p)s” không hoạt động vào ngày %(d)s.")
            % {"p": parent.name, "d": format_date(founded_on)},
            "parent",
        )
        require(
            self.allow_historic or not kind.is_historic,
            _("Loại đơn vị “%(k)s” không còn được thành lập mới.") % {"k": kind.name},
            "kind",
        )
        require(
            kind.level > parent.kind.level,
            _("Không thể lập “%(k)s” trực thuộc “%(p)s” (%(pk)s).")
            % {"k": kind.name, "p": parent.name, "pk": parent.kind.name},
            "kind",
        )
        require(not self.sector or self.sector in Sector.values, _("Khu vực không hợp lệ."), "sector")
        self.code = (self.code or "").strip() or tree.next_code(parent)
        require(
            not org_selectors.code_taken(self.code),
            _("Mã đơn vị “%(c)s” đã được dùng.") % {"c": self.code},
            "code",
        )

    def _execute(self) -> Unit:
        parent = self.parent
        unit = Unit(
            code=self.code,
            name=self.name,
            name_folded=fold(self.name),
            kind=self.kind,
            sector=self.sector,
            founded_on=self.founded_on,
            founding_decision_no=self.decision_no.strip(),
            founding_decision_date=self.decision_date,
            parent=parent,
            path="/",
            depth=parent.depth + 1,
            employer=normalise(self.employer),
            address=normalise(self.address),
        )
        unit.full_clean(exclude=["path"])
        unit.save()
        unit.path = f"{parent.path}{unit.pk}/"
        unit.save(update_fields=["path"])
        tree.first_link(unit, parent, self.founded_on, self.decision_no.strip(), self.decision_date)
        event_record(
            actor=self.scope.actor,
            action="unit.found",
            unit=unit,
            obj=unit,
            decision_no=self.decision_no,
            summary=_("Thành lập “%(u)s” trực thuộc “%(p)s” từ %(d)s")
            % {"u": unit.name, "p": parent.name, "d": format_date(self.founded_on)},
            after=tree.snapshot(unit),
        )
        small_spans_follow(unit)
        return unit


def unit_found(**kwargs) -> Unit:
    """Found a unit (see ``FoundUnit``)."""
    return FoundUnit(**kwargs).execute()
