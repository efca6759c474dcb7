"""Movements and the yearly emulation registrations sent to the upper union."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .catalogue import AwardKind


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
