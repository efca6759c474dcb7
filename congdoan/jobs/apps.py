from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "congdoan.jobs"
    label = "jobs"
    verbose_name = "Tác vụ nền"
