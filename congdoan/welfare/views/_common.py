"""What the welfare pages share: the units one acts for."""

from __future__ import annotations

from congdoan.org import selectors as org_selectors
from congdoan.org.constants import UnitStatus


def _units(scope):
    return org_selectors.unit_list(scope=scope).filter(status=UnitStatus.ACTIVE).order_by("path")
