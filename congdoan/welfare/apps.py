from django.apps import AppConfig


class WelfareConfig(AppConfig):
    name = "congdoan.welfare"
    label = "welfare"
    verbose_name = "Chăm lo, phúc lợi"
