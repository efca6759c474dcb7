"""The one access-scoping mechanism.

A user sees and acts on the subtrees of the units they are assigned to. Every selector takes a
``Scope`` and filters through :meth:`Scope.filter`; views and API routes never filter by hand.
Anything outside the scope is answered with 404 (it does not exist for that user).

The idiom, everywhere:

* a page or API route takes ``scope = Scope.of(request)``;
* it shows a button when ``scope.can(unit, Action.APPROVE)``;
* a service takes ``scope`` as a required keyword argument, checks ``scope.require_can(unit, action)``
  (one Vietnamese message for every refusal) and records ``scope.actor`` in the audit log.

Management commands and background work acting for the system itself use ``Scope.unrestricted()``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from .roles import ROLE_RANK, Role


class Action(models.TextChoices):
    """What a user wants to do with a unit; each needs a role, some a level strictly above the unit.

    The label completes the sentence “Bạn không có quyền … “<unit>”.”
    """

    VIEW = "view", _l("xem số liệu của")
    ACT = "act", _l("thao tác trên đơn vị")
    # A decision of the level above: approving a grassroots union's admission list or report,
    # re-parenting, merging, splitting or dissolving a unit. The unit must lie strictly below a root.
    APPROVE = "approve", _l("duyệt hồ sơ của")
    RESTRUCTURE = "restructure", _l("sắp xếp lại đơn vị")
    ADMINISTER = "administer", _l("quản trị đơn vị")


# action -> (weakest role that may do it, must the unit lie strictly below the assigned unit?)
_RULES: dict[str, tuple[str, bool]] = {
    Action.VIEW: (Role.VIEWER, False),
    Action.ACT: (Role.OFFICER, False),
    Action.APPROVE: (Role.OFFICER, True),
    Action.RESTRUCTURE: (Role.OFFICER, True),
    Action.ADMINISTER: (Role.ADMIN, False),
}


@dataclass(frozen=True)
class Scope:
    """The subtrees a user may see, with the role held on each root, and who is acting."""

    user_id: int | None
    everything: bool = False
    roots: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (path, role)
    # The user recorded in the audit log as having acted (None: the system).
    actor: Any = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, request) -> Scope:
        """The scope of the user behind a page or API request (cached on the user for the request)."""
        return cls.for_user(getattr(request, "user", None))

    @classmethod
    def for_user(cls, user) -> Scope:
        if user is None or not user.is_authenticated:
            return cls(user_id=None)
        cached = getattr(user, "_congdoan_scope", None)
        if cached is not None:
            return cached
        # ``user.assignments`` is the reverse relation of accounts.Assignment: core imports no app. The rows
        # (with their units) stay on the user for the request: the menu lists them (one query, not two).
        assignments = list(user.assignments.select_related("unit", "unit__kind"))
        rows = [(a.unit.path, a.role) for a in assignments]
        scope = cls(user_id=user.pk, everything=user.is_superuser, roots=tuple(sorted(rows)), actor=user)
        user._congdoan_assignments = assignments
        user._congdoan_scope = scope
        return scope

    @classmethod
    def unrestricted(cls, *, actor=None) -> Scope:
        """For management commands and background tasks acting for the system itself.

        ``actor`` names the person on whose behalf a loader acts, for the audit log only.
        """
        return cls(user_id=getattr(actor, "pk", None), everything=True, actor=actor)

    # -- reading ---------------------------------------------------------------------------------
    def _roots_for(self, action: str | None) -> list[str]:
        if action is None:
            return [path for path, _role in self.roots]
        weakest, _strict = _RULES[action]
        return [path for path, role in self.roots if ROLE_RANK[role] >= ROLE_RANK[weakest]]

    def q(self, path_field: str = "path", *, action: str | None = None) -> Q:
        """A Q object matching rows whose unit path lies in one of the scope's subtrees (those where
        the user may do ``action``, when given: strictly below the root for a decision of the level above,
        as ``can``)."""
        if self.everything:
            return Q()
        roots = self._roots_for(action)
        if not roots:
            return Q(pk__in=[])
        strict = action is not None and _RULES[action][1]

        def under(path: str) -> Q:
            inside = Q(**{f"{path_field}__startswith": path})
            return inside & ~Q(**{path_field: path}) if strict else inside

        return reduce(or_, map(under, roots))

    def filter(self, queryset: QuerySet, path_field: str = "path", *, action: str | None = None) -> QuerySet:
        """Restrict ``queryset`` to the scope; ``path_field`` leads from the model to a unit path."""
        if self.everything:
            return queryset
        return queryset.filter(self.q(path_field, action=action))

    def within(self, queryset: QuerySet, unit, path_field: str = "path") -> QuerySet:
        """Restrict ``queryset`` to ``unit``'s subtree, ``unit`` being in the scope (404 otherwise).

        One path condition instead of ``filter`` plus the subtree's: a unit in the scope lies under one of
        its roots, so the roots' condition adds nothing, and two ``LIKE`` conditions on the same column make
        PostgreSQL multiply their selectivities (a province's 2 000 units estimated at 8), which led the
        member search of a province officer to scan the whole province (0,5 s) instead of walking the name
        index (docs/performance.md)."""
        if not self.everything and not any(unit.path.startswith(root) for root in self._roots_for(None)):
            raise Http404
        return queryset.filter(**{f"{path_field}__startswith": unit.path})

    def get_or_404(self, queryset: QuerySet, path_field: str = "path", **lookup):
        try:
            return self.filter(queryset, path_field).get(**lookup)
        except queryset.model.DoesNotExist as exc:
            raise Http404 from exc

    # -- acting ----------------------------------------------------------------------------------
    def role_on(self, path: str) -> str | None:
        """The strongest role the user holds on a unit with this path (through any ancestor)."""
        if self.everything:
            return Role.ADMIN
        roles = [role for root, role in self.roots if path.startswith(root)]
        return max(roles, key=lambda r: ROLE_RANK[r]) if roles else None

    def holds(self, role: str) -> bool:
        """Does the user hold ``role`` (or a stronger one) on some unit? (Catalogues shared by all.)"""
        return self.everything or any(ROLE_RANK[held] >= ROLE_RANK[role] for _path, held in self.roots)

    def can(self, unit, action: str = Action.ACT) -> bool:
        """May the user do ``action`` with ``unit``? (To show or hide a button.)"""
        if self.everything:
            return True
        weakest, strict = _RULES[action]
        return any(
            unit.path.startswith(root)
            and not (strict and unit.path == root)
            and ROLE_RANK[role] >= ROLE_RANK[weakest]
            for root, role in self.roots
        )

    def require_can(self, unit, action: str = Action.ACT) -> None:
        """Refuse (PermissionDenied, one Vietnamese message naming the unit) unless ``can``."""
        if not self.can(unit, action):
            raise PermissionDenied(
                _("Bạn không có quyền %(action)s “%(unit)s”.")
                % {"action": Action(action).label, "unit": unit.name}
            )

    @property
    def is_empty(self) -> bool:
        return not self.everything and not self.roots
