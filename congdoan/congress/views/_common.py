"""What the congress pages share: the units one acts for."""

from __future__ import annotations

from congdoan.org import selectors as org_selectors
from congdoan.org.constants import UnitStatus


def acting_units(scope):
    return org_selectors.unit_list(scope=scope).filter(status=UnitStatus.ACTIVE).order_by("path")


def plan_owners(scope):
    """Units that may run a round: those with units below them (not grassroots unions nor their parts)."""
    return acting_units(scope).filter(kind__level__lt=3)
