"""The one access-scoping mechanism.

A user sees and acts on the subtrees of the units they are assigned to. Every selector takes a
``Scope`` and filters through :meth:`Scope.filter`; views and API routes never filter by hand.
Anything outside the scope is answered with 404 (it does not exist for that user).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from django.http import Http404

from congdoan.accounts.constants import ROLE_RANK, Role


@dataclass(frozen=True)
class Scope:
    """The subtrees a user may see, with the role held on each root."""

    user_id: int | None
    everything: bool = False
    roots: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (path, role)

    @classmethod
    def for_user(cls, user) -> Scope:
        if user is None or not user.is_authenticated:
            return cls(user_id=None)
        cached = getattr(user, "_congdoan_scope", None)
        if cached is not None:
            return cached
        from congdoan.accounts.models import Assignment

        rows = Assignment.objects.filter(user=user).values_list("unit__path", "role")
        scope = cls(user_id=user.pk, everything=user.is_superuser, roots=tuple(sorted(rows)))
        user._congdoan_scope = scope
        return scope

    @classmethod
    def unrestricted(cls) -> Scope:
        """For management commands and background tasks acting for the system itself."""
        return cls(user_id=None, everything=True)

    # -- reading ---------------------------------------------------------------------------------
    def q(self, path_field: str = "path") -> Q:
        """A Q object matching rows whose unit path lies in one of the scope's subtrees."""
        if self.everything:
            return Q()
        if not self.roots:
            return Q(pk__in=[])
        return reduce(or_, (Q(**{f"{path_field}__startswith": path}) for path, _ in self.roots))

    def filter(self, queryset: QuerySet, path_field: str = "path") -> QuerySet:
        """Restrict ``queryset`` to the scope; ``path_field`` leads from the model to a unit path."""
        if self.everything:
            return queryset
        return queryset.filter(self.q(path_field))

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

    def can(self, unit, role: str = Role.OFFICER) -> bool:
        held = self.role_on(unit.path)
        return held is not None and ROLE_RANK[held] >= ROLE_RANK[role]

    def can_restructure(self, unit) -> bool:
        """Restructuring a unit is a decision of a level above it: the unit must lie strictly below a root."""
        if self.everything:
            return True
        return any(
            unit.path.startswith(root) and unit.path != root and ROLE_RANK[role] >= ROLE_RANK[Role.OFFICER]
            for root, role in self.roots
        )

    @property
    def is_empty(self) -> bool:
        return not self.everything and not self.roots
