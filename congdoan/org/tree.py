"""Primitive changes to the organisation tree: links, the materialised path, and the checks every
restructuring shares.

Each function changes only org's own rows. What other apps derive from the tree (members' stints and
tally, small-union spans, report roll-ups) is kept in step by the operations in ``congdoan.restructure``,
which call these inside their one transaction.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.core.validation import require

from .models import TreeChange, Unit, UnitLink
from .selectors import TREE_CHANGE_ROW, link_valid_on, tree_last_change_recount

ONE_DAY = dt.timedelta(days=1)


def snapshot(unit: Unit) -> dict:
    """What the audit log keeps of a unit before and after a change."""
    return {
        "code": unit.code,
        "name": unit.name,
        "status": unit.status,
        "parent": unit.parent.code if unit.parent_id else None,
        "path": unit.path,
        "founded_on": unit.founded_on.isoformat() if unit.founded_on else None,
        "dissolved_on": unit.dissolved_on.isoformat() if unit.dissolved_on else None,
    }


def require_decision(decision_no: str) -> None:
    require(bool(decision_no and decision_no.strip()), _("Cần nhập số quyết định."), "decision_no")


def open_link(unit: Unit) -> UnitLink | None:
    """The unit's current (open) link to its parent, locked for the transaction."""
    return UnitLink.objects.select_for_update().filter(child=unit, valid_to__isnull=True).first()


def last_link_start(unit: Unit) -> dt.date | None:
    link = UnitLink.objects.filter(child=unit).order_by("-valid_from").first()
    return link.valid_from if link else None


def last_change(unit: Unit) -> dt.date:
    """The unit's last change: its latest link or its founding, whichever is later."""
    return max(d for d in (last_link_start(unit), unit.founded_on) if d)


def require_after_history(unit: Unit, day: dt.date, field: str = "effective_on") -> None:
    """Operations append to history: a change may not fall on or before the unit's last change."""
    floor = last_change(unit)
    require(
        day > floor,
        _("Ngày hiệu lực %(d)s phải sau lần thay đổi gần nhất của “%(u)s” (%(last)s).")
        % {"d": format_date(day), "u": unit.name, "last": format_date(floor)},
        field,
    )


def move_path(unit: Unit, new_parent: Unit | None) -> list[int] | None:
    """Re-root ``unit``'s subtree under ``new_parent`` in the materialised path.

    Returns the unit's ancestor IDs before the move when the path changed (``None`` when it did not),
    so that the caller can move what is stored per ancestor.
    """
    old_path = unit.path
    new_path = f"{new_parent.path if new_parent else '/'}{unit.pk}/"
    delta = (new_parent.depth + 1 if new_parent else 0) - unit.depth
    old_ancestors = unit.ancestor_ids()
    if old_path != new_path:
        Unit.objects.filter(path__startswith=old_path).update(
            path=Concat(Value(new_path), Substr("path", len(old_path) + 1)), depth=F("depth") + delta
        )
    Unit.objects.filter(pk=unit.pk).update(parent=new_parent)
    unit.refresh_from_db()
    return old_ancestors if old_path != new_path else None


def tree_change_note(link: UnitLink) -> None:
    """Keep ``TreeChange`` (the last day the tree changed) in step with a link just opened or closed, in
    the same transaction: raised to the link's end, or to the day before it if it moved its unit. Never
    lowered; nothing when the row is missing (readers then recount)."""
    founded_on = Unit.objects.filter(pk=link.child_id).values_list("founded_on", flat=True).first()
    days = [link.valid_to] if link.valid_to else []
    if founded_on is not None and link.valid_from > founded_on:
        days.append(link.valid_from - ONE_DAY)
    if days:
        day = max(days)
        TreeChange.objects.filter(
            Q(last_change__isnull=True) | Q(last_change__lt=day), pk=TREE_CHANGE_ROW
        ).update(last_change=day)


def tree_change_rebuild() -> None:
    """Recount ``TreeChange`` from every link (after a bulk load or an edit outside these functions)."""
    TreeChange.objects.update_or_create(
        pk=TREE_CHANGE_ROW, defaults={"last_change": tree_last_change_recount()}
    )


def close_link(link: UnitLink, last_day: dt.date, *, clean: bool = True) -> None:
    """End ``link`` on ``last_day`` (inclusive)."""
    link.valid_to = last_day
    if clean:
        link.full_clean()
    link.save(update_fields=["valid_to"])
    tree_change_note(link)


def new_link(
    unit: Unit, parent: Unit, day: dt.date, decision_no: str, decision_date=None, note: str = ""
) -> UnitLink:
    """Link ``unit`` under ``parent`` from ``day``."""
    link = UnitLink(
        child=unit,
        parent=parent,
        valid_from=day,
        decision_no=decision_no,
        decision_date=decision_date,
        note=note,
    )
    link.full_clean()
    link.save()
    tree_change_note(link)
    return link


def children_after(unit: Unit, day: dt.date) -> list[Unit]:
    """Children still linked to ``unit`` after ``day`` (links open or ending later)."""
    ids = UnitLink.objects.filter(parent=unit).filter(Q(valid_to__isnull=True) | Q(valid_to__gt=day))
    return list(Unit.objects.filter(pk__in=ids.values("child_id")).order_by("name"))


def ancestor_ids_on(unit: Unit, day: dt.date) -> set[int]:
    """The unit's ancestors on ``day``, following the links valid that day."""
    seen: set[int] = set()
    current = unit
    while True:
        link = UnitLink.objects.filter(link_valid_on(day), child=current).first()
        if link is None or link.parent_id in seen:
            return seen
        seen.add(link.parent_id)
        current = link.parent


def next_code(parent: Unit) -> str:
    """The next free code under ``parent``: "<parent code>.NNN"."""
    n = Unit.objects.filter(parent=parent).count() + 1
    while Unit.objects.filter(code=f"{parent.code}.{n:03d}").exists():
        n += 1
    return f"{parent.code}.{n:03d}"


def lock_unit(unit: Unit) -> Unit:
    """The unit re-read and locked ``FOR UPDATE`` for the rest of the transaction."""
    return Unit.objects.select_for_update().get(pk=unit.pk)


def first_link(unit: Unit, parent: Unit, day: dt.date, decision_no: str, decision_date=None) -> UnitLink:
    """A newly founded unit's link to its parent, from its founding day."""
    link = UnitLink.objects.create(
        child=unit, parent=parent, valid_from=day, decision_no=decision_no, decision_date=decision_date
    )
    tree_change_note(link)
    return link
