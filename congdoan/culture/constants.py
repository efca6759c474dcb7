"""Choices of the culture-standard recognition (đạt chuẩn văn hoá)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
# extension -> the bytes a real file of that type starts with
EVIDENCE_TYPES = {
    "pdf": b"%PDF",
    "docx": b"PK\x03\x04",
    "xlsx": b"PK\x03\x04",
    "jpg": b"\xff\xd8\xff",
    "jpeg": b"\xff\xd8\xff",
    "png": b"\x89PNG",
}


class CultureType(models.TextChoices):
    """What a unit registers to become: the title differs by the kind of employer it belongs to."""

    AGENCY = "agency", _("Cơ quan đạt chuẩn văn hoá")
    PUBLIC_UNIT = "unit", _("Đơn vị đạt chuẩn văn hoá")
    ENTERPRISE = "enterprise", _("Doanh nghiệp đạt chuẩn văn hoá")


class RecognitionKind(models.TextChoices):
    FIRST = "first", _("Công nhận lần đầu")
    RENEWAL = "renewal", _("Công nhận lại")


class Status(models.TextChoices):
    """A grassroots union's standing in a year, as the upper level's list shows it."""

    NOT_REGISTERED = "none", _("Chưa đăng ký")
    REGISTERED = "registered", _("Đã đăng ký")
    MET = "met", _("Đạt đủ tiêu chí trong năm")
    ELIGIBLE = "eligible", _("Đủ điều kiện đề nghị công nhận")
    RECOGNISED = "recognised", _("Đã được công nhận")
    REVOKED = "revoked", _("Bị thu hồi công nhận")
