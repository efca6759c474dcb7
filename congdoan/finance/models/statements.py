"""Budgets (dự toán, B14-TLĐ) and settlements (quyết toán, B07-TLĐ), approved by the level above."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from congdoan.core.concurrency import Versioned

from ..constants import Line, StatementKind, StatementStatus


class Statement(Versioned):
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="finance_statements", verbose_name=_("đơn vị")
    )
    kind = models.CharField(_("loại"), max_length=16, choices=StatementKind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=StatementStatus.choices, default=StatementStatus.DRAFT
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-year", "unit_id", "kind"]
        verbose_name = _("dự toán, quyết toán")
        verbose_name_plural = _("dự toán, quyết toán")
        constraints = [
            models.UniqueConstraint(fields=["unit", "kind", "year"], name="statement_one_per_year")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.year} — {self.unit}"

    def get_absolute_url(self):
        return f"/finance/statements/{self.pk}/"


class StatementLine(models.Model):
    """A line: last year's result | this year's figure (budget or settlement) | approved by the level above."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="lines")
    line = models.CharField(_("khoản mục"), max_length=8, choices=Line.choices)
    last_year = models.BigIntegerField(_("năm trước (đồng)"), default=0)
    amount = models.BigIntegerField(_("năm nay (đồng)"), default=0)
    approved = models.BigIntegerField(_("cấp trên duyệt (đồng)"), null=True, blank=True)

    class Meta:
        ordering = ["statement_id", "line"]
        constraints = [models.UniqueConstraint(fields=["statement", "line"], name="statement_line_unique")]

    def __str__(self):
        return f"{self.line}: {self.amount}"
