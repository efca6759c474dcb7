"""Data versions per area: counters in the shared cache that answers kept by ``audit.kept`` are keyed by.

An **area** is a level-1 subtree of today's tree (a province, or a national industry union), named by its
path prefix ("/1/7/"). A write that changed rows of units in some areas bumps those areas' counters;
a write to the tree itself, to a catalogue, by a root, or without a unit bumps the **global** counter, which is part of
every version. Every write also bumps the **any** counter, which answers about a root (the country) are
keyed by. So a write in province A leaves the kept answers of province B valid.

A write's areas are those of every unit its rows belong to *and of every unit those units were ever under*
(their links across all time, read by a resolver that ``org`` registers at start-up: audit may not import
it): figures "as the tree stood then" of a province include units that have since moved elsewhere.

The counters are bumped twice: when the event is written (so a reader in the same transaction, and tests
whose transactions never commit, see the change) and again after the commit (a reader that computed
between the two keyed the old rows under the first bump; the second moves past it). A counter found
missing (never written, or evicted) starts from the clock, never from a number a kept answer may
already be keyed under.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import transaction

GLOBAL_KEY = "audit.version.global"
ANY_KEY = "audit.version.any"
AREA_KEY = "audit.version.area."

# The event actions that change the tree or span areas without saying which: they bump every area.
EVERYWHERE_PREFIXES = ("unit.", "org.", "cluster.", "member.merge")

# Set by ``org`` at start-up: (units) -> the area paths of those units and of every unit they were ever
# under. Without it (a lone audit test) a unit's area is read from its path alone.
areas_resolver: Callable[[Iterable], set[str]] | None = None


def area_of(path: str) -> str | None:
    """The area of a unit with materialised ``path`` ("/1/7/42/" → "/1/7/"); None for a root."""
    parts = path.strip("/").split("/")
    return f"/{parts[0]}/{parts[1]}/" if len(parts) >= 2 else None


def areas_of_units(units: Iterable) -> set[str]:
    """The areas a write to ``units`` (instances) changes the figures of."""
    units = [u for u in units if u is not None]
    if areas_resolver is not None:
        return areas_resolver(units)
    return {a for a in (area_of(u.path) for u in units) if a}


def write_areas(action: str, units: Iterable) -> set[str] | None:
    """The areas an event about ``units`` bumps; None for every area (the tree, catalogues, no unit)."""
    units = list(units)
    if not units or any(u is None for u in units) or action.startswith(EVERYWHERE_PREFIXES):
        return None
    if any(area_of(u.path) is None for u in units):
        return None  # a root's own write may reach rows anywhere under it (a national programme's payments)
    return areas_of_units(units)


def _incr(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:
        cache.add(key, time.time_ns(), None)
        cache.incr(key)


def bump(areas: set[str] | None) -> None:
    """Move the versions of ``areas`` (None: of every area) and of the whole country."""
    _incr(ANY_KEY)
    if areas is None:
        _incr(GLOBAL_KEY)
    else:
        for area in sorted(areas):
            _incr(AREA_KEY + area)


def bump_now_and_at_commit(areas: set[str] | None) -> None:
    bump(areas)
    transaction.on_commit(lambda: bump(areas), robust=True)


def version(areas: Iterable[str] | None) -> str:
    """The version answers about ``areas`` are keyed by (None: about the whole country): one cache read."""
    keys = (
        [GLOBAL_KEY, ANY_KEY] if areas is None else [GLOBAL_KEY, *(AREA_KEY + a for a in sorted(set(areas)))]
    )
    values = cache.get_many(keys)
    missing = [k for k in keys if k not in values]
    if missing:
        for key in missing:
            cache.add(key, time.time_ns(), None)
        values = cache.get_many(keys)
    return ".".join(str(values.get(k, 0)) for k in keys)


def reader_areas(units: Iterable) -> set[str] | None:
    """The areas answers about ``units`` (instances with ``path``, or paths) depend on; None when one is a
    root."""
    areas = set()
    for unit in units:
        area = area_of(unit if isinstance(unit, str) else unit.path)
        if area is None:
            return None
        areas.add(area)
    return areas
