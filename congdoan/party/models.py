"""Party introductions (giới thiệu đoàn viên ưu tú cho Đảng): one row per introduction of a member.

A grassroots union's executive committee resolves to introduce a member (resolution number and date) to a
Party cell (chi bộ), which names one or more Party members to mentor them. The introduction then moves
introduced → in training → admitted (the Party committee's decision number and date), or ends as not
admitted / withdrawn. The member record keeps the latest introduction's dates (``Member.party_*``), which
the statistics ledger counts; ``congdoan.members.services.party_dates`` keeps them in step.

Political data: only officers and administrators of the unit see these rows (selectors filter on
``Action.ACT``); every read of a member's record of it is audited.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.concurrency import Versioned

from .constants import OPEN_STATES, IntroStatus


class Introduction(Versioned):
    member = models.ForeignKey(
        "members.Member",
        on_delete=models.PROTECT,
        related_name="party_introductions",
        verbose_name=_("đoàn viên"),
    )
    unit = models.ForeignKey(
        "org.Unit",
        on_delete=models.PROTECT,
        related_name="party_introductions",
        verbose_name=_("công đoàn cơ sở giới thiệu"),
    )
    resolution_no = models.CharField(_("số nghị quyết giới thiệu"), max_length=64)
    introduced_on = models.DateField(_("ngày giới thiệu"))
    party_cell = models.CharField(_("chi bộ"), max_length=255)
    mentors = models.CharField(
        _("đảng viên giúp đỡ"), max_length=255, help_text=_("Họ tên, cách nhau bằng dấu phẩy.")
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=IntroStatus.choices, default=IntroStatus.INTRODUCED
    )
    training_from = models.DateField(_("bồi dưỡng từ ngày"), null=True, blank=True)
    decision_no = models.CharField(_("số quyết định kết nạp"), max_length=64, blank=True)
    admitted_on = models.DateField(_("ngày kết nạp vào Đảng"), null=True, blank=True)
    closed_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-introduced_on", "-id"]
        verbose_name = _("giới thiệu đoàn viên cho Đảng")
        verbose_name_plural = _("giới thiệu đoàn viên cho Đảng")
        indexes = [models.Index(fields=["unit", "introduced_on"], name="party_intro_unit_day")]
        constraints = [
            models.UniqueConstraint(
                fields=["member"], condition=Q(status__in=OPEN_STATES), name="party_one_open_introduction"
            ),
            models.CheckConstraint(
                condition=Q(admitted_on__isnull=True) | Q(admitted_on__gte=models.F("introduced_on")),
                name="party_admitted_after_introduced",
            ),
        ]

    def __str__(self):
        return f"{self.member.full_name} — {self.get_status_display()}"

    def get_absolute_url(self):
        return f"/party/introductions/{self.pk}/"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES

    @property
    def ended_on(self):
        return self.admitted_on or self.closed_on
