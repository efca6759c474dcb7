from django.contrib import admin

from . import tree
from .models import Cluster, Unit, UnitKind, UnitLink


@admin.register(UnitKind)
class UnitKindAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "is_grassroots", "is_historic"]


class UnitLinkInline(admin.TabularInline):
    model = UnitLink
    fk_name = "child"
    extra = 0
    autocomplete_fields = ["parent"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "sector", "status", "founded_on", "dissolved_on"]
    list_filter = ["kind", "status", "sector"]
    search_fields = ["code", "name", "name_folded"]
    readonly_fields = ["path", "depth", "parent"]
    inlines = [UnitLinkInline]

    def save_related(self, request, form, formsets, change):
        """Links edited here bypass ``org.tree``: recount the kept "tree last changed" day."""
        super().save_related(request, form, formsets, change)
        tree.tree_change_rebuild()


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "year", "owner", "head_unit"]
    autocomplete_fields = ["owner", "head_unit", "members"]
