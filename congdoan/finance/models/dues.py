"""A grassroots union's dues: its group and exemption, the monthly roll and its lines."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from congdoan.core.concurrency import Versioned

from ..constants import DuesGroup, MonthStatus


class UnitDuesProfile(Versioned):
    """How a grassroots union collects dues: its group, a higher rate decided by its executive committee,
    and the day it became paid wholly by the state budget (no dues nor fund from then)."""

    unit = models.OneToOneField(
        "org.Unit", on_delete=models.PROTECT, related_name="dues_profile", verbose_name=_("đơn vị")
    )
    group = models.CharField(_("nhóm đóng đoàn phí"), max_length=2, choices=DuesGroup.choices)
    state_budget_from = models.DateField(
        _("hưởng lương 100 % ngân sách từ ngày"),
        null=True,
        blank=True,
        help_text=_("Từ ngày này đơn vị không thu đoàn phí, không đóng kinh phí công đoàn."),
    )
    own_rate = models.DecimalField(
        _("mức đoàn phí riêng (%)"),
        max_digits=6,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("Cao hơn mức chung, theo nghị quyết Ban Chấp hành; để trống nếu theo mức chung."),
    )
    own_rate_uncapped = models.BooleanField(_("thu theo lương thực tế, không áp mức trần"), default=False)
    own_rate_from = models.DateField(_("mức riêng áp dụng từ ngày"), null=True, blank=True)
    own_rate_decision = models.CharField(_("số, ngày nghị quyết Ban Chấp hành"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("thông tin đóng đoàn phí")
        verbose_name_plural = _("thông tin đóng đoàn phí")

    def __str__(self):
        return f"{self.unit} — {self.get_group_display()}"


class DuesMonth(Versioned):
    """The dues roll of one grassroots union for one month; posted to the ledger, then immutable."""

    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="dues_months", verbose_name=_("đơn vị")
    )
    month = models.DateField(_("tháng"), help_text=_("Ngày đầu tháng."))
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=MonthStatus.choices, default=MonthStatus.DRAFT
    )
    posted_at = models.DateTimeField(_("ghi sổ lúc"), null=True, blank=True)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reversals = models.PositiveSmallIntegerField(_("số lần điều chỉnh"), default=0)

    class Meta:
        ordering = ["unit_id", "-month"]
        verbose_name = _("bảng thu đoàn phí tháng")
        verbose_name_plural = _("bảng thu đoàn phí tháng")
        constraints = [models.UniqueConstraint(fields=["unit", "month"], name="dues_month_unique")]

    def __str__(self):
        return f"{self.unit} — {self.month:%m/%Y}"

    def get_absolute_url(self):
        return f"/finance/dues/{self.pk}/"

    @property
    def is_posted(self) -> bool:
        return self.status == MonthStatus.POSTED


class DuesLine(models.Model):
    """One member on a month's roll: the pay the dues are reckoned on, the dues and what was paid."""

    roll = models.ForeignKey(DuesMonth, on_delete=models.CASCADE, related_name="lines")
    member = models.ForeignKey(
        "members.Member", on_delete=models.PROTECT, related_name="+", verbose_name=_("đoàn viên")
    )
    pay = models.BigIntegerField(_("tiền lương làm căn cứ (đồng)"), default=0)
    due = models.BigIntegerField(_("đoàn phí phải đóng (đồng)"), default=0)
    paid = models.BigIntegerField(_("đã đóng (đồng)"), default=0)

    class Meta:
        ordering = ["roll_id", "id"]
        verbose_name = _("dòng thu đoàn phí")
        verbose_name_plural = _("dòng thu đoàn phí")
        constraints = [models.UniqueConstraint(fields=["roll", "member"], name="dues_line_one_per_member")]

    def __str__(self):
        return f"{self.member_id}: {self.due}"
