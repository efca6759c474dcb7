from django.apps import AppConfig


class EmulationConfig(AppConfig):
    name = "congdoan.emulation"
    label = "emulation"
    verbose_name = "Thi đua, khen thưởng"
