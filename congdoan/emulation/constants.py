from django.db import models
from django.utils.translation import gettext_lazy as _


class GrantingLevel(models.TextChoices):
    """Who grants an award: a level of the union (the value maps to ``UnitKind.level``) or a body outside
    it (the State, a ministry, the provincial People's Committee), whose decisions the union receives."""

    STATE = "state", _("Nhà nước (Chủ tịch nước, Thủ tướng Chính phủ)")
    MINISTRY = "ministry", _("Bộ, ban, ngành Trung ương")
    NATIONAL = "national", _("Tổng Liên đoàn")
    PROVINCE_GOV = "province_gov", _("Ủy ban nhân dân tỉnh, thành phố")
    PROVINCIAL = "provincial", _("LĐLĐ tỉnh, thành phố, công đoàn ngành TW")
    UPPER_GRASSROOTS = "upper_grassroots", _("Công đoàn cấp trên trực tiếp cơ sở")
    GRASSROOTS = "grassroots", _("Công đoàn cơ sở")


LEVEL_DEPTH = {
    GrantingLevel.NATIONAL: 0,
    GrantingLevel.PROVINCIAL: 1,
    GrantingLevel.UPPER_GRASSROOTS: 2,
    GrantingLevel.GRASSROOTS: 3,
}


class Issuer(models.TextChoices):
    """Who signed a decision: the union itself, or an outside body whose decision the union records."""

    UNION = "union", _("Công đoàn")
    PROVINCE_GOV = "province_gov", _("Ủy ban nhân dân tỉnh, thành phố")
    MINISTRY = "ministry", _("Bộ, ban, ngành Trung ương")
    PRIME_MINISTER = "prime_minister", _("Thủ tướng Chính phủ")
    PRESIDENT = "president", _("Chủ tịch nước")


# The granting level of the award forms an outside issuer may grant (the union's own levels are not here).
ISSUER_LEVEL = {
    Issuer.PROVINCE_GOV: GrantingLevel.PROVINCE_GOV,
    Issuer.MINISTRY: GrantingLevel.MINISTRY,
    Issuer.PRIME_MINISTER: GrantingLevel.STATE,
    Issuer.PRESIDENT: GrantingLevel.STATE,
}
OUTSIDE_LEVELS = frozenset(ISSUER_LEVEL.values())


class CountBy(models.TextChoices):
    """How award figures pick a year: the year the award is for, or the date the decision was signed."""

    AWARD_YEAR = "year", _("Theo năm khen thưởng")
    SIGNED = "signed", _("Theo ngày ký")


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
