"""Accounts created, edited, deactivated and re-activated by an administrator of a unit above them."""

from __future__ import annotations

import re
import secrets

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.roles import Role
from congdoan.core.scoping import Scope
from congdoan.core.text import normalise

from ..hashers import temporary_password_hash
from ..models import Assignment, User
from .rules import check_grant, check_manage, home_unit, require_manager

# No 0/o, 1/l/i: passwords are read aloud and typed from paper.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # noqa: S105
_USERNAME = re.compile(r"^[\w.@+-]+\Z")
_PHONE = re.compile(r"^\+?[0-9 .]{8,20}$")


def temporary_password() -> str:
    """Twelve characters in three groups of four, e.g. "k7mq-2xra-p9dt" (changed at first login)."""
    chars = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(12))
    return "-".join(chars[i : i + 4] for i in range(0, 12, 4))


def clean_identity(*, username: str | None, full_name: str, email: str, phone: str, user=None) -> dict:
    """Check the fields of an account; raise a ValidationError naming each bad field."""
    errors: dict[str, str] = {}
    data = {
        "full_name": normalise(full_name),
        "email": (email or "").strip().lower(),
        "phone": " ".join((phone or "").split()),
    }
    if not data["full_name"]:
        errors["full_name"] = _("Họ và tên: chưa nhập.")
    if data["email"]:
        try:
            validate_email(data["email"])
        except ValidationError:
            errors["email"] = _("Thư điện tử: “%(v)s” không phải là địa chỉ hợp lệ.") % {"v": data["email"]}
    if data["phone"] and not _PHONE.match(data["phone"]):
        errors["phone"] = _("Điện thoại: “%(v)s” không hợp lệ (chỉ gồm chữ số, 8–20 ký tự).") % {
            "v": data["phone"]
        }
    if username is not None:
        data["username"] = username.strip()
        if not data["username"]:
            errors["username"] = _("Tên đăng nhập: chưa nhập.")
        elif not _USERNAME.match(data["username"]) or len(data["username"]) > 150:
            errors["username"] = _(
                "Tên đăng nhập: chỉ gồm chữ không dấu, chữ số và các ký tự . @ + - _ (tối đa 150 ký tự)."
            )
        elif (
            User.objects.filter(username__iexact=data["username"])
            .exclude(pk=getattr(user, "pk", None))
            .exists()
        ):
            errors["username"] = _("Tên đăng nhập: “%(v)s” đã có người dùng.") % {"v": data["username"]}
    if errors:
        raise ValidationError(errors)
    return data


@transaction.atomic
def user_create(
    *,
    scope: Scope,
    username: str,
    full_name: str,
    unit,
    role: str,
    email: str = "",
    phone: str = "",
    position: str = "",
) -> tuple[User, str]:
    """Create an account with one role on ``unit``; returns it and its temporary password (shown once)."""
    require_manager(scope)
    check_grant(scope, unit, role)
    data = clean_identity(username=username, full_name=full_name, email=email, phone=phone)
    password = temporary_password()
    user = User(**data, position=normalise(position), must_change_password=True)
    user.password = temporary_password_hash(password)
    user.save()
    assignment = Assignment.objects.create(user=user, unit=unit, role=role)
    event_record(
        actor=scope.actor,
        action="account.create",
        unit=unit,
        obj=user,
        summary=_("Tạo tài khoản %(login)s (%(name)s), vai trò %(r)s tại “%(unit)s”")
        % {
            "login": user.username,
            "name": user.full_name,
            "r": assignment.get_role_display(),
            "unit": unit.name,
        },
    )
    return user, password


@transaction.atomic
def user_update(
    *, scope: Scope, user: User, full_name: str, email: str, phone: str, position: str = ""
) -> User:
    require_manager(scope)
    user = User.objects.select_for_update().get(pk=user.pk)
    check_manage(scope, user)
    data = clean_identity(username=None, full_name=full_name, email=email, phone=phone, user=user)
    data["position"] = normalise(position)
    before = {field: getattr(user, field) for field in data}
    if before == data:
        return user
    for field, value in data.items():
        setattr(user, field, value)
    user.save(update_fields=list(data))
    event_record(
        actor=scope.actor,
        action="account.update",
        unit=home_unit(user),
        obj=user,
        summary=_("Sửa thông tin tài khoản %(login)s") % {"login": user.username},
        before=before,
        after=data,
    )
    return user


@transaction.atomic
def user_set_active(*, scope: Scope, user: User, active: bool) -> User:
    """Deactivate (sessions and API tokens stop at once) or re-activate an account."""
    require_manager(scope)
    user = User.objects.select_for_update().get(pk=user.pk)
    check_manage(scope, user)
    if user.is_active == active:
        raise ValidationError(
            (
                _("Tài khoản “%(u)s” đang hoạt động.")
                if active
                else _("Tài khoản “%(u)s” đã bị khoá trước đó.")
            )
            % {"u": user}
        )
    user.is_active = active
    user.save(update_fields=["is_active"])
    event_record(
        actor=scope.actor,
        action="account.reactivate" if active else "account.deactivate",
        unit=home_unit(user),
        obj=user,
        summary=(_("Mở lại tài khoản %(login)s") if active else _("Khoá tài khoản %(login)s"))
        % {"login": user.username},
    )
    return user


@transaction.atomic
def role_grant(*, scope: Scope, user: User, unit, role: str) -> Assignment:
    """Give ``user`` ``role`` on ``unit`` (or change the role they hold there)."""
    require_manager(scope)
    user = User.objects.select_for_update().get(pk=user.pk)
    check_manage(scope, user)
    check_grant(scope, unit, role)
    assignment, created = Assignment.objects.get_or_create(user=user, unit=unit, defaults={"role": role})
    before = None if created else assignment.role
    if not created:
        if assignment.role == role:
            raise ValidationError(
                _("%(u)s đã có vai trò %(r)s tại “%(unit)s”.")
                % {"u": user, "r": assignment.get_role_display(), "unit": unit.name}
            )
        assignment.role = role
        assignment.save(update_fields=["role"])
    event_record(
        actor=scope.actor,
        action="assignment.set",
        unit=unit,
        obj=assignment,
        summary=_("Phân quyền %(u)s: %(r)s tại “%(unit)s”")
        % {"u": user.username, "r": Role(role).label, "unit": unit.name},
        before=before,
        after=role,
    )
    return assignment


@transaction.atomic
def role_revoke(*, scope: Scope, assignment: Assignment) -> User:
    """Take a role away; the last one cannot go (deactivate the account instead)."""
    require_manager(scope)
    user = User.objects.select_for_update().get(pk=assignment.user_id)
    check_manage(scope, user)
    if user.assignments.count() <= 1:
        raise ValidationError(
            _("Đây là vai trò duy nhất của %(u)s; hãy khoá tài khoản thay vì bỏ vai trò cuối cùng.")
            % {"u": user}
        )
    unit = assignment.unit
    event_record(
        actor=scope.actor,
        action="assignment.revoke",
        unit=unit,
        obj=assignment,
        summary=_("Bỏ vai trò %(r)s của %(u)s tại “%(unit)s”")
        % {"u": user.username, "r": assignment.get_role_display(), "unit": unit.name},
        before=assignment.role,
    )
    assignment.delete()
    return user
