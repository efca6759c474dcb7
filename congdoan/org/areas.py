"""Which areas (level-1 subtrees of today's tree) a write to some units changes the figures of: the areas of
those units and of every unit they were ever under, following the dated links across all time (figures
"as the tree stood then" of a province count units that have since moved to another). Registered with
``audit.version`` at start-up (``apps``), since audit may not import org."""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps

from congdoan.audit.version import area_of


def unit_areas(units: Iterable) -> set[str]:
    # Models looked up when called: ``apps`` imports this module before the models are ready.
    Unit, UnitLink = apps.get_model("org", "Unit"), apps.get_model("org", "UnitLink")
    seen: set[int] = set()
    for unit in units:
        seen.update((unit.pk, *unit.ancestor_ids()))
    frontier = set(seen)
    while frontier:  # one query per level of the tree, usually four or five
        parents = set(UnitLink.objects.filter(child_id__in=frontier).values_list("parent_id", flat=True))
        frontier = parents - seen
        seen |= frontier
    paths = Unit.objects.filter(pk__in=seen).values_list("path", flat=True)
    return {area for area in map(area_of, paths) if area}
