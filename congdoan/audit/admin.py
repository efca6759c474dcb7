from django.contrib import admin

from .models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "summary", "decision_no"]
    list_filter = ["action"]
    search_fields = ["summary", "decision_no", "object_id"]
    readonly_fields = [f.name for f in Event._meta.fields]
