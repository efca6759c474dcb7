"""Welfare (chăm lo): programmes, their fund sources, payments to beneficiaries, union houses, registrations.

Money is integer VND. A payment is split across fund sources by ``PaymentSplit`` rows that sum exactly to
its amount. An approved payment never changes: a correction is a reversing payment (negative amount,
``reverses`` pointing at the original), so every total is simply the sum of approved payments.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.concurrency import Versioned
from congdoan.core.dates import today
from congdoan.members.models import cccd_validator

from .constants import (
    FundKind,
    HouseStage,
    HouseWork,
    PaymentForm,
    PaymentStatus,
    ProgrammeKind,
    ProgrammeStatus,
    RegistrationSource,
    RegistrationStatus,
)
from .social_models import Donor, Gift

__all__ = [
    "Donor",
    "FundSource",
    "Gift",
    "HouseCase",
    "Payment",
    "PaymentSplit",
    "PaymentTally",
    "Programme",
    "Registration",
]


class Programme(Versioned):
    owner = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="welfare_programmes",
        verbose_name=_("đơn vị tổ chức"),
        help_text=_("Cán bộ của đơn vị này (hoặc cấp trên) duyệt chi."),
    )
    kind = models.CharField(_("loại chương trình"), max_length=32, choices=ProgrammeKind.choices)
    name = models.CharField(_("tên chương trình"), max_length=255)
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))
    whole_subtree = models.BooleanField(
        _("toàn bộ đơn vị trực thuộc tham gia"),
        default=True,
        help_text=_("Bỏ chọn để chỉ định từng đơn vị tham gia."),
    )
    units = models.ManyToManyField(
        "org.Unit", blank=True, related_name="welfare_participations", verbose_name=_("đơn vị tham gia")
    )
    eligibility = models.TextField(_("đối tượng, tiêu chí"), blank=True)
    standard_amount = models.BigIntegerField(_("mức hỗ trợ (đồng)"), default=0)
    per_member_limit = models.BigIntegerField(
        _("mức tối đa mỗi người (đồng)"),
        null=True,
        blank=True,
        help_text=_("Tổng số tiền một người được nhận trong chương trình; để trống nếu không giới hạn."),
    )
    allows_non_members = models.BooleanField(_("hỗ trợ cả người lao động chưa là đoàn viên"), default=False)
    online_registration = models.BooleanField(_("nhận đăng ký trực tuyến"), default=False)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=ProgrammeStatus.choices, default=ProgrammeStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start", "name"]
        verbose_name = _("chương trình chăm lo")
        verbose_name_plural = _("chương trình chăm lo")
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="programme_dates_in_order"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/welfare/programmes/{self.pk}/"


class FundSource(models.Model):
    """Where a programme's money comes from: union money of one level, or one donor (xã hội hoá)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="funds", verbose_name=_("chương trình")
    )
    kind = models.CharField(_("nguồn"), max_length=24, choices=FundKind.choices)
    donor_name = models.CharField(_("nhà tài trợ"), max_length=255, blank=True)
    budget = models.BigIntegerField(_("dự toán (đồng)"), default=0)

    class Meta:
        ordering = ["programme_id", "kind", "donor_name"]
        verbose_name = _("nguồn kinh phí")
        verbose_name_plural = _("nguồn kinh phí")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "kind", "donor_name"], name="fund_unique_per_programme"
            ),
            models.CheckConstraint(
                condition=Q(kind=FundKind.DONATION, donor_name__gt="") | (~Q(kind=FundKind.DONATION)),
                name="fund_donation_has_donor",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.donor_name}" if self.donor_name else self.get_kind_display()


