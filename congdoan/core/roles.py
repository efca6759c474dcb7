"""The roles a user holds on a unit (through ``accounts.Assignment``), weakest first."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    VIEWER = "viewer", _("Xem")
    OFFICER = "officer", _("Cán bộ nghiệp vụ")
    ADMIN = "admin", _("Quản trị")


ROLE_RANK = {Role.VIEWER: 1, Role.OFFICER: 2, Role.ADMIN: 3}
