from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "congdoan.home"
    label = "home"
    verbose_name = "Trang chủ"