class Payment(models.Model):
    """Support given to one person (a member, or a non-member worker when the programme allows)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="payments", verbose_name=_("chương trình")
    )
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="welfare_payments", verbose_name=_("đơn vị")
    )
    member = models.ForeignKey(
        "members.Member",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="welfare_payments",
        verbose_name=_("đoàn viên"),
    )
    worker_name = models.CharField(_("họ tên người lao động"), max_length=150, blank=True)
    worker_cccd = models.CharField(_("số CCCD"), max_length=12, blank=True, validators=[cccd_validator])
    amount = models.BigIntegerField(_("số tiền (đồng)"))
    paid_on = models.DateField(_("ngày chi"))
    form = models.CharField(
        _("hình thức"), max_length=16, choices=PaymentForm.choices, default=PaymentForm.CASH
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=PaymentStatus.choices, default=PaymentStatus.DRAFT
    )
    reverses = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversed_by",
        verbose_name=_("điều chỉnh cho khoản"),
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    repeat_reason = models.CharField(
        _("lý do chi thêm"),
        max_length=255,
        blank=True,
        help_text=_("Khi người này đã có trong danh sách của chương trình: vì sao chi thêm lần nữa."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["programme_id", "unit_id", "id"]
        verbose_name = _("khoản chi hỗ trợ")
        verbose_name_plural = _("khoản chi hỗ trợ")
        indexes = [
            models.Index(fields=["status", "paid_on"], name="payment_status_paid"),
            models.Index(fields=["member", "status"], name="payment_member_status"),
            models.Index(fields=["programme", "status"], name="payment_programme_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(member__isnull=False) | Q(worker_name__gt=""), name="payment_has_beneficiary"
            ),
        ]

    def __str__(self):
        return f"{self.beneficiary_name} — {self.amount}"

    @property
    def beneficiary_name(self) -> str:
        return self.member.full_name if self.member_id else self.worker_name

    @property
    def beneficiary_code(self) -> str:
        return (self.member.code or "") if self.member_id else ""


class PaymentSplit(models.Model):
    """The part of a payment paid from one fund source; a payment's splits sum exactly to its amount."""

    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="splits")
    fund = models.ForeignKey(
        FundSource, on_delete=models.PROTECT, related_name="splits", verbose_name=_("nguồn")
    )
    amount = models.BigIntegerField(_("số tiền (đồng)"))

    class Meta:
        ordering = ["payment_id", "fund_id"]
        verbose_name = _("phần chi theo nguồn")
        verbose_name_plural = _("phần chi theo nguồn")
        constraints = [models.UniqueConstraint(fields=["payment", "fund"], name="split_one_per_fund")]

    def __str__(self):
        return f"{self.fund}: {self.amount}"


class HouseCase(models.Model):
    """A Mái ấm Công đoàn file: one household's house built or repaired with union support."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="houses", verbose_name=_("chương trình")
    )
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    member = models.ForeignKey(
        "members.Member",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đoàn viên"),
    )
    household_name = models.CharField(_("chủ hộ"), max_length=150)
    situation = models.TextField(_("hoàn cảnh gia đình"))
    work = models.CharField(_("hình thức"), max_length=8, choices=HouseWork.choices, default=HouseWork.NEW)
    approved_amount = models.BigIntegerField(_("số tiền hỗ trợ được duyệt (đồng)"))
    stage = models.CharField(
        _("tiến độ"), max_length=16, choices=HouseStage.choices, default=HouseStage.APPROVED
    )
    approved_on = models.DateField(_("ngày duyệt"))
    building_from = models.DateField(_("ngày khởi công"), null=True, blank=True)
    handed_over_on = models.DateField(_("ngày bàn giao"), null=True, blank=True)

    class Meta:
        ordering = ["-approved_on", "id"]
        verbose_name = _("hồ sơ Mái ấm Công đoàn")
        verbose_name_plural = _("hồ sơ Mái ấm Công đoàn")

    def __str__(self):
        return self.household_name


class Registration(models.Model):
    """A member's online application to a programme (e.g. a voucher of the online Tết market)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("chương trình")
    )
    member = models.ForeignKey(
        "members.Member", on_delete=models.CASCADE, related_name="+", verbose_name=_("đoàn viên")
    )
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=RegistrationStatus.choices, default=RegistrationStatus.PENDING
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    registered_on = models.DateField(
        _("ngày đăng ký"), default=today, help_text=_("Ngày đoàn viên đăng ký: kỳ mà đăng ký được tính.")
    )
    source = models.CharField(
        _("nguồn"), max_length=16, choices=RegistrationSource.choices, default=RegistrationSource.WEB
    )
    phone = models.CharField(_("số điện thoại"), max_length=15, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("đăng ký trực tuyến")
        verbose_name_plural = _("đăng ký trực tuyến")
        constraints = [models.UniqueConstraint(fields=["programme", "member"], name="registration_once")]

    def __str__(self):
        return f"{self.member} → {self.programme}"


class PaymentTally(models.Model):
    """Approved money per (paying unit, calendar month, fund source), reversals included.

    A stored roll-up of ``PaymentSplit`` so that figures for a province over whole months read a few
    thousand cells instead of every split: ``amount`` is always the sum of the approved splits of that
    unit, month and fund. Kept up to date by ``payments_approve`` and ``payment_reverse`` (the only ways a
    payment becomes approved); ``payment_tally_rebuild`` recounts it from the splits. Keyed by the unit's
    id, not its path, so moving a unit in the tree needs no recount.
    """

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    month = models.DateField(help_text="First day of the month.")
    fund = models.ForeignKey(FundSource, on_delete=models.CASCADE, related_name="+")
    amount = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("tổng hợp chi theo tháng")
        verbose_name_plural = _("tổng hợp chi theo tháng")
        constraints = [
            models.UniqueConstraint(fields=["unit", "month", "fund"], name="tally_one_per_cell"),
        ]
        indexes = [
            models.Index(fields=["month"], name="tally_month", include=["unit", "fund", "amount"]),
        ]

    def __str__(self):
        return f"{self.unit_id} {self.month:%m/%Y} {self.fund_id}: {self.amount}"
