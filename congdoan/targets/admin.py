from django.contrib import admin

from .models import FormIndicator, Indicator, ReportForm, ValidationRule


class FormIndicatorInline(admin.TabularInline):
    model = FormIndicator
    extra = 1


class ValidationRuleInline(admin.TabularInline):
    model = ValidationRule
    extra = 0


@admin.register(ReportForm)
class ReportFormAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "period_type", "deadline_days", "is_active"]
    inlines = [FormIndicatorInline, ValidationRuleInline]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "name",
        "unit_of_measure",
        "aggregation",
        "direction",
        "source",
        "valid_from",
        "valid_to",
    ]
    list_filter = ["source", "unit_of_measure"]
    search_fields = ["code", "name"]
