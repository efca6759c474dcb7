"""The employers' union fund (kinh phí công đoàn, 2 %): the employer, its months and relief decisions."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from congdoan.core.concurrency import Versioned
from congdoan.core.dated import Dated, dates_in_order

from ..constants import ReliefKind


class Employer(Versioned):
    """The enterprise or agency behind a grassroots union, which owes 2 % of its insured salary fund."""

    unit = models.OneToOneField(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="employer_record",
        verbose_name=_("công đoàn cơ sở"),
    )
    name = models.CharField(_("tên cơ quan, doanh nghiệp"), max_length=255)
    tax_code = models.CharField(_("mã số thuế"), max_length=14, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("đơn vị sử dụng lao động")
        verbose_name_plural = _("đơn vị sử dụng lao động")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/finance/employers/{self.pk}/"


class EmployerMonth(models.Model):
    """One month of the employer: the insured salary fund, the fund due on it and what was paid."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="months")
    month = models.DateField(_("tháng"))
    salary_fund = models.BigIntegerField(_("quỹ tiền lương đóng BHXH (đồng)"))
    due = models.BigIntegerField(_("kinh phí phải đóng (đồng)"))
    paid = models.BigIntegerField(_("đã đóng (đồng)"), default=0)
    deferred_to = models.DateField(_("hạn đóng bù"), null=True, blank=True)

    class Meta:
        ordering = ["employer_id", "-month"]
        verbose_name = _("kinh phí công đoàn tháng")
        verbose_name_plural = _("kinh phí công đoàn tháng")
        constraints = [models.UniqueConstraint(fields=["employer", "month"], name="employer_month_unique")]

    def __str__(self):
        return f"{self.employer_id} {self.month:%m/%Y}"

    @property
    def arrears(self) -> int:
        return self.due - self.paid


class Relief(Dated):
    """Exemption, reduction or suspension (≤ 12 months, back-payment by the end of the following month)."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="reliefs")
    kind = models.CharField(_("hình thức"), max_length=16, choices=ReliefKind.choices)
    valid_from = models.DateField(_("từ ngày"))
    reduction_percent = models.DecimalField(
        _("mức giảm (%)"), max_digits=6, decimal_places=3, null=True, blank=True
    )
    back_payment_due = models.DateField(_("hạn đóng bù"), null=True, blank=True)
    decision = models.CharField(_("số, ngày quyết định"), max_length=120)
    dated_key = None  # decisions may overlap: a month takes the one that started last

    class Meta:
        ordering = ["employer_id", "-valid_from"]
        verbose_name = _("quyết định miễn, giảm, tạm dừng")
        verbose_name_plural = _("quyết định miễn, giảm, tạm dừng")
        constraints = [dates_in_order("relief_dates_in_order")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.decision}"
