"""Helpers shared by the welfare use cases."""

from __future__ import annotations

from ..models import Programme


def _unit_takes_part(programme: Programme, unit) -> bool:
    if not unit.path.startswith(programme.owner.path):
        return False
    if programme.whole_subtree:
        return True
    return any(unit.path.startswith(u.path) for u in programme.units.all())
