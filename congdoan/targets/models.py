"""Aggregate reporting (the DHIS2 pattern made for unions): indicators, forms, targets, reports, roll-ups.

A report's values snapshot the indicator's definition (name, unit of measure, aggregation, direction)
so an old report keeps the meaning it had when it was filed, whatever the catalogue says today.
``Rollup`` stores, per (unit, indicator, period), the aggregate of the approved values below the unit
in the current structure; approving or reopening a report updates only its ancestors' rows.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from congdoan.core.dated import Dated
from congdoan.org.models import Unit

from .constants import Aggregation, Direction, PeriodType, ReportStatus, RuleOperator, Source, UnitOfMeasure

VALUE = {"max_digits": 18, "decimal_places": 2}


class Indicator(Dated):
    code = models.SlugField(_("mã chỉ tiêu"), max_length=64, unique=True)
    name = models.CharField(_("tên chỉ tiêu"), max_length=255)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=16, choices=UnitOfMeasure.choices)
    aggregation = models.CharField(
        _("cách tổng hợp"), max_length=16, choices=Aggregation.choices, default=Aggregation.SUM
    )
    direction = models.CharField(
        _("chiều đánh giá"), max_length=16, choices=Direction.choices, default=Direction.HIGHER
    )
    source = models.CharField(
        _("nguồn số liệu"), max_length=16, choices=Source.choices, default=Source.MANUAL
    )
    computed_code = models.CharField(
        _("mã chỉ tiêu tính tự động"),
        max_length=64,
        blank=True,
        help_text=_("Mã trong danh mục chỉ tiêu tự tính."),
    )
    decimal_places = models.PositiveSmallIntegerField(_("số chữ số thập phân"), default=0)
    min_value = models.DecimalField(_("giá trị nhỏ nhất"), null=True, blank=True, **VALUE)
    max_value = models.DecimalField(_("giá trị lớn nhất"), null=True, blank=True, **VALUE)
    required = models.BooleanField(_("bắt buộc nhập"), default=False)
    valid_to = models.DateField(_("áp dụng đến hết ngày"), null=True, blank=True)
    dated_key = None  # the code is unique: a new version of an indicator is a new code
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self):
        return self.name


class ReportForm(models.Model):
    code = models.SlugField(_("mã mẫu báo cáo"), max_length=64, unique=True)
    name = models.CharField(_("tên mẫu báo cáo"), max_length=255)
    period_type = models.CharField(_("kỳ báo cáo"), max_length=1, choices=PeriodType.choices)
    deadline_days = models.PositiveSmallIntegerField(
        _("hạn nộp (số ngày sau kỳ)"), default=10, help_text=_("Số ngày sau ngày cuối kỳ báo cáo.")
    )
    indicators = models.ManyToManyField(Indicator, through="FormIndicator", related_name="forms")
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        ordering = ["period_type", "name"]
        verbose_name = _("mẫu báo cáo")
        verbose_name_plural = _("mẫu báo cáo")

    def __str__(self):
        return self.name


class FormIndicator(models.Model):
    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="items")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="form_items")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["form", "indicator"], name="formindicator_unique")]

    def __str__(self):
        return f"{self.form_id}/{self.indicator_id}"


class ValidationRule(models.Model):
    """``left operator right`` between two indicators of a form, e.g. women ≤ members."""

    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="rules")
    left = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="+", verbose_name=_("chỉ tiêu")
    )
    operator = models.CharField(_("phép so sánh"), max_length=2, choices=RuleOperator.choices)
    right = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+", verbose_name=_("so với"))
    message = models.CharField(_("thông báo khi sai"), max_length=255)

    class Meta:
        verbose_name = _("quy tắc kiểm tra")
        verbose_name_plural = _("quy tắc kiểm tra")

    def __str__(self):
        return self.message


class TargetAssignment(models.Model):
    """The yearly target ``value`` of ``indicator`` given to ``unit`` by its parent ``assigned_by``."""

    assigned_by = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="targets_given")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("năm"))
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="targets")
    value = models.DecimalField(_("chỉ tiêu giao"), **VALUE)
    decision_no = models.CharField(_("số quyết định"), max_length=64)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["year", "unit_id", "indicator__sort_order"]
        verbose_name = _("chỉ tiêu được giao")
        verbose_name_plural = _("chỉ tiêu được giao")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "indicator"], name="target_unique_unit_year_indicator"
            )
        ]

    def __str__(self):
        return f"{self.unit_id} {self.year} {self.indicator_id}: {self.value}"


class Report(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="reports", verbose_name=_("đơn vị"))
    form = models.ForeignKey(ReportForm, on_delete=models.PROTECT, related_name="reports")
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("ngày gửi"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(_("ngày duyệt"), null=True, blank=True)
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-period_start", "unit__path"]
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "form", "period_start"], name="report_unique_unit_form_period"
            )
        ]
        indexes = [models.Index(fields=["form", "period_start", "status"], name="report_form_period_status")]

    def __str__(self):
        return (
            f"{self.form.name} · {self.unit.name} · {self.period_start:%d/%m/%Y}–{self.period_end:%d/%m/%Y}"
        )

    def get_absolute_url(self):
        return f"/targets/reports/{self.pk}/"

    @property
    def is_locked(self) -> bool:
        return self.status == ReportStatus.APPROVED

    @property
    def is_editable(self) -> bool:
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)


class ReportValue(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    value = models.DecimalField(_("giá trị"), null=True, blank=True, **VALUE)
    comment = models.CharField(_("ghi chú"), max_length=500, blank=True)
    is_computed = models.BooleanField(_("tính tự động"), default=False)
    order = models.PositiveSmallIntegerField(default=0)
    # The indicator's definition when the report was opened (old reports keep their definitions).
    name = models.CharField(max_length=255)
    unit_of_measure = models.CharField(max_length=16, choices=UnitOfMeasure.choices)
    aggregation = models.CharField(max_length=16, choices=Aggregation.choices)
    direction = models.CharField(max_length=16, choices=Direction.choices)
    decimal_places = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="reportvalue_unique")]
        indexes = [models.Index(fields=["indicator", "report"], name="reportvalue_indicator_report")]

    def __str__(self):
        return f"{self.name}: {self.value}"


class Rollup(models.Model):
    """Approved values strictly below ``unit`` (current structure) for one indicator and period."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    period_start = models.DateField()
    period_end = models.DateField()
    total = models.DecimalField(default=0, **VALUE)
    n_values = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "indicator", "period_start", "period_end"], name="rollup_unique"
            ),
            models.CheckConstraint(condition=Q(n_values__gte=0), name="rollup_count_nonnegative"),
        ]

    def __str__(self):
        return f"{self.unit_id}/{self.indicator_id}/{self.period_start}: {self.total} ({self.n_values})"
