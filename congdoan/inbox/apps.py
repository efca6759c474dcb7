from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "congdoan.inbox"
    label = "inbox"
    verbose_name = "Thông báo"
