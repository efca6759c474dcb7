"""What a past year's summary can hold: one figure per item, for modules whose detail no longer exists."""

from django.db import models
from django.utils.translation import gettext_lazy as _

PEOPLE, MONEY, AWARDS = "người", "đồng", "lượt khen thưởng"


class SummaryItem(models.TextChoices):
    MEMBERS_ADMITTED = "members_admitted", _("Kết nạp đoàn viên mới")
    WELFARE_PEOPLE = "welfare_people", _("Chăm lo: lượt người được hỗ trợ")
    WELFARE_TET = "welfare_tet", _("Chăm lo: Quà Tết, Tết Sum vầy")
    WELFARE_TET_MARKET = "welfare_tet_market", _("Chăm lo: Chợ Tết Công đoàn")
    WELFARE_VISITS = "welfare_visits", _("Chăm lo: thăm hỏi ốm đau, phúng viếng, hiếu hỷ")
    WELFARE_HOUSES = "welfare_houses", _("Chăm lo: Mái ấm Công đoàn")
    WELFARE_HARDSHIP = "welfare_hardship", _("Chăm lo: trợ cấp khó khăn")
    WELFARE_SCHOLARSHIP = "welfare_scholarship", _("Chăm lo: học bổng cho con đoàn viên")
    WELFARE_OTHER = "welfare_other", _("Chăm lo: chương trình khác")
    AWARDS_NATIONAL = "awards_national", _("Khen thưởng cấp Tổng Liên đoàn")
    AWARDS_PROVINCIAL = "awards_provincial", _("Khen thưởng cấp tỉnh, ngành")
    AWARDS_UPPER = "awards_upper", _("Khen thưởng cấp trên trực tiếp cơ sở")
    AWARDS_GRASSROOTS = "awards_grassroots", _("Khen thưởng cấp cơ sở")
    AWARDS_STATE = "awards_state", _("Khen thưởng của Nhà nước, UBND, bộ ngành")


MONEY_ITEMS = {
    SummaryItem.WELFARE_TET,
    SummaryItem.WELFARE_TET_MARKET,
    SummaryItem.WELFARE_VISITS,
    SummaryItem.WELFARE_HOUSES,
    SummaryItem.WELFARE_HARDSHIP,
    SummaryItem.WELFARE_SCHOLARSHIP,
    SummaryItem.WELFARE_OTHER,
}


def item_unit(item: str) -> str:
    """The unit of measure printed after the figure."""
    if item in MONEY_ITEMS:
        return MONEY
    return AWARDS if item.startswith("awards_") else PEOPLE


def item_area(item: str) -> str:
    """The area of the fact table the item belongs to."""
    if item.startswith("welfare_"):
        return "welfare"
    return "emulation" if item.startswith("awards_") else "members"
