from django.contrib import admin

from .models import CongressRule, SizeCap


@admin.register(CongressRule)
class CongressRuleAdmin(admin.ModelAdmin):
    list_display = [
        "source",
        "delegate_threshold",
        "standing_min_executive",
        "standing_max_divisor",
        "valid_from",
        "valid_to",
    ]


@admin.register(SizeCap)
class SizeCapAdmin(admin.ModelAdmin):
    list_display = [
        "what",
        "unit_kind",
        "unit_code",
        "min_members",
        "max_members",
        "cap",
        "valid_from",
        "valid_to",
    ]
    list_filter = ["what", "unit_kind"]
