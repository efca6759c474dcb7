from django.db import models
from django.utils.translation import gettext_lazy as _


class CongressForm(models.TextChoices):
    ALL_MEMBERS = "all_members", _("Đại hội toàn thể đoàn viên")
    DELEGATES = "delegates", _("Đại hội đại biểu")
    CONFERENCE = "conference", _("Hội nghị thay đại hội (cấp trên đồng ý)")


class TermOrigin(models.TextChoices):
    CONGRESS = "congress", _("Đại hội bầu")
    APPOINTED = "appointed", _("Cấp trên chỉ định (đơn vị thành lập mới, hợp nhất, sáp nhập)")


class BodyKind(models.TextChoices):
    EXECUTIVE = "executive", _("Ban Chấp hành")
    STANDING = "standing", _("Ban Thường vụ")
    INSPECTION = "inspection", _("Ủy ban Kiểm tra")


class SeatRole(models.TextChoices):
    CHAIR = "chair", _("Chủ tịch")
    VICE_CHAIR = "vice_chair", _("Phó Chủ tịch")
    MEMBER = "member", _("Ủy viên")


class CapKind(models.TextChoices):
    EXECUTIVE = "executive", _("Số ủy viên Ban Chấp hành tối đa")
    DELEGATES = "delegates", _("Số đại biểu chính thức tối đa")


class PlanState(models.TextChoices):
    """Where a unit stands in an upper level's congress round (computed, never stored)."""

    HELD = "held", _("Đã tổ chức đúng hạn")
    HELD_LATE = "held_late", _("Đã tổ chức, quá hạn")
    LATE = "late", _("Quá hạn, chưa tổ chức")
    PENDING = "pending", _("Chưa tổ chức, còn hạn")


# The post recorded in the member registry for a seat (the commemorative medal counts service from it).
POST_TITLES = {
    (BodyKind.EXECUTIVE, SeatRole.CHAIR): _("Chủ tịch"),
    (BodyKind.EXECUTIVE, SeatRole.VICE_CHAIR): _("Phó Chủ tịch"),
    (BodyKind.EXECUTIVE, SeatRole.MEMBER): _("Ủy viên Ban Chấp hành"),
    (BodyKind.STANDING, SeatRole.CHAIR): _("Chủ tịch"),
    (BodyKind.STANDING, SeatRole.VICE_CHAIR): _("Phó Chủ tịch"),
    (BodyKind.STANDING, SeatRole.MEMBER): _("Ủy viên Ban Thường vụ"),
    (BodyKind.INSPECTION, SeatRole.CHAIR): _("Chủ nhiệm Ủy ban Kiểm tra"),
    (BodyKind.INSPECTION, SeatRole.VICE_CHAIR): _("Phó Chủ nhiệm Ủy ban Kiểm tra"),
    (BodyKind.INSPECTION, SeatRole.MEMBER): _("Ủy viên Ủy ban Kiểm tra"),
}
CHARTER_TERM_YEARS = 5
