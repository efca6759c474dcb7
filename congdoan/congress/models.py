"""Congresses and terms (đại hội, nhiệm kỳ).

A unit's ``Term`` (nhiệm kỳ, start–end year) is opened either by a ``Congress`` it holds or by the upper level
appointing its committees (a founded or merged unit). The ``Body`` rows of a term (executive committee, standing
committee, inspection committee) hold the ``Seat`` of each person, linked to the member registry when they are
members; each linked seat keeps the member's ``UnionPost`` in step. An upper level's ``CongressPlan`` (a round,
e.g. 2023–2028) sets a deadline per kind of unit below it. The caps (executive committee and delegate counts
by kind and member count, the delegate-congress threshold, the standing committee's share) are dated tables.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.concurrency import Versioned
from congdoan.core.dated import Dated
from congdoan.core.dates import today

from .constants import BodyKind, CapKind, CongressForm, PlanState, SeatRole, TermOrigin


class CongressRule(Dated):
    """The rules of one period (Kế hoạch 22/KH-TLĐ 2025 today): when a delegate congress may be held, and the
    standing committee's bounds."""

    delegate_threshold = models.PositiveIntegerField(
        _("số đoàn viên từ đó tổ chức đại hội đại biểu"), default=200
    )
    standing_min_executive = models.PositiveSmallIntegerField(
        _("Ban Chấp hành tối thiểu để bầu Ban Thường vụ"), default=9
    )
    standing_max_divisor = models.PositiveSmallIntegerField(
        _("Ban Thường vụ không quá 1/… Ban Chấp hành"), default=3
    )
    source = models.CharField(_("căn cứ"), max_length=255)
    dated_key = ()

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("quy định đại hội")
        verbose_name_plural = _("quy định đại hội")

    def __str__(self):
        return self.source


class SizeCap(Dated):
    """A cap on the executive committee or on the delegates, for a kind of unit within a band of members
    (``min_members`` ≤ n < ``max_members``), or for one unit by code (Hà Nội, TP Hồ Chí Minh)."""

    what = models.CharField(_("giới hạn"), max_length=16, choices=CapKind.choices)
    unit_kind = models.ForeignKey(
        "org.UnitKind",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("loại"),
    )
    unit_code = models.CharField(
        _("mã đơn vị riêng"), max_length=64, blank=True, help_text=_("Để trống: áp dụng theo loại đơn vị.")
    )
    min_members = models.PositiveIntegerField(_("từ số đoàn viên"), default=0)
    max_members = models.PositiveIntegerField(_("dưới số đoàn viên"), null=True, blank=True)
    cap = models.PositiveSmallIntegerField(_("tối đa"))
    source = models.CharField(_("căn cứ"), max_length=255)
    dated_key = ("what", "unit_kind", "unit_code", "min_members")

    class Meta:
        ordering = ["what", "unit_kind_id", "unit_code", "min_members"]
        verbose_name = _("giới hạn số lượng")
        verbose_name_plural = _("giới hạn số lượng")
        constraints = [
            models.CheckConstraint(
                condition=Q(unit_kind__isnull=False) | Q(unit_code__gt=""), name="sizecap_kind_or_unit"
            ),
        ]

    def __str__(self):
        return f"{self.get_what_display()}: {self.cap}"


