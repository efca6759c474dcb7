"""Council sessions, nominations with their files, numbered decisions and the awards they grant."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from congdoan.core.dates import format_date

from ..constants import Issuer, NominationStatus
from .catalogue import AwardKind
from .pledges import PledgeResult
from .uploads import nomination_upload_to


class CouncilSession(models.Model):
    """A meeting of a granting unit's emulation and commendation council (Hội đồng TĐKT)."""

    granting_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị")
    )
    year = models.PositiveSmallIntegerField(_("năm xét"))
    held_on = models.DateField(_("ngày họp"))
    members_total = models.PositiveSmallIntegerField(_("số thành viên Hội đồng"))
    members_present = models.PositiveSmallIntegerField(_("số thành viên có mặt"))
    chair = models.CharField(_("chủ tịch Hội đồng"), max_length=150, blank=True)

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("phiên họp Hội đồng TĐKT")
        verbose_name_plural = _("phiên họp Hội đồng TĐKT")

    def __str__(self):
        return f"{self.granting_unit} {format_date(self.held_on)}"

    @property
    def has_quorum(self) -> bool:
        return self.members_present * 2 > self.members_total


class Decision(models.Model):
    """A numbered award decision: issued by a granting unit through the nominations workflow, recorded
    afterwards (a past year's decision), or received from a body outside the union (``issuer``), in which
    case ``issuing_unit`` is the union unit that received and recorded it.

    ``year`` is the year the awards are for ("năm 2023"), which may differ from the signing date's year.
    """

    issuing_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị ban hành / tiếp nhận")
    )
    issuer = models.CharField(_("cấp ban hành"), max_length=16, choices=Issuer.choices, default=Issuer.UNION)
    issuer_name = models.CharField(
        _("cơ quan ban hành"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Ủy ban nhân dân tỉnh Lào Cai (để trống nếu do công đoàn ban hành)."),
    )
    number = models.CharField(_("số quyết định"), max_length=64)
    issued_on = models.DateField(_("ngày ký"))
    signer_name = models.CharField(_("người ký"), max_length=150, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=150, blank=True)
    year = models.PositiveSmallIntegerField(_("năm khen thưởng"))
    subject = models.CharField(_("trích yếu"), max_length=255)
    is_historical = models.BooleanField(
        _("ghi nhận lịch sử"),
        default=False,
        help_text=_("Ghi nhận quyết định của năm trước khi không có phiên bản danh mục nào áp dụng."),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        constraints = [
            models.UniqueConstraint(fields=["issuing_unit", "number"], name="decision_unit_number")
        ]

    def __str__(self):
        return self.number

    @property
    def is_received(self) -> bool:
        return self.issuer != Issuer.UNION

    @property
    def issuer_label(self) -> str:
        """Who signed it, as shown in lists: the outside body's name, else the union unit's."""
        return self.issuer_name or self.issuing_unit.name


class Nomination(models.Model):
    """A nomination file (hồ sơ đề nghị) for a collective or an individual."""

    proposing_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị đề nghị")
    )
    granting_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("cấp khen thưởng")
    )
    award_kind = models.ForeignKey(AwardKind, on_delete=models.PROTECT, verbose_name=_("hình thức"))
    year = models.PositiveSmallIntegerField(_("năm"))
    nominee_unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("tập thể / đơn vị của cá nhân"),
    )
    member = models.ForeignKey(
        "members.Member",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
        verbose_name=_("cá nhân"),
    )
    achievements = models.TextField(_("thành tích"))
    cluster_result = models.ForeignKey(
        PledgeResult,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("kết quả suy tôn của cụm, khối"),
    )
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=NominationStatus.choices, default=NominationStatus.DRAFT
    )
    submitted_on = models.DateField(_("ngày trình"), null=True, blank=True)
    council = models.ForeignKey(
        CouncilSession, null=True, blank=True, on_delete=models.PROTECT, related_name="nominations"
    )
    votes_for = models.PositiveSmallIntegerField(_("tán thành"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("không tán thành"), null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(_("không biểu quyết"), null=True, blank=True)
    council_reason = models.TextField(_("ý kiến, lý do của Hội đồng"), blank=True)
    decision = models.ForeignKey(
        Decision, null=True, blank=True, on_delete=models.PROTECT, related_name="nominations"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "-id"]
        verbose_name = _("hồ sơ đề nghị khen thưởng")
        verbose_name_plural = _("hồ sơ đề nghị khen thưởng")
        indexes = [models.Index(fields=["granting_unit", "year", "status"], name="nomination_grant_year")]

    def __str__(self):
        return f"{self.award_kind} — {self.nominee_name}"

    @property
    def nominee_name(self) -> str:
        return self.member.full_name if self.member_id else self.nominee_unit.name


class NominationDocument(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("tên tài liệu"), max_length=255)
    file = models.FileField(_("tệp"), upload_to=nomination_upload_to)
    size = models.PositiveIntegerField(default=0)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]
        verbose_name = _("tài liệu kèm hồ sơ")
        verbose_name_plural = _("tài liệu kèm hồ sơ")

    def __str__(self):
        return self.title


class Award(models.Model):
    """An award granted by a decision: the award history of members and units."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="awards")
    award_kind = models.ForeignKey(AwardKind, on_delete=models.PROTECT, verbose_name=_("hình thức"))
    nomination = models.OneToOneField(
        Nomination, null=True, blank=True, on_delete=models.SET_NULL, related_name="award"
    )
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="emulation_awards",
        verbose_name=_("tập thể / đơn vị của cá nhân"),
    )
    member = models.ForeignKey(
        "members.Member",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
        verbose_name=_("cá nhân"),
    )
    year = models.PositiveSmallIntegerField(_("năm khen thưởng"))

    class Meta:
        ordering = ["-decision__issued_on", "id"]
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")

    def __str__(self):
        return f"{self.award_kind} — {self.recipient_name}"

    @property
    def recipient_name(self) -> str:
        return self.member.full_name if self.member_id else self.unit.name
