"""What every restructuring operation shares: the check-then-execute shape and the follow-throughs.

An operation is built with its arguments, then ``execute()`` runs, in one transaction: ``lock()`` (take
the rows it changes ``FOR UPDATE``), ``check()`` (every rule, raising a Vietnamese ``ValidationError``
naming the field, or ``PermissionDenied``), then ``_execute()``: the tree change through
``congdoan.org.tree``, every follow-through other apps derive from the tree, and the audit event.
Nothing is half-done: a failing rule or follow-through rolls the whole operation back.

The follow-throughs live here, in one place, not in hooks the writer must remember:
- member tally (``members.derived.tally.link_apply``) whenever a link opens or closes;
- small-union spans (``members.derived.smallspans.refresh``) when a grassroots union starts or ends;
- members' stints (``members.services.stints_follow_unit_*``) when a unit is dissolved, merged or split;
- stored report roll-ups (``targets.services.rollups_shift_subtree``) when a subtree is re-rooted.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from congdoan.core.scoping import Scope
from congdoan.members.derived import smallspans, tally
from congdoan.org import tree
from congdoan.org.models import Unit, UnitLink
from congdoan.targets.services import rollups_shift_subtree


class Operation:
    """Base of the restructuring operations (the shape of Wagtail's page actions)."""

    def __init__(self, *, scope: Scope):
        self.scope = scope
        self.skip_permission_checks = False

    def lock(self) -> None:
        """Take the rows the operation changes ``FOR UPDATE`` (inside the transaction)."""

    def check(self, skip_permission_checks: bool = False) -> None:
        """Raise if the operation may not run; change nothing."""

    def _execute(self):
        raise NotImplementedError

    def execute(self, skip_permission_checks: bool = False):
        self.skip_permission_checks = skip_permission_checks
        with transaction.atomic():
            self.lock()
            self.check(skip_permission_checks=skip_permission_checks)
            return self._execute()


def relink(
    unit: Unit, new_parent: Unit, day: dt.date, decision_no: str, decision_date, note: str = ""
) -> None:
    """Close ``unit``'s open link the day before ``day`` and open one under ``new_parent``; the member
    tally follows both links."""
    link = tree.open_link(unit)
    if link is not None:
        end_link(link, day - tree.ONE_DAY)
    tally.link_apply(tree.new_link(unit, new_parent, day, decision_no, decision_date, note), +1)


def end_link(link: UnitLink, last_day: dt.date, *, clean: bool = True) -> None:
    """End ``link`` on ``last_day``; the member tally counts the subtree under the old parent until then."""
    tally.link_apply(link, -1)
    tree.close_link(link, last_day, clean=clean)
    tally.link_apply(link, +1)


def move_subtree(unit: Unit, new_parent: Unit | None) -> None:
    """Re-root ``unit``'s subtree in the path; stored report roll-ups move from the ancestors it left to
    those it joined."""
    old_ancestors = tree.move_path(unit, new_parent)
    if old_ancestors is not None:
        rollups_shift_subtree(unit=unit, old_ancestor_ids=old_ancestors, new_ancestor_ids=unit.ancestor_ids())


def small_spans_follow(unit: Unit) -> None:
    """A grassroots union founded or dissolved: its spans under five members start or end with it."""
    smallspans.refresh([unit.pk])
