from django.contrib import admin

from .models import Authority, Criterion, Rule


@admin.register(Criterion)
class CriterionAdmin(admin.ModelAdmin):
    list_display = ["culture_type", "number", "title", "valid_from", "valid_to"]
    list_filter = ["culture_type"]


@admin.register(Authority)
class AuthorityAdmin(admin.ModelAdmin):
    list_display = ["name", "valid_from", "valid_to", "sort_order"]


@admin.register(Rule)
class RuleAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "valid_to", "first_years", "renewal_years", "validity_years"]
