from django.db import models
from django.utils.translation import gettext_lazy as _


class GrantingLevel(models.TextChoices):
    """Which level of the union grants an award; the value maps to ``UnitKind.level``."""

    NATIONAL = "national", _("Tổng Liên đoàn")
    PROVINCIAL = "provincial", _("LĐLĐ tỉnh, thành phố, công đoàn ngành TW")
    UPPER_GRASSROOTS = "upper_grassroots", _("Công đoàn cấp trên trực tiếp cơ sở")
    GRASSROOTS = "grassroots", _("Công đoàn cơ sở")


LEVEL_DEPTH = {
    GrantingLevel.NATIONAL: 0,
    GrantingLevel.PROVINCIAL: 1,
    GrantingLevel.UPPER_GRASSROOTS: 2,
    GrantingLevel.GRASSROOTS: 3,
}


class Recipient(models.TextChoices):
    COLLECTIVE = "collective", _("Tập thể")
    INDIVIDUAL = "individual", _("Cá nhân")


class EligibilityRule(models.TextChoices):
    NONE = "none", _("Không xét điều kiện tự động")
    GENERAL = "general", _("Điều kiện chung (ngày nghỉ, đăng ký, thời gian công tác, kỷ luật)")
    MEDAL = "medal", _("Kỷ niệm chương “Vì sự nghiệp xây dựng tổ chức Công đoàn”")


class PledgeStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SIGNED = "signed", _("Đã ký kết")
    RANKED = "ranked", _("Đã xếp hạng")


class NominationStatus(models.TextChoices):
    DRAFT = "draft", _("Đang lập hồ sơ")
    SUBMITTED = "submitted", _("Đã trình cấp khen thưởng")
    ACCEPTED = "accepted", _("Hội đồng đề nghị khen thưởng")
    REJECTED = "rejected", _("Hội đồng không đề nghị")
    AWARDED = "awarded", _("Đã có quyết định khen thưởng")
    WITHDRAWN = "withdrawn", _("Đã rút hồ sơ")


# The nomination workflow: every legal transition; anything else is refused.
NOMINATION_TRANSITIONS = {
    NominationStatus.DRAFT: {NominationStatus.SUBMITTED, NominationStatus.WITHDRAWN},
    NominationStatus.SUBMITTED: {NominationStatus.ACCEPTED, NominationStatus.REJECTED},
    NominationStatus.ACCEPTED: {NominationStatus.AWARDED},
    NominationStatus.REJECTED: set(),
    NominationStatus.AWARDED: set(),
    NominationStatus.WITHDRAWN: set(),
}


class DisciplineForm(models.TextChoices):
    FINE = "fine", _("Xử phạt hành chính")
    REPRIMAND = "reprimand", _("Khiển trách")
    WARNING = "warning", _("Cảnh cáo")
    DISMISSAL = "dismissal", _("Cách chức")
    EXPULSION = "expulsion", _("Khai trừ, buộc thôi việc")


DEFAULT_REGISTRATION_DEADLINE = (1, 25)  # 25 January
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
DOCUMENT_TYPES = {
    "pdf": b"%PDF",
    "docx": b"PK\x03\x04",
    "xlsx": b"PK\x03\x04",
    "jpg": b"\xff\xd8\xff",
    "jpeg": b"\xff\xd8\xff",
    "png": b"\x89PNG",
}
