from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "congdoan.finance"
    label = "finance"
    verbose_name = "Tài chính công đoàn"
