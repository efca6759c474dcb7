from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitOfMeasure(models.TextChoices):
    MEMBERS = "members", _("đoàn viên")
    UNIONS = "unions", _("công đoàn")
    VND = "vnd", _("đồng")
    PERCENT = "percent", _("%")
    COUNT = "count", _("lượt, cuộc")
    YES_NO = "yes_no", _("có/không")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Cộng dồn")
    AVERAGE = "average", _("Bình quân")
    NONE = "none", _("Không tổng hợp")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")
    YES_NO = "yes_no", _("Có/không")


class Source(models.TextChoices):
    MANUAL = "manual", _("Nhập tay")
    COMPUTED = "computed", _("Tính từ dữ liệu hệ thống")


class PeriodType(models.TextChoices):
    QUARTER = "Q", _("Quý")
    HALF = "H", _("6 tháng")
    YEAR = "Y", _("Năm")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Bị trả lại")
    APPROVED = "approved", _("Đã duyệt (khoá)")


class RuleOperator(models.TextChoices):
    LE = "le", "≤"
    GE = "ge", "≥"
    EQ = "eq", "="


class EvaluationStatus(models.TextChoices):
    EXCEEDED = "exceeded", _("Vượt")
    MET = "met", _("Đạt")
    NOT_MET = "not_met", _("Không đạt")
    NO_DATA = "no_data", _("Chưa có số liệu")