class CongressPlan(Versioned):
    """An upper level's congress round (e.g. 2023–2028): which kinds of unit below must hold it, by when."""

    owner = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="congress_plans", verbose_name=_("đơn vị chỉ đạo")
    )
    name = models.CharField(_("tên kế hoạch"), max_length=255)
    document_no = models.CharField(_("số kế hoạch"), max_length=64, blank=True)
    term_start = models.PositiveSmallIntegerField(_("nhiệm kỳ từ năm"))
    term_end = models.PositiveSmallIntegerField(_("đến năm"))
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-term_start", "owner_id"]
        verbose_name = _("kế hoạch đại hội")
        verbose_name_plural = _("kế hoạch đại hội")
        constraints = [
            models.UniqueConstraint(fields=["owner", "term_start"], name="congressplan_one_per_term"),
            models.CheckConstraint(condition=Q(term_end__gt=models.F("term_start")), name="plan_term_order"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/congress/plans/{self.pk}/"


class PlanDeadline(models.Model):
    plan = models.ForeignKey(CongressPlan, on_delete=models.CASCADE, related_name="deadlines")
    unit_kind = models.ForeignKey("org.UnitKind", on_delete=models.PROTECT, related_name="+")
    deadline = models.DateField(_("hạn tổ chức xong"))

    class Meta:
        ordering = ["plan_id", "deadline", "unit_kind_id"]
        constraints = [models.UniqueConstraint(fields=["plan", "unit_kind"], name="deadline_one_per_kind")]

    def __str__(self):
        return f"{self.unit_kind}: {self.deadline}"


class Term(Versioned):
    """A unit's term (nhiệm kỳ): opened by its congress, or by the upper level's appointment."""

    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="terms", verbose_name=_("đơn vị")
    )
    start_year = models.PositiveSmallIntegerField(_("nhiệm kỳ từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    origin = models.CharField(_("hình thành"), max_length=16, choices=TermOrigin.choices)
    # The upper level's decision recognising (or appointing) the committees.
    decision_no = models.CharField(_("số quyết định công nhận/chỉ định"), max_length=64, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=150, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=150, blank=True)
    took_office = models.DateField(_("ngày bắt đầu nhiệm kỳ"), null=True, blank=True)

    class Meta:
        ordering = ["unit_id", "-start_year"]
        verbose_name = _("nhiệm kỳ")
        verbose_name_plural = _("nhiệm kỳ")
        constraints = [
            models.UniqueConstraint(fields=["unit", "start_year"], name="term_one_per_start"),
            models.CheckConstraint(condition=Q(end_year__gt=models.F("start_year")), name="term_years_order"),
        ]

    def __str__(self):
        return f"{self.unit} — {self.start_year}–{self.end_year}"

    @property
    def label(self) -> str:
        return f"{self.start_year}–{self.end_year}"

    def get_absolute_url(self):
        return f"/congress/terms/{self.pk}/"


class Congress(Versioned):
    """A unit's congress (đại hội lần thứ X) opening a term; planned, then held."""

    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="congresses", verbose_name=_("đơn vị")
    )
    term = models.OneToOneField(Term, on_delete=models.PROTECT, related_name="congress")
    plan = models.ForeignKey(
        CongressPlan, null=True, blank=True, on_delete=models.SET_NULL, related_name="congresses"
    )
    ordinal = models.PositiveSmallIntegerField(_("đại hội lần thứ"))
    form = models.CharField(_("hình thức"), max_length=16, choices=CongressForm.choices)
    consent_no = models.CharField(
        _("văn bản đồng ý của cấp trên"),
        max_length=64,
        blank=True,
        help_text=_("Bắt buộc khi tổ chức hội nghị thay đại hội."),
    )
    planned_on = models.DateField(_("ngày dự kiến"), null=True, blank=True)
    deadline = models.DateField(_("hạn theo kế hoạch cấp trên"), null=True, blank=True)
    held_on = models.DateField(_("ngày tổ chức"), null=True, blank=True)
    members_count = models.PositiveIntegerField(_("số đoàn viên khi đại hội"), null=True, blank=True)
    delegates = models.PositiveIntegerField(_("số đại biểu chính thức"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["unit_id", "-ordinal"]
        verbose_name = _("đại hội")
        verbose_name_plural = _("đại hội")
        constraints = [models.UniqueConstraint(fields=["unit", "ordinal"], name="congress_one_per_ordinal")]
        indexes = [models.Index(fields=["plan", "held_on"], name="congress_plan_held")]

    def __str__(self):
        return f"Đại hội {self.unit} lần thứ {self.ordinal}"

    @property
    def is_held(self) -> bool:
        return self.held_on is not None

    def state_on(self, day) -> str:
        """Where the congress stands on ``day`` against its deadline (a ``PlanState``)."""
        if self.held_on is not None:
            return (
                PlanState.HELD if not self.deadline or self.held_on <= self.deadline else PlanState.HELD_LATE
            )
        return PlanState.LATE if self.deadline and self.deadline < day else PlanState.PENDING

    @property
    def state_label(self) -> str:
        return PlanState(self.state_on(today())).label

    def get_absolute_url(self):
        return f"/congress/{self.pk}/"


class Body(models.Model):
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="bodies")
    kind = models.CharField(_("cơ quan"), max_length=16, choices=BodyKind.choices)

    class Meta:
        ordering = ["term_id", "kind"]
        verbose_name = _("cơ quan lãnh đạo")
        verbose_name_plural = _("cơ quan lãnh đạo")
        constraints = [models.UniqueConstraint(fields=["term", "kind"], name="body_one_per_kind")]

    def __str__(self):
        return self.get_kind_display()


class Seat(models.Model):
    """One person in a body: a member of the registry (their union post follows) or a free name."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="seats")
    member = models.ForeignKey(
        "members.Member",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đoàn viên"),
    )
    full_name = models.CharField(_("họ và tên"), max_length=150)
    role = models.CharField(_("chức danh"), max_length=16, choices=SeatRole.choices, default=SeatRole.MEMBER)
    rank = models.PositiveSmallIntegerField(default=2, editable=False)  # chair, vice-chairs, members
    is_full_time = models.BooleanField(_("chuyên trách"), default=False)
    post = models.ForeignKey(
        "members.UnionPost", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["body_id", "rank", "id"]
        verbose_name = _("thành viên")
        verbose_name_plural = _("thành viên")

    def __str__(self):
        return f"{self.get_role_display()}: {self.full_name}"
