from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    STATE = "state", _("Khu vực nhà nước")
    NON_STATE = "non_state", _("Ngoài nhà nước")
    FDI = "fdi", _("Có vốn đầu tư nước ngoài (FDI)")
    INFORMAL = "informal", _("Khu vực phi kết cấu")


class UnitStatus(models.TextChoices):
    ACTIVE = "active", _("Đang hoạt động")
    DISSOLVED = "dissolved", _("Đã giải thể")
    MERGED = "merged", _("Đã hợp nhất")
    SPLIT = "split", _("Đã chia tách")


class ClusterKind(models.TextChoices):
    CLUSTER = "cluster", _("Cụm thi đua")
    BLOCK = "block", _("Khối thi đua")


# Levels of the tree. Kinds are rows (configurable); these are the codes the code relies on.
KIND_NATIONAL = "national"
KIND_PROVINCE = "province"
KIND_GRASSROOTS = "grassroots"
