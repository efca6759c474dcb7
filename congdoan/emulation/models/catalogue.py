"""The award catalogue (effective-dated entries) and the yearly quotas of each award."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from congdoan.core.dated import Dated

from ..constants import EligibilityRule, GrantingLevel, Recipient


class AwardKind(Dated):
    """One entry of the award catalogue, effective-dated: a title or form of reward and who grants it."""

    code = models.SlugField(_("mã"), max_length=48)
    name = models.CharField(_("tên danh hiệu, hình thức khen thưởng"), max_length=255)
    is_title = models.BooleanField(_("là danh hiệu thi đua"), default=False)
    granting_level = models.CharField(_("cấp khen thưởng"), max_length=20, choices=GrantingLevel.choices)
    recipient = models.CharField(_("đối tượng"), max_length=12, choices=Recipient.choices)
    requires_registration = models.BooleanField(_("phải đăng ký thi đua"), default=False)
    rule = models.CharField(
        _("điều kiện xét"), max_length=12, choices=EligibilityRule.choices, default=EligibilityRule.GENERAL
    )
    once_per_person = models.BooleanField(_("chỉ tặng một lần"), default=False)
    is_medal = models.BooleanField(_("là kỷ niệm chương"), default=False)
    valid_to = models.DateField(_("áp dụng đến ngày"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)
    dated_key = ("code",)

    class Meta:
        ordering = ["sort_order", "name", "valid_from"]
        verbose_name = _("hình thức khen thưởng")
        verbose_name_plural = _("danh mục khen thưởng")
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="awardkind_code_from"),
        ]

    def __str__(self):
        return self.name


class AwardQuota(models.Model):
    """How many of an award a granting unit (or every unit of the level) may give in a year."""

    award_kind = models.ForeignKey(
        AwardKind, on_delete=models.CASCADE, related_name="quotas", verbose_name=_("hình thức")
    )
    granting_unit = models.ForeignKey(
        "org.Unit",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("đơn vị khen thưởng"),
        help_text=_("Để trống: áp dụng cho mọi đơn vị cùng cấp."),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    max_count = models.PositiveIntegerField(_("số lượng tối đa"), null=True, blank=True)
    max_percent_of_registered = models.PositiveSmallIntegerField(
        _("tỷ lệ tối đa trên số tập thể đăng ký (%)"), null=True, blank=True
    )

    class Meta:
        ordering = ["-year", "award_kind"]
        verbose_name = _("chỉ tiêu khen thưởng")
        verbose_name_plural = _("chỉ tiêu khen thưởng")

    def __str__(self):
        return f"{self.award_kind} {self.year}"
