from django.apps import AppConfig


class CultureConfig(AppConfig):
    name = "congdoan.culture"
    label = "culture"
    verbose_name = "Đạt chuẩn văn hoá"
