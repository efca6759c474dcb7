from django.apps import AppConfig


class RestructureConfig(AppConfig):
    name = "congdoan.restructure"
    label = "restructure"
    verbose_name = "Sắp xếp tổ chức"
