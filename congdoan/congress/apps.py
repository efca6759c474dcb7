from django.apps import AppConfig


class CongressConfig(AppConfig):
    name = "congdoan.congress"
    label = "congress"
    verbose_name = "Đại hội, nhiệm kỳ"
