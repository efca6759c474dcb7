"""Derived member figures kept in step with the registry (placeholder; the ledger part is being written)."""

from __future__ import annotations

from contextlib import contextmanager

from .models import Membership


def _units_of(member_ids, unit_ids) -> set[int]:
    ids = set(unit_ids or ())
    if member_ids:
        ids |= set(Membership.objects.filter(member_id__in=list(member_ids)).values_list("unit_id", flat=True))
    return ids


@contextmanager
def tracking(*, member_ids=(), unit_ids=()):
    """Wrap any change to stints, to members' counted attributes or to a unit's sector.

    Pass the members whose stints (or attributes) change, and/or the units whose stints change. Afterwards
    the per-unit counts and the tally ledger are brought in step for exactly what changed.
    """
    from .services import _recount_units

    before = _units_of(member_ids, unit_ids)
    yield
    _recount_units(before | _units_of(member_ids, unit_ids))
