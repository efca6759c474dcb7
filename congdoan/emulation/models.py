"""Emulation and commendation: movements, registrations, pledges and scoring, the award catalogue,
nominations, council votes, numbered decisions and the awards they grant.

Every row hangs off a unit, so access goes through the one ``Scope`` (a unit path prefix).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.dates import format_date

from .constants import (
    DisciplineForm,
    EligibilityRule,
    GrantingLevel,
    Issuer,
    NominationStatus,
    PledgeStatus,
    Recipient,
)


class Movement(models.Model):
    """A movement (phong trào thi đua) run by a unit over a period."""

    owner = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="movements", verbose_name=_("đơn vị phát động")
    )
    name = models.CharField(_("tên phong trào"), max_length=255)
    year = models.PositiveSmallIntegerField(_("năm"))
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    criteria = models.TextField(_("mục tiêu, tiêu chí"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="movement_dates")
        ]

    def __str__(self):
        return f"{self.name} ({self.year})"


class AwardKind(models.Model):
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
    valid_from = models.DateField(_("áp dụng từ ngày"))
    valid_to = models.DateField(_("áp dụng đến ngày"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name", "valid_from"]
        verbose_name = _("hình thức khen thưởng")
        verbose_name_plural = _("danh mục khen thưởng")
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="awardkind_code_from"),
        ]

    def __str__(self):
        return self.name

    def valid_on(self, day) -> bool:
        return self.valid_from <= day and (self.valid_to is None or self.valid_to >= day)


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


class RegistrationDeadline(models.Model):
    """The registration deadline an upper union sets for a year (default 25 January)."""

    owner = models.ForeignKey(
        "org.Unit", on_delete=models.CASCADE, related_name="+", verbose_name=_("đơn vị")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    deadline = models.DateField(_("hạn đăng ký"))

    class Meta:
        verbose_name = _("hạn đăng ký thi đua")
        verbose_name_plural = _("hạn đăng ký thi đua")
        constraints = [models.UniqueConstraint(fields=["owner", "year"], name="regdeadline_owner_year")]

    def __str__(self):
        return f"{self.owner_id} {self.year}: {self.deadline}"


class Registration(models.Model):
    """A unit's emulation registration for a year, sent to its upper union."""

    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="emulation_registrations", verbose_name=_("đơn vị")
    )
    upper_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("công đoàn cấp trên")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    movement = models.ForeignKey(
        Movement, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("phong trào")
    )
    registered_on = models.DateField(_("ngày đăng ký"))
    is_late = models.BooleanField(_("đăng ký muộn"), default=False)
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-year", "unit__name"]
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="registration_unit_year")]

    def __str__(self):
        return f"{self.unit} {self.year}"


class RegistrationEntry(models.Model):
    """One registered title: for the unit itself (member empty) or for one of its members."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="entries")
    award_kind = models.ForeignKey(AwardKind, on_delete=models.PROTECT, verbose_name=_("danh hiệu"))
    member = models.ForeignKey(
        "members.Member", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("danh hiệu đăng ký")
        verbose_name_plural = _("danh hiệu đăng ký")
        constraints = [
            models.UniqueConstraint(fields=["registration", "award_kind", "member"], name="regentry_unique"),
        ]

    def __str__(self):
        return str(self.award_kind)


class Pledge(models.Model):
    """A cluster's yearly emulation pledge (giao ước thi đua) with its scoring sheet."""

    cluster = models.OneToOneField(
        "org.Cluster", on_delete=models.PROTECT, related_name="pledge", verbose_name=_("cụm, khối")
    )
    content = models.TextField(_("nội dung giao ước"))
    head_unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("cụm trưởng, khối trưởng")
    )
    signed_on = models.DateField(_("ngày ký"), null=True, blank=True)
    signed_at_place = models.CharField(_("địa điểm ký"), max_length=150, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=PledgeStatus.choices, default=PledgeStatus.DRAFT
    )
    ranked_on = models.DateField(_("ngày xếp hạng"), null=True, blank=True)

    class Meta:
        verbose_name = _("giao ước thi đua")
        verbose_name_plural = _("giao ước thi đua")

    def __str__(self):
        return str(self.cluster)


