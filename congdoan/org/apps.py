from django.apps import AppConfig

from congdoan.audit import version

from .areas import unit_areas


class OrgConfig(AppConfig):
    name = "congdoan.org"
    label = "org"
    verbose_name = "Tổ chức công đoàn"

    def ready(self):
        # The audit log bumps the figures of the areas a write touched; which they are is org's to say.
        version.areas_resolver = unit_areas
