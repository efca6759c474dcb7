"""Culture-standard recognition: a unit registers for a year and a title (Cơ quan / Đơn vị / Doanh nghiệp
đạt chuẩn văn hoá), assesses itself against the criteria in force, and is recognised by an outside
authority once it has met them long enough; a recognition can be revoked.

The criteria, the recognising authorities and the year rules are dated tables (``valid_from`` /
``valid_to``) seeded by data migrations and editable by administrators: a past year is judged by the rows
in force on its last day.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core import dated
from congdoan.core.concurrency import Versioned

from .constants import CultureType, RecognitionKind


class Dated(dated.Dated):
    """A culture rule row (``core.dated``), with this app's label for the last day."""

    valid_to = models.DateField(_("áp dụng đến ngày"), null=True, blank=True)

    class Meta:
        abstract = True


class Criterion(Dated):
    """One criterion of a title's set (e.g. the 3 of an agency under HD 58/HD-TLĐ)."""

    culture_type = models.CharField(_("danh hiệu"), max_length=16, choices=CultureType.choices)
    number = models.PositiveSmallIntegerField(_("tiêu chí số"))
    title = models.CharField(_("tên tiêu chí"), max_length=255)
    description = models.TextField(_("nội dung"), blank=True)
    basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    dated_key = ("culture_type", "number")

    class Meta:
        ordering = ["culture_type", "number", "valid_from"]
        verbose_name = _("tiêu chí đạt chuẩn văn hoá")
        verbose_name_plural = _("tiêu chí đạt chuẩn văn hoá")
        constraints = [
            models.UniqueConstraint(
                fields=["culture_type", "number", "valid_from"], name="culture_criterion_once"
            ),
            dated.dates_in_order("culture_criterion_dates_in_order"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Authority(Dated):
    """Who may sign a recognition (the district level was abolished on 01/07/2025: its row ends then)."""

    name = models.CharField(_("cơ quan, người có thẩm quyền"), max_length=255)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    dated_key = ("name",)

    class Meta:
        ordering = ["sort_order", "name", "valid_from"]
        verbose_name = _("thẩm quyền công nhận")
        verbose_name_plural = _("thẩm quyền công nhận")
        constraints = [
            models.UniqueConstraint(fields=["name", "valid_from"], name="culture_authority_once"),
        ]

    def __str__(self):
        return self.name


class Rule(Dated):
    """How many years of meeting every criterion a recognition needs, and how long it lasts."""

    first_years = models.PositiveSmallIntegerField(
        _("số năm liên tục đạt chuẩn để công nhận lần đầu"), default=2
    )
    renewal_years = models.PositiveSmallIntegerField(_("số năm giữa hai lần công nhận"), default=5)
    validity_years = models.PositiveSmallIntegerField(_("thời hạn của quyết định (năm)"), default=5)
    basis = models.CharField(_("căn cứ"), max_length=255, blank=True)
    dated_key = ()

    class Meta:
        ordering = ["valid_from"]
        verbose_name = _("quy định thời gian công nhận")
        verbose_name_plural = _("quy định thời gian công nhận")
        constraints = [models.UniqueConstraint(fields=["valid_from"], name="culture_rule_once")]

    def __str__(self):
        return f"{self.first_years}/{self.renewal_years}/{self.validity_years}"


class Registration(Versioned):
    """A unit's registration for one year and one title, with its self-assessment."""

    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="culture_registrations", verbose_name=_("đơn vị")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    culture_type = models.CharField(_("danh hiệu đăng ký"), max_length=16, choices=CultureType.choices)
    registered_on = models.DateField(_("ngày đăng ký"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "unit__name"]
        verbose_name = _("đăng ký đạt chuẩn văn hoá")
        verbose_name_plural = _("đăng ký đạt chuẩn văn hoá")
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="culture_registration_once")]
        indexes = [models.Index(fields=["year", "unit"], name="culture_reg_year_unit")]

    def __str__(self):
        return f"{self.unit} — {self.get_culture_type_display()} {self.year}"

    def get_absolute_url(self):
        return f"/culture/registrations/{self.pk}/"


class Assessment(models.Model):
    """The unit's own judgement of one criterion for the year."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="assessments")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    met = models.BooleanField(_("đạt"), default=False)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        ordering = ["registration_id", "criterion__number"]
        verbose_name = _("tự đánh giá tiêu chí")
        verbose_name_plural = _("tự đánh giá tiêu chí")
        constraints = [
            models.UniqueConstraint(fields=["registration", "criterion"], name="culture_assessment_once")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.met}"


def evidence_upload_to(instance, filename):
    return f"culture/{instance.registration_id}/{filename}"


class Evidence(models.Model):
    """A file proving a criterion (minutes, photos, the employer's report)."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="evidence")
    criterion = models.ForeignKey(
        Criterion,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("tiêu chí"),
    )
    title = models.CharField(_("tên tài liệu"), max_length=255)
    file = models.FileField(_("tệp"), upload_to=evidence_upload_to)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")

    def __str__(self):
        return self.title


class Recognition(models.Model):
    """The authority's decision recognising the unit for the registration's year; may be revoked."""

    registration = models.OneToOneField(
        Registration, on_delete=models.PROTECT, related_name="recognition", verbose_name=_("đăng ký")
    )
    unit = models.ForeignKey(
        "org.Unit", on_delete=models.PROTECT, related_name="culture_recognitions", verbose_name=_("đơn vị")
    )
    culture_type = models.CharField(_("danh hiệu"), max_length=16, choices=CultureType.choices)
    year = models.PositiveSmallIntegerField(_("năm được công nhận"))
    authority = models.ForeignKey(
        Authority, on_delete=models.PROTECT, related_name="recognitions", verbose_name=_("thẩm quyền")
    )
    number = models.CharField(_("số quyết định"), max_length=64)
    issued_on = models.DateField(_("ngày quyết định"))
    kind = models.CharField(_("hình thức"), max_length=16, choices=RecognitionKind.choices)
    valid_until = models.DateField(_("có giá trị đến ngày"))
    revoked_on = models.DateField(_("ngày thu hồi"), null=True, blank=True)
    revoke_number = models.CharField(_("số quyết định thu hồi"), max_length=64, blank=True)
    revoke_reason = models.CharField(_("lý do thu hồi"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-issued_on", "id"]
        verbose_name = _("quyết định công nhận")
        verbose_name_plural = _("quyết định công nhận")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("issued_on")), name="culture_recognition_dates"
            ),
            models.CheckConstraint(
                condition=Q(revoked_on__isnull=True) | Q(revoke_reason__gt=""),
                name="culture_revocation_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["unit", "issued_on"], name="culture_rec_unit_issued")]

    def __str__(self):
        return f"{self.number} — {self.unit}"

    def in_force_on(self, day) -> bool:
        return self.issued_on <= day <= self.valid_until and (
            self.revoked_on is None or self.revoked_on > day
        )
