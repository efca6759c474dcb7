"""Who may edit the catalogues: national ones by administrators of the national root, per-unit entries by
administrators of that unit (or above). Every catalogue page of every app asks here."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from congdoan.core.roles import Role
from congdoan.core.scoping import Action, Scope

from .models import Unit


def is_national_admin(scope: Scope) -> bool:
    """An administrator of a national root (depth 0), or a superuser."""
    if scope.everything:
        return True
    roots = Unit.objects.filter(depth=0).values_list("path", flat=True)
    return any(scope.role_on(path) == Role.ADMIN for path in roots)


def require_national_admin(scope: Scope) -> None:
    if not is_national_admin(scope):
        raise PermissionDenied(
            _("Chỉ quản trị viên cấp Trung ương mới được sửa danh mục dùng chung toàn quốc.")
        )


def is_catalogue_admin(scope: Scope) -> bool:
    """Holds the administrator role on some unit: may open the catalogue pages (what they may change is
    decided per entry)."""
    return scope.holds(Role.ADMIN)


def catalogue_admin_scope(request) -> Scope:
    """The request's Scope when the user may open the catalogue pages; 404 otherwise (not a hint they exist)."""
    scope = Scope.of(request)
    if not is_catalogue_admin(scope):
        raise Http404
    return scope


def administered_units(*, scope: Scope, max_level: int) -> QuerySet[Unit]:
    """Units down to ``max_level`` the user administers (their subtree), for per-unit catalogue entries."""
    qs = Unit.objects.select_related("kind").filter(kind__level__lte=max_level)
    return scope.filter(qs, action=Action.ADMINISTER).order_by("kind__level", "name")


def require_unit_admin(scope: Scope, unit: Unit | None) -> None:
    """A per-unit entry: its unit's administrators (or above); an entry for every unit (None): national."""
    if unit is None:
        require_national_admin(scope)
    else:
        scope.require_can(unit, Action.ADMINISTER)
