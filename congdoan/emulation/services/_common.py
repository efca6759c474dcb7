import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from congdoan.core.dates import format_date

from ..models import AwardKind
from ..selectors import award_kind_version, award_kind_versions


def require(condition: bool, message: str, field: str | None = None) -> None:
    if not condition:
        raise ValidationError({field: message} if field else message)


def within(unit, ancestor) -> bool:
    """Is ``unit`` ``ancestor`` itself or below it (latest structure)?"""
    return unit.path.startswith(ancestor.path)


def validity_message(kind: AwardKind, day: dt.date) -> str:
    """Why no version of ``kind`` applies on ``day``: not yet, no longer, or a gap between versions."""
    versions = list(award_kind_versions(code=kind.code))
    values = {"k": kind.name, "d": format_date(day)}
    if versions and day < versions[0].valid_from:
        return _("“%(k)s” chưa áp dụng vào ngày %(d)s (áp dụng từ ngày %(f)s).") % {
            **values,
            "f": format_date(versions[0].valid_from),
        }
    if versions and versions[-1].valid_to is not None and versions[-1].valid_to < day:
        return _("“%(k)s” không còn áp dụng vào ngày %(d)s (chỉ áp dụng đến hết ngày %(t)s).") % {
            **values,
            "t": format_date(versions[-1].valid_to),
        }
    return _("“%(k)s” không có phiên bản nào của danh mục áp dụng vào ngày %(d)s.") % values


def kind_in_force(kind: AwardKind, day: dt.date, *, field: str, prefix: str = "") -> AwardKind:
    """The version of ``kind`` in force on ``day`` (the rules then), or a refusal saying why there is none."""
    version = award_kind_version(code=kind.code, on=day)
    if version is None:
        raise ValidationError({field: prefix + validity_message(kind, day)})
    return version
