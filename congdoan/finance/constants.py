"""Choices of union finance (đoàn phí, kinh phí công đoàn, sổ thu chi, dự toán, quyết toán)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DuesGroup(models.TextChoices):
    """The member groups of QĐ 61/QĐ-TLĐ (2025): which pay the dues are reckoned on, and whether capped."""

    PUBLIC_SERVICE = "1", _("Nhóm 1: đơn vị sự nghiệp công lập tự chủ")
    STATE_ENTERPRISE = "2", _("Nhóm 2: doanh nghiệp nhà nước")
    OTHER = "3", _("Nhóm 3: ngoài nhà nước, FDI và các đơn vị khác")


class PayBase(models.TextChoices):
    INSURANCE_SALARY = "insurance", _("Tiền lương đóng bảo hiểm xã hội")
    TAKE_HOME = "take_home", _("Tiền lương thực lĩnh")


class SplitKind(models.TextChoices):
    DUES = "dues", _("Đoàn phí công đoàn")
    FUND = "fund", _("Kinh phí công đoàn (2 %)")


class NormBound(models.TextChoices):
    AT_LEAST = "min", _("tối thiểu")
    AT_MOST = "max", _("tối đa")


class MonthStatus(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    POSTED = "posted", _("Đã ghi sổ")


class ReliefKind(models.TextChoices):
    EXEMPTION = "exemption", _("Miễn đóng")
    REDUCTION = "reduction", _("Giảm mức đóng")
    SUSPENSION = "suspension", _("Tạm dừng đóng")


class Line(models.TextChoices):
    """Lines of the settlement (B07-TLĐ, HD 47/HD-TLĐ 2021): income first, then spending, then transfers."""

    DUES = "I.1", _("Thu đoàn phí công đoàn")
    FUND = "I.2", _("Thu kinh phí công đoàn")
    OTHER_INCOME = "I.3", _("Các khoản thu khác")
    ALLOCATION = "I.4", _("Kinh phí cấp trên cấp")
    ALLOWANCES = "II.1", _("Lương, phụ cấp cán bộ công đoàn")
    ADMINISTRATION = "II.2", _("Chi quản lý hành chính")
    MOVEMENT = "II.3", _("Chi hoạt động phong trào")
    MEMBER_CARE = "II.4", _("Chi chăm lo, bảo vệ đoàn viên, người lao động")
    TRANSFER_UP = "III.1", _("Nộp kinh phí, đoàn phí về cấp trên")


INCOME_LINES = (Line.DUES, Line.FUND, Line.OTHER_INCOME, Line.ALLOCATION)
SPENDING_LINES = (Line.ALLOWANCES, Line.ADMINISTRATION, Line.MOVEMENT, Line.MEMBER_CARE)
# Lines an officer may enter by hand (dues, the fund and transfers come from their own services).
MANUAL_LINES = (Line.OTHER_INCOME, Line.ALLOCATION, *SPENDING_LINES)


class StatementKind(models.TextChoices):
    BUDGET = "budget", _("Dự toán (B14-TLĐ)")
    SETTLEMENT = "settlement", _("Quyết toán (B07-TLĐ)")


class StatementStatus(models.TextChoices):
    DRAFT = "draft", _("Đang lập")
    SUBMITTED = "submitted", _("Đã gửi cấp trên")
    APPROVED = "approved", _("Cấp trên đã duyệt")
    LOCKED = "locked", _("Đã khoá")
