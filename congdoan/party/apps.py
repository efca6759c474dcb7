from django.apps import AppConfig


class PartyConfig(AppConfig):
    name = "congdoan.party"
    label = "party"
    verbose_name = "Giới thiệu đoàn viên cho Đảng"
