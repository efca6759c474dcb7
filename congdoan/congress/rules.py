"""Reads of the dated rule tables: which rule and which cap apply to a unit on a day."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.core.money import format_number

from .models import CongressRule, SizeCap


def rule_on(day: dt.date) -> CongressRule:
    """The congress rules in force on ``day`` (a clear refusal when none is)."""
    rule = CongressRule.objects.latest_in_force(day)
    if rule is None:
        raise ValidationError(
            _("Chưa có quy định về đại hội áp dụng ngày %(d)s (quản trị viên khai báo trong danh mục).")
            % {"d": format_date(day)}
        )
    return rule


def cap_for(what: str, *, unit, members: int, day: dt.date) -> SizeCap | None:
    """The cap of ``what`` for ``unit`` with ``members`` members on ``day``: a row for the unit itself
    (by code) first, else the row of its kind whose band holds the member count; None when none applies."""
    rows = SizeCap.objects.in_force(day).filter(what=what)
    own = rows.filter(unit_code__iexact=unit.code).order_by("-valid_from").first()
    if own is not None:
        return own
    return (
        rows.filter(unit_kind_id=unit.kind_id, unit_code="", min_members__lte=members)
        .filter(Q(max_members__isnull=True) | Q(max_members__gt=members))
        .order_by("-valid_from", "-min_members")
        .first()
    )


def band_text(cap: SizeCap) -> str:
    """“từ 50 đến dưới 150 đoàn viên” — the band a cap applies to, for refusals."""
    if cap.unit_code:
        return _("riêng đơn vị %(c)s") % {"c": cap.unit_code}
    low, high = format_number(cap.min_members), cap.max_members
    if high is None:
        return _("từ %(a)s đoàn viên trở lên") % {"a": low}
    high_text = format_number(high)
    if not cap.min_members:
        return _("dưới %(b)s đoàn viên") % {"b": high_text}
    return _("từ %(a)s đến dưới %(b)s đoàn viên") % {"a": low, "b": high_text}
