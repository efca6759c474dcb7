"""Dated tables: one idiom for a row that holds from ``valid_from`` to ``valid_to`` (both inclusive; an empty
``valid_to`` = still in force).

The rule tables (congress caps, culture criteria and authorities, dues rates and splits, the award and
indicator catalogues) inherit ``Dated``: the two fields, a queryset with ``in_force(day)`` /
``in_force_during(start, end)`` / ``latest_in_force(day)``, ``in_force_on(day)`` on a row, and the check
that two rows of the same thing (``dated_key``: the fields naming it, e.g. ``("group",)`` for a dues rate)
do not hold on the same day. ``in_force_q(day, prefix)`` is the same filter for a join.

A model whose labels differ keeps them by redeclaring the field (same name and type): the migration state
does not change.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congdoan.core.dates import format_date


def in_force_q(day: dt.date, prefix: str = "") -> Q:
    """Rows in force on ``day`` (``prefix``: the path to the dated row, e.g. ``"indicator__"``)."""
    return Q(**{f"{prefix}valid_from__lte": day}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": day})
    )


def in_force_during_q(start: dt.date, end: dt.date | None, prefix: str = "") -> Q:
    """Rows in force on at least one day of ``start..end`` (``end`` None: open-ended)."""
    q = Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": start})
    if end is not None:
        q &= Q(**{f"{prefix}valid_from__lte": end})
    return q


def dates_in_order(name: str) -> models.CheckConstraint:
    """The database check that a row does not end before it starts."""
    return models.CheckConstraint(
        condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")), name=name
    )


class DatedQuerySet(models.QuerySet):
    def in_force(self, day: dt.date) -> DatedQuerySet:
        return self.filter(in_force_q(day))

    def in_force_during(self, start: dt.date, end: dt.date | None) -> DatedQuerySet:
        return self.filter(in_force_during_q(start, end))

    def latest_in_force(self, day: dt.date):
        """The row in force on ``day`` that started last (None when none holds)."""
        return self.in_force(day).order_by("-valid_from").first()


class Dated(models.Model):
    valid_from = models.DateField(gettext_lazy("áp dụng từ ngày"))
    valid_to = models.DateField(gettext_lazy("đến hết ngày"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    #: The fields naming "the same thing": two rows with equal values here may not hold on one day.
    #: ``()``: one row at a time for the whole table; ``None``: rows may overlap (no check).
    dated_key: ClassVar[tuple[str, ...] | None] = ()

    class Meta:
        abstract = True

    def in_force_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or self.valid_to >= day)

    def dated_overlap(self):
        """Another row of the same thing holding on a day of this row's period (None when none does)."""
        if self.dated_key is None or self.valid_from is None:
            return None
        same = {name: getattr(self, name) for name in self.dated_key}
        others = type(self)._default_manager.filter(**same).exclude(pk=self.pk)
        return others.filter(in_force_during_q(self.valid_from, self.valid_to)).order_by("valid_from").first()

    def clean(self):
        super().clean()
        dated_validate(self)


def dated_validate(row: Dated) -> None:
    """Refuse a row that ends before it starts or overlaps another row of the same thing (in Vietnamese)."""
    if row.valid_from and row.valid_to and row.valid_to < row.valid_from:
        raise ValidationError({"valid_to": _("Ngày hết áp dụng phải từ ngày bắt đầu áp dụng trở đi.")})
    other = row.dated_overlap()
    if other is not None:
        raise ValidationError(
            {
                "valid_from": _(
                    "Đã có “%(o)s” áp dụng từ %(f)s đến %(t)s; thời gian áp dụng không được chồng lên nhau."
                )
                % {"o": other, "f": format_date(other.valid_from), "t": format_date(other.valid_to) or "…"}
            }
        )
