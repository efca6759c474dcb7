from django.apps import AppConfig


class HistoryConfig(AppConfig):
    name = "congdoan.history"
    label = "history"
    verbose_name = "Số liệu tổng hợp các năm trước"
