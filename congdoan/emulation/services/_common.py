from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from congdoan.core.scoping import Scope


def require(condition: bool, message: str, field: str | None = None) -> None:
    if not condition:
        raise ValidationError({field: message} if field else message)


def require_can_act(scope: Scope, unit) -> None:
    if not scope.can(unit):
        raise PermissionDenied(_("Bạn không có quyền thao tác cho đơn vị “%(u)s”.") % {"u": unit.name})


def within(unit, ancestor) -> bool:
    """Is ``unit`` ``ancestor`` itself or below it (latest structure)?"""
    return unit.path.startswith(ancestor.path)
