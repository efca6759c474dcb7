"""A past year's summary figures of one unit, for modules whose detail no longer exists (số liệu tổng hợp).

Each figure is the total of the unit's whole subtree for that year as reported then; a figure at a unit
stands for everything below it (a total over a larger unit takes the highest summaries, never adding a
unit's summary to its parent's).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.concurrency import Versioned

from .constants import SummaryItem


class YearSummary(Versioned):
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    year = models.PositiveSmallIntegerField(_("năm"))
    note = models.CharField(_("nguồn số liệu, ghi chú"), max_length=255, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "unit__path"]
        verbose_name = _("số liệu tổng hợp năm")
        verbose_name_plural = _("số liệu tổng hợp năm")
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="summary_once_per_unit_year")]

    def __str__(self):
        return f"{self.unit} {self.year}"

    def get_absolute_url(self):
        return f"/history/{self.unit_id}/{self.year}/"


class SummaryFigure(models.Model):
    summary = models.ForeignKey(YearSummary, on_delete=models.CASCADE, related_name="figures")
    item = models.CharField(_("chỉ tiêu"), max_length=32, choices=SummaryItem.choices)
    value = models.BigIntegerField(_("giá trị"))

    class Meta:
        ordering = ["summary_id", "item"]
        verbose_name = _("số liệu tổng hợp")
        verbose_name_plural = _("số liệu tổng hợp")
        constraints = [
            models.UniqueConstraint(fields=["summary", "item"], name="summary_item_once"),
            models.CheckConstraint(condition=Q(value__gte=0), name="summary_value_not_negative"),
        ]

    def __str__(self):
        return f"{self.item}: {self.value}"
