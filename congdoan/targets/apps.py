from django.apps import AppConfig


class TargetsConfig(AppConfig):
    name = "congdoan.targets"
    label = "targets"
    verbose_name = "Chỉ tiêu và báo cáo"
