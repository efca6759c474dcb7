"""Accounts for many units at once from an Excel file: all rows are created, or none (every error named)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import events_record
from congdoan.core.roles import Role
from congdoan.core.scoping import Scope
from congdoan.core.text import fold

from ..excel import Row, header_of
from ..hashers import temporary_password_hash
from ..models import Assignment, User
from .rules import check_grant, require_manager
from .users import clean_identity, temporary_password

ROLE_WORDS = {
    "": Role.OFFICER,
    "xem": Role.VIEWER,
    "viewer": Role.VIEWER,
    "can bo nghiep vu": Role.OFFICER,
    "can bo": Role.OFFICER,
    "officer": Role.OFFICER,
    "quan tri": Role.ADMIN,
    "admin": Role.ADMIN,
}
MAX_ERRORS_SHOWN = 200


@dataclass
class Created:
    user: User
    unit: object
    role: str
    password: str

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label)


def _username_from_code(code: str) -> str:
    return re.sub(r"[^\w.@+-]", "-", code.strip().lower())[:140] or "cd"


def _free_username(base: str, taken: set[str]) -> str:
    name, n = base, 1
    while name.lower() in taken:
        n += 1
        name = f"{base}-{n}"
    return name


def _check_rows(scope: Scope, rows: list[Row], units_by_code: dict) -> tuple[list[tuple], list[str]]:
    errors: list[str] = []
    plans: list[tuple] = []
    given = [r.values.get("username", "").strip().lower() for r in rows]
    existing = {
        u.lower()
        for u in User.objects.filter(username__in=[g for g in given if g]).values_list("username", flat=True)
    }
    taken = set(existing)
    seen_in_file: set[str] = set()

    def err(row: Row, key: str, message: str) -> None:
        errors.append(
            _("Dòng %(row)s, cột “%(col)s”: %(msg)s")
            % {"row": row.number, "col": header_of(key), "msg": message}
        )

    for row in rows:
        v = row.values
        code = v.get("code", "")
        unit = units_by_code.get(code.upper()) if code else None
        if not code:
            err(row, "code", _("chưa nhập mã đơn vị."))
        elif unit is None:
            err(row, "code", _("không có đơn vị mã “%(c)s” trong phạm vi bạn quản trị.") % {"c": code})
        role = ROLE_WORDS.get(fold(v.get("role", "")))
        if role is None:
            err(
                row,
                "role",
                _("“%(v)s” không phải vai trò; hãy ghi Xem, Cán bộ nghiệp vụ hoặc Quản trị.")
                % {"v": v["role"]},
            )
        if unit is not None and role is not None:
            try:
                check_grant(scope, unit, role)
            except PermissionDenied as exc:
                err(row, "code" if role != Role.ADMIN else "role", str(exc))
        username = v.get("username", "").strip()
        if username and (username.lower() in seen_in_file):
            err(row, "username", _("“%(v)s” trùng với một dòng phía trên.") % {"v": username})
        try:
            data = clean_identity(
                username=username or None,
                full_name=v.get("full_name", ""),
                email=v.get("email", ""),
                phone=v.get("phone", ""),
            )
        except ValidationError as exc:
            for key, messages in exc.message_dict.items():
                for message in messages:
                    err(row, key, message.split(": ", 1)[-1])
            continue
        if not username:
            username = _free_username(_username_from_code(code), taken | seen_in_file)
            if User.objects.filter(username__iexact=username).exists():
                taken.add(username.lower())
                username = _free_username(_username_from_code(code), taken | seen_in_file)
        seen_in_file.add(username.lower())
        data["username"] = username
        plans.append((data, unit, role, v.get("position", "")))
    return plans, errors


@transaction.atomic
def accounts_bulk_create(*, scope: Scope, rows: list[Row], units_by_code: dict) -> list[Created]:
    """Create one account per row (``units_by_code``: upper-cased code → unit, resolved by the caller).

    Any bad row refuses the whole file with a ValidationError listing "Dòng N, cột “…”: …" messages.
    """
    require_manager(scope)
    plans, errors = _check_rows(scope, rows, units_by_code)
    if errors:
        shown = errors[:MAX_ERRORS_SHOWN]
        if len(errors) > MAX_ERRORS_SHOWN:
            shown.append(_("… và %(n)s lỗi khác.") % {"n": len(errors) - MAX_ERRORS_SHOWN})
        raise ValidationError({"file": shown})
    created: list[Created] = []
    for data, unit, role, position in plans:
        password = temporary_password()
        user = User(**data, position=position.strip(), must_change_password=True)
        user.password = temporary_password_hash(password)
        user.save()
        Assignment.objects.create(user=user, unit=unit, role=role)
        created.append(Created(user=user, unit=unit, role=role, password=password))
    events_record(
        actor=scope.actor,
        action="account.create",
        items=(
            (
                _("Tạo tài khoản %(login)s (%(name)s), vai trò %(r)s tại “%(unit)s” (tạo hàng loạt từ Excel)")
                % {
                    "login": c.user.username,
                    "name": c.user.full_name,
                    "r": c.role_label,
                    "unit": c.unit.name,
                },
                c.unit,
                c.user,
                "",
            )
            for c in created
        ),
    )
    return created
