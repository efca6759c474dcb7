"""Social work for people who are not members (công tác xã hội): donors mobilised and gifts they fund.

Kept apart from ``Payment`` (support to members and workers): a gift goes to a household, a school, a
policy family or a community, in cash or in kind (with its estimated value), and is counted beside
member welfare but never added to it. Imported by ``welfare.models`` so that Django sees the models.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .constants import DonorKind, GiftForm, GiftRecipient


class Donor(models.Model):
    """A business, person or organisation a union mobilised (nhà hảo tâm, nhà tài trợ)."""

    owner = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị vận động")
    )
    name = models.CharField(_("tên nhà tài trợ"), max_length=255)
    name_folded = models.CharField(max_length=255, editable=False, db_index=True)
    kind = models.CharField(_("loại nhà tài trợ"), max_length=16, choices=DonorKind.choices)
    contact = models.CharField(_("địa chỉ, liên hệ"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("nhà tài trợ")
        verbose_name_plural = _("nhà tài trợ")
        constraints = [models.UniqueConstraint(fields=["owner", "name_folded"], name="donor_once_per_unit")]

    def __str__(self):
        return self.name


class Gift(models.Model):
    """One gift to people who are not members: who gave, who received, in what form, worth how much."""

    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đơn vị trao tặng"),
        help_text=_("Đơn vị công đoàn vận động và trao; cấp của đơn vị là cấp chi."),
    )
    donor = models.ForeignKey(
        Donor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gifts",
        verbose_name=_("nhà tài trợ"),
        help_text=_("Để trống khi công đoàn tự chi."),
    )
    programme = models.ForeignKey(
        "welfare.Programme",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gifts",
        verbose_name=_("chương trình"),
    )
    recipient_kind = models.CharField(_("đối tượng nhận"), max_length=16, choices=GiftRecipient.choices)
    recipient_name = models.CharField(_("người, nơi nhận"), max_length=255)
    form = models.CharField(_("hình thức"), max_length=8, choices=GiftForm.choices, default=GiftForm.CASH)
    value = models.BigIntegerField(_("giá trị (đồng)"), help_text=_("Hiện vật: giá trị ước tính."))
    given_on = models.DateField(_("ngày trao"))
    description = models.CharField(_("nội dung"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-given_on", "-id"]
        verbose_name = _("quà tặng công tác xã hội")
        verbose_name_plural = _("quà tặng công tác xã hội")
        indexes = [models.Index(fields=["given_on"], name="gift_given_on")]
        constraints = [models.CheckConstraint(condition=Q(value__gt=0), name="gift_value_positive")]

    def __str__(self):
        return f"{self.recipient_name} — {self.value}"