class PledgeCriterion(models.Model):
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    name = models.CharField(_("tiêu chí"), max_length=255)
    max_points = models.PositiveSmallIntegerField(_("điểm tối đa"))

    class Meta:
        ordering = ["pledge_id", "order"]
        verbose_name = _("tiêu chí chấm điểm")
        verbose_name_plural = _("tiêu chí chấm điểm")
        constraints = [models.UniqueConstraint(fields=["pledge", "order"], name="criterion_order")]

    def __str__(self):
        return self.name


class PledgeSignatory(models.Model):
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="signatories")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    signer_name = models.CharField(_("người ký"), max_length=150)
    signer_title = models.CharField(_("chức vụ"), max_length=150, blank=True)

    class Meta:
        ordering = ["unit__name"]
        verbose_name = _("đơn vị ký giao ước")
        verbose_name_plural = _("đơn vị ký giao ước")
        constraints = [models.UniqueConstraint(fields=["pledge", "unit"], name="signatory_unique")]

    def __str__(self):
        return self.signer_name


class PledgeScore(models.Model):
    """A member unit's points on one criterion: its own, and the head's reviewed figure."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="scores")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    criterion = models.ForeignKey(PledgeCriterion, on_delete=models.CASCADE, related_name="scores")
    self_points = models.DecimalField(_("điểm tự chấm"), max_digits=5, decimal_places=1)
    reviewed_points = models.DecimalField(
        _("điểm cụm trưởng thẩm định"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    review_note = models.CharField(_("ghi chú thẩm định"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("điểm chấm")
        verbose_name_plural = _("điểm chấm")
        constraints = [models.UniqueConstraint(fields=["unit", "criterion"], name="score_unit_criterion")]

    def __str__(self):
        return f"{self.unit_id}/{self.criterion_id}: {self.final_points}"

    @property
    def final_points(self):
        return self.self_points if self.reviewed_points is None else self.reviewed_points


class PledgeResult(models.Model):
    """The cluster's ranking of one member (written when the head ranks)."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="results")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    total = models.DecimalField(_("tổng điểm"), max_digits=6, decimal_places=1)
    rank = models.PositiveSmallIntegerField(_("thứ hạng"))
    tie_note = models.CharField(_("cách phân định khi bằng điểm"), max_length=255, blank=True)

    class Meta:
        ordering = ["pledge_id", "rank"]
        verbose_name = _("kết quả xếp hạng")
        verbose_name_plural = _("kết quả xếp hạng")
        constraints = [models.UniqueConstraint(fields=["pledge", "unit"], name="result_unique")]

    def __str__(self):
        return f"{self.rank}. {self.unit_id}"


class Discipline(models.Model):
    """A discipline or administrative fine against a member: blocks awards, and its time does not count."""

    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="disciplines")
    form = models.CharField(_("hình thức"), max_length=12, choices=DisciplineForm.choices)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến hết ngày"), null=True, blank=True)
    decision_no = models.CharField(_("số quyết định"), max_length=64, blank=True)

    class Meta:
        ordering = ["member_id", "starts_on"]
        verbose_name = _("kỷ luật")
        verbose_name_plural = _("kỷ luật")

    def __str__(self):
        return self.get_form_display()


class WorkAbsence(models.Model):
    """Days a member was off work in a year; maternity leave does not count against awards."""

    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="absences")
    year = models.PositiveSmallIntegerField(_("năm"))
    days = models.PositiveSmallIntegerField(_("số ngày nghỉ"))
    is_maternity = models.BooleanField(_("nghỉ thai sản"), default=False)

    class Meta:
        verbose_name = _("ngày nghỉ việc")
        verbose_name_plural = _("ngày nghỉ việc")

    def __str__(self):
        return f"{self.year}: {self.days}"


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


def nomination_upload_to(instance, filename):
    return f"emulation/nominations/{instance.nomination_id}/{filename}"


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
