"""The award catalogue (effective-dated) and the award quotas, edited in the app.

Award kinds are national: administrators of the national root edit them. A quota belongs to its granting
unit: that unit's administrators (or those above) set it; a quota for every unit of the level (no granting
unit) is national. A change to a kind from a given day ends the current entry the day before and starts a new
one with the same code, so nominations and decisions made earlier keep the entry they were made under.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.audit.services import event_record
from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.org.catalogue_access import require_national_admin, require_unit_admin

from ..models import AwardKind, AwardQuota

KIND_FIELDS = (
    "code",
    "name",
    "is_title",
    "granting_level",
    "recipient",
    "requires_registration",
    "rule",
    "once_per_person",
    "is_medal",
    "valid_from",
    "valid_to",
    "sort_order",
)
ONE_DAY = dt.timedelta(days=1)


def _kind_snapshot(kind: AwardKind) -> dict:
    return {
        name: (value.isoformat() if isinstance(value, dt.date) else value)
        for name in KIND_FIELDS
        for value in [getattr(kind, name)]
    }


def _check_dates(kind: AwardKind) -> None:
    if kind.valid_to is not None and kind.valid_to < kind.valid_from:
        raise ValidationError({"valid_to": _("Ngày hết áp dụng phải từ ngày bắt đầu áp dụng trở đi.")})
    other = kind.dated_overlap()
    if other is not None:
        raise ValidationError(
            {
                "valid_from": _(
                    "Mã “%(c)s” đã có mục áp dụng từ %(f)s đến %(t)s; thời gian áp dụng không được chồng lên nhau."
                )
                % {
                    "c": kind.code,
                    "f": format_date(other.valid_from),
                    "t": format_date(other.valid_to) or "…",
                }
            }
        )


@transaction.atomic
def award_kind_save(
    *, scope: Scope, kind: AwardKind | None = None, new_version_from: dt.date | None = None, **fields
) -> AwardKind:
    """Create or change an entry of the award catalogue.

    With ``new_version_from`` the current entry ends the day before and a new entry with the changes starts
    that day (the effective-dated way to change a rule without rewriting the past).
    """
    require_national_admin(scope)
    if kind is not None and kind.pk:
        kind = AwardKind.objects.select_for_update().get(pk=kind.pk)
        before = _kind_snapshot(kind)
    else:
        kind, before = AwardKind(), None
    if new_version_from is not None and before is not None:
        if new_version_from <= kind.valid_from:
            raise ValidationError(
                {
                    "new_version_from": _(
                        "Ngày áp dụng thay đổi phải sau ngày bắt đầu của mục hiện tại (%(d)s)."
                    )
                    % {"d": format_date(kind.valid_from)}
                }
            )
        if kind.valid_to is not None and new_version_from > kind.valid_to:
            raise ValidationError(
                {
                    "new_version_from": _(
                        "Mục này đã hết áp dụng từ sau ngày %(d)s; hãy thêm mục mới cùng mã."
                    )
                    % {"d": format_date(kind.valid_to)}
                }
            )
        old = kind
        kind = AwardKind(**{name: getattr(old, name) for name in KIND_FIELDS})
        old.valid_to = new_version_from - ONE_DAY
        old.save(update_fields=["valid_to"])
        fields = {**fields, "code": old.code, "valid_from": new_version_from}
    for name, value in fields.items():
        setattr(kind, name, value)
    _check_dates(kind)
    kind.full_clean()
    kind.save()
    event_record(
        actor=scope.actor,
        action="emulation.award_kind_save",
        summary=(
            _("Áp dụng thay đổi “%(n)s” từ %(d)s") % {"n": kind.name, "d": format_date(new_version_from)}
            if new_version_from and before
            else _("Cập nhật danh mục khen thưởng “%(n)s”") % {"n": kind.name}
        ),
        obj=kind,
        before=before,
        after=_kind_snapshot(kind),
    )
    return kind


def _quota_snapshot(quota: AwardQuota) -> dict:
    return {
        "award_kind": quota.award_kind.code,
        "granting_unit": quota.granting_unit.code if quota.granting_unit_id else None,
        "year": quota.year,
        "max_count": quota.max_count,
        "max_percent_of_registered": quota.max_percent_of_registered,
    }


@transaction.atomic
def quota_save(
    *,
    scope: Scope,
    quota: AwardQuota | None = None,
    award_kind: AwardKind,
    granting_unit,
    year: int,
    max_count: int | None,
    max_percent_of_registered: int | None,
) -> AwardQuota:
    """Set how many of an award a unit (or every unit of the level) may give in a year."""
    if quota is not None and quota.pk:
        quota = (
            AwardQuota.objects.select_for_update(of=("self",))
            .select_related("award_kind", "granting_unit")
            .get(pk=quota.pk)
        )
        require_unit_admin(scope, quota.granting_unit)  # the current owner, then the new one
        before = _quota_snapshot(quota)
    else:
        quota, before = AwardQuota(), None
    require_unit_admin(scope, granting_unit)
    if max_count is None and max_percent_of_registered is None:
        raise ValidationError({"max_count": _("Nhập số lượng tối đa hoặc tỷ lệ tối đa.")})
    if max_percent_of_registered is not None and max_percent_of_registered > 100:
        raise ValidationError({"max_percent_of_registered": _("Tỷ lệ tối đa không quá 100%.")})
    twin = AwardQuota.objects.filter(award_kind__code=award_kind.code, granting_unit=granting_unit, year=year)
    if twin.exclude(pk=quota.pk).exists():
        raise ValidationError(
            {"award_kind": _("Đã có chỉ tiêu của hình thức này cho đơn vị và năm đã chọn.")}
        )
    quota.award_kind, quota.granting_unit, quota.year = award_kind, granting_unit, year
    quota.max_count, quota.max_percent_of_registered = max_count, max_percent_of_registered
    quota.full_clean()
    quota.save()
    event_record(
        actor=scope.actor,
        action="emulation.quota_save",
        summary=_("Chỉ tiêu khen thưởng “%(k)s” năm %(y)s") % {"k": award_kind.name, "y": year},
        unit=granting_unit,
        obj=quota,
        before=before,
        after=_quota_snapshot(quota),
    )
    return quota
