"""Passwords and sessions: the administrator's reset and unlock, the user's own change and sign-out."""

from __future__ import annotations

from axes.utils import reset as axes_reset
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.scoping import Scope

from ..hashers import temporary_password_hash
from ..models import User
from .rules import check_manage, home_unit, require_manager
from .users import temporary_password


@transaction.atomic
def password_reset_by_admin(*, scope: Scope, user: User) -> str:
    """Set a temporary password (returned, shown once) that must be changed at the next sign-in.

    The old sessions end with the old password (Django checks the password hash on every request).
    """
    require_manager(scope)
    user = User.objects.select_for_update().get(pk=user.pk)
    check_manage(scope, user)
    password = temporary_password()
    user.password = temporary_password_hash(password)
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    event_record(
        actor=scope.actor,
        action="account.password_reset",
        unit=home_unit(user),
        obj=user,
        summary=_("Đặt lại mật khẩu tạm thời cho %(login)s") % {"login": user.username},
    )
    return password


@transaction.atomic
def user_unlock(*, scope: Scope, user: User) -> int:
    """Clear django-axes' failed sign-ins for the account; returns how many records were removed."""
    require_manager(scope)
    check_manage(scope, user)
    removed = axes_reset(username=user.username) or 0
    event_record(
        actor=scope.actor,
        action="account.unlock",
        unit=home_unit(user),
        obj=user,
        summary=_("Mở khoá đăng nhập cho %(login)s") % {"login": user.username},
    )
    return removed


@transaction.atomic
def password_changed(*, user: User, how: str = "change") -> None:
    """After the user set their own password (change or e-mail link): no forced change any more."""
    User.objects.filter(pk=user.pk).update(must_change_password=False)
    user.must_change_password = False
    event_record(
        actor=user,
        action="account.password_change" if how == "change" else "account.password_reset_email",
        unit=home_unit(user),
        obj=user,
        summary=(_("Tự đổi mật khẩu") if how == "change" else _("Đặt lại mật khẩu qua thư điện tử"))
        + f" ({user.username})",
    )


@transaction.atomic
def sessions_end_all(*, user: User) -> User:
    """Sign the user out of every session: the new epoch changes the session auth hash.

    The caller keeps the current session with ``update_session_auth_hash``.
    """
    User.objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)
    user.refresh_from_db(fields=["session_epoch"])
    event_record(
        actor=user,
        action="account.sessions_end",
        unit=home_unit(user),
        obj=user,
        summary=_("Đăng xuất khỏi mọi phiên (%(login)s)") % {"login": user.username},
    )
    return user
