"""The member registry: members, their stints in units (the history every count comes from), posts held.

A member's *stints* (``Membership``) say in which unit they were from which day to which day. Counts as
of any date are taken from stints, so they stay true after transfers, merges and dissolutions.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.concurrency import Versioned
from congdoan.core.dates import format_date

from ..constants import (
    ETHNICITIES,
    CardStatus,
    Education,
    Gender,
    MemberStatus,
    PartyStatus,
    StintStart,
    TransferStatus,
)
from .derived import MemberTally, MemberTallyEthnicity, SmallUnionSpan, UnitMemberCount

__all__ = [  # the registry's models here, the derived tables in ``derived``; all importable from here
    "AdmissionBatch",
    "LeaveReason",
    "Member",
    "MemberCodeCounter",
    "MemberTally",
    "MemberTallyEthnicity",
    "Membership",
    "SmallUnionSpan",
    "TransferRequest",
    "UnionPost",
    "UnitMemberCount",
    "cccd_validator",
]

cccd_validator = RegexValidator(r"^\d{12}$", _("Số CCCD phải gồm đúng 12 chữ số."))


class LeaveReason(models.Model):
    """Configurable reasons for leaving (thôi sinh hoạt): retired, changed job, by request, deceased…"""

    code = models.SlugField(_("mã"), max_length=32, unique=True)
    name = models.CharField(_("lý do"), max_length=150)
    is_system = models.BooleanField(_("do hệ thống dùng"), default=False)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("lý do thôi sinh hoạt")
        verbose_name_plural = _("lý do thôi sinh hoạt")

    def __str__(self):
        return self.name


class Member(Versioned):
    # Unique through member_code_unique (Meta), which leaves out the pending members' NULLs.
    code = models.CharField(
        _("mã đoàn viên"),
        max_length=16,
        null=True,
        blank=True,
        help_text=_("Do hệ thống cấp khi cấp trên duyệt kết nạp; không bao giờ dùng lại."),
    )
    full_name = models.CharField(_("họ và tên"), max_length=150)
    # Indexed with the id (Meta): namesakes then come in id order straight from the index.
    name_folded = models.CharField(max_length=150, editable=False)
    gender = models.CharField(_("giới tính"), max_length=1, choices=Gender.choices)
    date_of_birth = models.DateField(_("ngày sinh"))
    ethnicity = models.CharField(_("dân tộc"), max_length=2, choices=ETHNICITIES, default="01")
    # Unique through member_cccd_unique (Meta), which leaves out the NULLs.
    cccd = models.CharField(_("số CCCD"), max_length=12, null=True, blank=True, validators=[cccd_validator])
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True, db_index=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    job = models.CharField(_("nghề nghiệp, công việc"), max_length=150, blank=True)
    education = models.CharField(_("trình độ học vấn"), max_length=20, choices=Education.choices, blank=True)
    hometown = models.CharField(_("quê quán"), max_length=255, blank=True)
    is_informal = models.BooleanField(_("lao động phi kết cấu"), default=False)
    party_status = models.CharField(_("Đảng"), max_length=16, choices=PartyStatus.choices, blank=True)
    party_introduced_on = models.DateField(_("ngày được giới thiệu cho Đảng"), null=True, blank=True)
    party_admitted_on = models.DateField(_("ngày vào Đảng"), null=True, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=MemberStatus.choices, default=MemberStatus.PENDING
    )
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="members",
        db_index=False,  # member_unit_status (unit, status) serves lookups by unit
        verbose_name=_("đơn vị hiện nay"),
        help_text=_("Đơn vị của lần sinh hoạt gần nhất (suy ra từ lịch sử sinh hoạt)."),
    )
    joined_on = models.DateField(_("ngày vào công đoàn"), null=True, blank=True)
    card_status = models.CharField(_("thẻ đoàn viên"), max_length=16, choices=CardStatus.choices, blank=True)
    card_requested_on = models.DateField(_("ngày đề nghị in thẻ"), null=True, blank=True)
    card_printed_on = models.DateField(_("ngày in thẻ"), null=True, blank=True)
    card_handed_on = models.DateField(_("ngày trao thẻ"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_duplicates",
        db_index=False,  # member_merged_into (Meta): only the few merged duplicates are indexed
        verbose_name=_("đã gộp vào"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name_folded", "id"]
        verbose_name = _("đoàn viên")
        verbose_name_plural = _("đoàn viên")
        indexes = [
            models.Index(fields=["unit", "status"], name="member_unit_status"),
            # Covering on PostgreSQL: the search walks it for a province's members (search_page) and tests
            # the unit and the status without reading the rows of other provinces' namesakes.
            models.Index(fields=["name_folded", "id"], name="member_name_cover", include=["unit", "status"]),
            # Serves the SET NULL when a kept member is deleted and "merged into this one" lists.
            models.Index(
                fields=["merged_into"], condition=Q(merged_into__isnull=False), name="member_merged_into"
            ),
        ]
        # Partial unique indexes: the NULLs (members awaiting approval have no code; some have no CCCD) are not
        # stored, so an import of pending members writes nothing into the code index, and the code index
        # is not split in half at every new code (issued codes grow; before, they went just before the
        # NULLs at the end of the index, so each full page split 50/50 instead of leaving the left one full).
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(code__isnull=False),
                name="member_code_unique",
                violation_error_message=_("Mã đoàn viên này đã được dùng."),
            ),
            models.UniqueConstraint(
                fields=["cccd"],
                condition=Q(cccd__isnull=False),
                name="member_cccd_unique",
                violation_error_message=_("Số CCCD này đã được dùng cho một đoàn viên khác."),
            ),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.code or '—'})"


class Membership(models.Model):
    """A stint: ``member`` belonged to ``unit`` from ``valid_from`` to ``valid_to`` (inclusive; NULL = still)."""

    # No single-column indexes on the two keys: stint_member_from (member, valid_from) and stint_unit_from
    # (unit, valid_from) lead with them and serve every lookup (and the cascade / protect checks).
    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="stints", verbose_name=_("đoàn viên"), db_index=False
    )
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="stints", verbose_name=_("đơn vị"), db_index=False
    )
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến hết ngày"), null=True, blank=True)
    start_kind = models.CharField(_("hình thức"), max_length=16, choices=StintStart.choices)
    end_reason = models.ForeignKey(
        LeaveReason, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("lý do kết thúc")
    )
    decision_no = models.CharField(_("số quyết định"), max_length=64, blank=True)
    end_decision_no = models.CharField(_("số quyết định kết thúc"), max_length=64, blank=True)

    class Meta:
        ordering = ["member_id", "valid_from"]
        verbose_name = _("quá trình sinh hoạt")
        verbose_name_plural = _("quá trình sinh hoạt")
        indexes = [
            # Covering on PostgreSQL: counts of a unit's stints on a day are index-only scans.
            models.Index(
                fields=["unit", "valid_from"], name="stint_unit_from", include=["valid_to", "member"]
            ),
            models.Index(fields=["member", "valid_from"], name="stint_member_from"),
            models.Index(fields=["valid_from"], name="stint_from"),
            models.Index(fields=["valid_to"], name="stint_to"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="stint_dates_in_order",
            ),
            models.UniqueConstraint(
                fields=["member"], condition=Q(valid_to__isnull=True), name="stint_one_open"
            ),
        ]

    def __str__(self):
        return f"{self.member} @ {self.unit} ({format_date(self.valid_from)}–{format_date(self.valid_to) or '…'})"


class UnionPost(models.Model):
    """A union post a member held (CĐCS chair, BCH member…): the service history behind medals."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="posts", verbose_name=_("đoàn viên")
    )
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    title = models.CharField(_("chức vụ"), max_length=150)
    valid_from = models.DateField(_("từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    is_full_time = models.BooleanField(_("chuyên trách"), default=False)
    is_non_state = models.BooleanField(_("tại CĐCS ngoài nhà nước"), default=False)
    is_union_staff = models.BooleanField(_("cán bộ đơn vị sự nghiệp, doanh nghiệp công đoàn"), default=False)

    class Meta:
        ordering = ["member_id", "valid_from"]
        verbose_name = _("chức vụ công đoàn")
        verbose_name_plural = _("chức vụ công đoàn")

    def __str__(self):
        return f"{self.title} — {self.member}"


class AdmissionBatch(models.Model):
    """A list of new admissions a grassroots union sends to the level above for approval."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang lập")
        SUBMITTED = "submitted", _("Đã gửi cấp trên")
        APPROVED = "approved", _("Đã duyệt")
        RETURNED = "returned", _("Bị trả lại")

    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="admission_batches",
        verbose_name=_("công đoàn cơ sở"),
    )
    status = models.CharField(_("trạng thái"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    decision_no = models.CharField(_("số quyết định kết nạp"), max_length=64, blank=True)
    approval_decision_no = models.CharField(_("số quyết định duyệt"), max_length=64, blank=True)
    admitted_on = models.DateField(_("ngày kết nạp"))
    members = models.ManyToManyField(Member, related_name="admission_batches", blank=True)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("danh sách đề nghị kết nạp")
        verbose_name_plural = _("danh sách đề nghị kết nạp")

    def __str__(self):
        return f"{self.unit} — {format_date(self.admitted_on)}"


class MemberCodeCounter(models.Model):
    """The last member code number issued. One row, locked while codes are issued, so codes never repeat."""

    name = models.CharField(max_length=32, unique=True, default="member")
    last_value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("bộ đếm mã đoàn viên")
        verbose_name_plural = _("bộ đếm mã đoàn viên")

    def __str__(self):
        return f"{self.name}: {self.last_value}"


class TransferRequest(models.Model):
    """A transfer to a unit outside the sender's subtree: the receiving side accepts or refuses it."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="transfer_requests", verbose_name=_("đoàn viên")
    )
    from_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị chuyển đi")
    )
    to_unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="incoming_transfers",
        verbose_name=_("đơn vị chuyển đến"),
    )
    effective_on = models.DateField(_("ngày chuyển"))
    decision_no = models.CharField(_("số quyết định"), max_length=64)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=TransferStatus.choices, default=TransferStatus.PENDING
    )
    refuse_reason = models.TextField(_("lý do từ chối"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("đề nghị chuyển sinh hoạt")
        verbose_name_plural = _("đề nghị chuyển sinh hoạt")
        constraints = [
            models.UniqueConstraint(
                fields=["member"], condition=Q(status="pending"), name="transfer_one_pending_per_member"
            )
        ]

    def __str__(self):
        return f"{self.member} → {self.to_unit} ({format_date(self.effective_on)})"
