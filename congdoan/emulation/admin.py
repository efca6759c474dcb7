"""The award catalogue and quotas are configured here by administrators (effective-dated rows)."""

from django.contrib import admin

from .models import AwardKind, AwardQuota, Discipline, RegistrationDeadline, WorkAbsence


@admin.register(AwardKind)
class AwardKindAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "code",
        "granting_level",
        "recipient",
        "requires_registration",
        "rule",
        "valid_from",
        "valid_to",
    ]
    list_filter = ["granting_level", "recipient", "rule"]
    search_fields = ["name", "code"]


@admin.register(AwardQuota)
class AwardQuotaAdmin(admin.ModelAdmin):
    list_display = ["award_kind", "granting_unit", "year", "max_count", "max_percent_of_registered"]
    list_filter = ["year"]
    autocomplete_fields = ["granting_unit"]


@admin.register(RegistrationDeadline)
class RegistrationDeadlineAdmin(admin.ModelAdmin):
    list_display = ["owner", "year", "deadline"]
    autocomplete_fields = ["owner"]


@admin.register(Discipline)
class DisciplineAdmin(admin.ModelAdmin):
    list_display = ["member", "form", "starts_on", "ends_on", "decision_no"]
    raw_id_fields = ["member"]


@admin.register(WorkAbsence)
class WorkAbsenceAdmin(admin.ModelAdmin):
    list_display = ["member", "year", "days", "is_maternity"]
    raw_id_fields = ["member"]
