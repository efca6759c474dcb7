"""Unit kinds (a national list) edited in the app by national administrators.

A kind is never deleted: it is marked historic ("chỉ còn trong lịch sử"), and no new unit can be founded with
it. The level and grassroots flag of a kind that units already have are fixed: they decide where those units
sit in the tree and how they are counted.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.scoping import Scope

from .catalogue_access import require_national_admin
from .models import Unit, UnitKind

FIELDS = ("code", "name", "level", "is_grassroots", "is_historic", "sort_order")


def _snapshot(kind: UnitKind) -> dict:
    return {name: getattr(kind, name) for name in FIELDS}


@transaction.atomic
def unit_kind_save(*, scope: Scope, kind: UnitKind | None = None, **fields) -> UnitKind:
    require_national_admin(scope)
    if kind is not None and kind.pk:
        kind = UnitKind.objects.select_for_update().get(pk=kind.pk)
        before = _snapshot(kind)
        if Unit.objects.filter(kind=kind).exists():
            for name, label in (("level", _("cấp")), ("is_grassroots", _("là công đoàn cơ sở"))):
                if name in fields and fields[name] != getattr(kind, name):
                    raise ValidationError(
                        {name: _("Đã có đơn vị thuộc loại này nên không đổi được “%(f)s”.") % {"f": label}}
                    )
    else:
        kind, before = UnitKind(), None
    fields["sort_order"] = fields.get("sort_order") or 0
    for name, value in fields.items():
        setattr(kind, name, value)
    kind.full_clean()
    kind.save()
    event_record(
        actor=scope.actor,
        action="org.unit_kind_save",
        summary=_("Cập nhật loại đơn vị “%(n)s”") % {"n": kind.name},
        obj=kind,
        before=before,
        after=_snapshot(kind),
    )
    return kind
