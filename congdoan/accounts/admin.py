from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import ApiToken, Assignment, User


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [AssignmentInline]
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        ("Công đoàn", {"fields": ("full_name", "position", "phone", "must_change_password")}),
    )
    list_display = ["username", "full_name", "email", "is_active", "is_superuser", "must_change_password"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["digest", "prefix"]
