"""The dated rule tables: a row holds from ``valid_from`` to ``valid_to`` (inclusive; empty = still)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from congdoan.core import dated

from ..constants import DuesGroup, NormBound, PayBase, SplitKind


class Dated(dated.Dated):
    """A rule row (``core.dated``) with the text it comes from."""

    basis = models.CharField(_("căn cứ"), max_length=255, blank=True, help_text=_("Văn bản quy định."))

    class Meta:
        abstract = True
        ordering = ["valid_from"]


_in_order = dated.dates_in_order


class BaseSalary(Dated):
    """Lương cơ sở (the state base salary)."""

    amount = models.BigIntegerField(_("lương cơ sở (đồng)"))
    dated_key = ()

    class Meta(Dated.Meta):
        verbose_name = _("lương cơ sở")
        verbose_name_plural = _("lương cơ sở")
        constraints = [_in_order("base_salary_dates_in_order")]

    def __str__(self):
        return f"{self.amount} ({self.valid_from})"


class DuesRate(Dated):
    """Dues of one member group: a percentage of a pay base, capped at a share of the base salary."""

    group = models.CharField(_("nhóm"), max_length=2, choices=DuesGroup.choices)
    dated_key = ("group",)
    rate = models.DecimalField(_("tỷ lệ (%)"), max_digits=6, decimal_places=3)
    pay_base = models.CharField(_("căn cứ đóng"), max_length=16, choices=PayBase.choices)
    cap_percent_of_base = models.DecimalField(
        _("mức trần (% lương cơ sở)"),
        max_digits=6,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("Để trống: không giới hạn."),
    )

    class Meta(Dated.Meta):
        verbose_name = _("mức đóng đoàn phí")
        verbose_name_plural = _("mức đóng đoàn phí")
        constraints = [_in_order("dues_rate_dates_in_order")]

    def __str__(self):
        return f"{self.group}: {self.rate} % ({self.valid_from})"


class FundRate(Dated):
    """Kinh phí công đoàn: a percentage of the salary fund on which social insurance is paid."""

    rate = models.DecimalField(_("tỷ lệ (%)"), max_digits=6, decimal_places=3)

    class Meta(Dated.Meta):
        verbose_name = _("mức đóng kinh phí công đoàn")
        verbose_name_plural = _("mức đóng kinh phí công đoàn")
        constraints = [_in_order("fund_rate_dates_in_order")]

    def __str__(self):
        return f"{self.rate} % ({self.valid_from})"


class Split(Dated):
    """The share the grassroots union keeps; the rest is owed to the level directly above."""

    kind = models.CharField(_("khoản"), max_length=8, choices=SplitKind.choices)
    grassroots_percent = models.DecimalField(_("công đoàn cơ sở giữ lại (%)"), max_digits=6, decimal_places=3)
    dated_key = ("kind",)

    class Meta(Dated.Meta):
        verbose_name = _("tỷ lệ phân phối")
        verbose_name_plural = _("tỷ lệ phân phối")
        constraints = [_in_order("split_dates_in_order")]

    def __str__(self):
        return f"{self.kind}: {self.grassroots_percent} % ({self.valid_from})"


class SpendingNorm(Dated):
    """A spending share inside the grassroots union (of the year's spending on ``lines``): warned, not refused."""

    name = models.CharField(_("nội dung"), max_length=120)
    lines = models.CharField(_("các dòng chi"), max_length=120, help_text=_("Mã dòng, cách nhau dấu phẩy."))
    bound = models.CharField(_("giới hạn"), max_length=4, choices=NormBound.choices)
    percent = models.DecimalField(_("tỷ lệ (%)"), max_digits=6, decimal_places=3)
    dated_key = ("name",)

    class Meta(Dated.Meta):
        verbose_name = _("định mức chi")
        verbose_name_plural = _("định mức chi")
        constraints = [_in_order("norm_dates_in_order")]

    def __str__(self):
        return self.name
