from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "congdoan.audit"
    label = "audit"
    verbose_name = "Nhật ký"
