"""Who may manage which account: the one place the delegation rules live.

An administrator manages the accounts whose every role lies on units of their subtree, and grants roles on
those units — never a role above their own, and the administrator role on their own unit only from the level
above (a peer administrator is managed by the level above, as are they themselves).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from congdoan.core.roles import ROLE_RANK, Role
from congdoan.core.scoping import Action, Scope

from ..models import Assignment, User


def admin_roots(scope: Scope) -> list[str]:
    return [path for path, role in scope.roots if role == Role.ADMIN]


def can_manage_accounts(scope: Scope) -> bool:
    return scope.everything or bool(admin_roots(scope))


def require_manager(scope: Scope) -> None:
    if not can_manage_accounts(scope):
        raise PermissionDenied(_("Chỉ quản trị của một đơn vị mới quản lý được tài khoản."))


def managed_assignments(scope: Scope) -> QuerySet[Assignment]:
    """Roles held on units of the subtrees the user administers."""
    return scope.filter(
        Assignment.objects.select_related("unit", "user"), "unit__path", action=Action.ADMINISTER
    )


def managed_users(scope: Scope) -> QuerySet[User]:
    """Accounts holding at least one role in the administered subtrees (others do not exist: 404)."""
    if scope.everything:
        return User.objects.all()
    return User.objects.filter(pk__in=managed_assignments(scope).values("user_id"))


def _is_peer_admin_role(scope: Scope, path: str, role: str) -> bool:
    """An administrator role on a unit the actor administers from that very unit (no higher admin root)."""
    if scope.everything or role != Role.ADMIN:
        return False
    return not any(path.startswith(root) and path != root for root in admin_roots(scope))


def check_grant(scope: Scope, unit, role: str) -> None:
    """Refuse (PermissionDenied, in Vietnamese) unless ``scope`` may give ``role`` on ``unit``."""
    scope.require_can(unit, Action.ADMINISTER)
    held = scope.role_on(unit.path)
    if role not in ROLE_RANK:
        raise PermissionDenied(_("Vai trò “%(r)s” không tồn tại.") % {"r": role})
    if held is None or ROLE_RANK[role] > ROLE_RANK[held]:
        raise PermissionDenied(_("Bạn không thể cấp vai trò cao hơn vai trò của mình."))
    if _is_peer_admin_role(scope, unit.path, role):
        raise PermissionDenied(
            _(
                "Vai trò quản trị tại “%(unit)s” do cấp trên của đơn vị cấp; bạn chỉ cấp được cho đơn vị cấp dưới."
            )
            % {"unit": unit.name}
        )


def check_manage(scope: Scope, user: User) -> None:
    """Refuse unless every role of ``user`` lies where ``scope`` may grant it (and it is not oneself)."""
    if user.pk == scope.user_id:
        raise PermissionDenied(
            _("Bạn không thể tự thay đổi tài khoản của mình ở trang này; hãy dùng trang cá nhân.")
        )
    if scope.everything:
        return
    if user.is_superuser:
        raise PermissionDenied(
            _("Tài khoản quản trị hệ thống chỉ được quản lý trong trang quản trị hệ thống.")
        )
    for assignment in user.assignments.select_related("unit"):
        if not scope.can(assignment.unit, Action.ADMINISTER) or _is_peer_admin_role(
            scope, assignment.unit.path, assignment.role
        ):
            raise PermissionDenied(
                _(
                    "Tài khoản “%(u)s” có vai trò %(r)s tại “%(unit)s”, ngoài phạm vi bạn quản trị; "
                    "hãy đề nghị cấp trên thực hiện."
                )
                % {"u": user, "r": assignment.get_role_display(), "unit": assignment.unit.name}
            )


def home_unit(user: User):
    """The unit an account's events are filed under: its first role's unit."""
    first = user.assignments.select_related("unit").order_by("pk").first()
    return first.unit if first else None
