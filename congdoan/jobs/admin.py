from django.contrib import admin

from .models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "status", "done", "total", "unit", "created_by", "created_at"]
    list_filter = ["kind", "status"]
    readonly_fields = ["task_id", "created_at", "started_at", "finished_at"]
