from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeKind(models.TextChoices):
    TET_GIFTS = "tet_gifts", _("Quà Tết, Tết Sum vầy")
    TET_MARKET_VOUCHER = "tet_market_voucher", _("Chợ Tết Công đoàn (phiếu mua hàng)")
    SICK_VISIT = "sick_visit", _("Thăm hỏi ốm đau")
    BEREAVEMENT = "bereavement", _("Phúng viếng, hiếu hỷ")
    UNION_HOUSE = "union_house", _("Mái ấm Công đoàn")
    HARDSHIP_AID = "hardship_aid", _("Trợ cấp khó khăn")
    SCHOLARSHIP = "scholarship", _("Học bổng cho con đoàn viên")
    OTHER = "other", _("Khác")


VISIT_KINDS = (ProgrammeKind.SICK_VISIT, ProgrammeKind.BEREAVEMENT)


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", _("Đang chuẩn bị")
    OPEN = "open", _("Đang triển khai")
    CLOSED = "closed", _("Đã kết thúc")


class FundKind(models.TextChoices):
    GRASSROOTS = "grassroots", _("Kinh phí công đoàn cơ sở")
    DIRECTLY_SUPERIOR = "directly_superior", _("Kinh phí công đoàn cấp trên trực tiếp cơ sở")
    PROVINCIAL = "provincial", _("Kinh phí LĐLĐ tỉnh, công đoàn ngành")
    NATIONAL = "national", _("Kinh phí Tổng Liên đoàn")
    DONATION = "donation", _("Xã hội hoá (nhà tài trợ)")


UNION_FUND_KINDS = (
    FundKind.GRASSROOTS,
    FundKind.DIRECTLY_SUPERIOR,
    FundKind.PROVINCIAL,
    FundKind.NATIONAL,
)


class PaymentForm(models.TextChoices):
    CASH = "cash", _("Tiền mặt")
    GOODS = "goods", _("Hiện vật")
    VOUCHER = "voucher", _("Phiếu mua hàng")
    TRANSFER = "transfer", _("Chuyển khoản")


class PaymentStatus(models.TextChoices):
    DRAFT = "draft", _("Đang lập")
    SUBMITTED = "submitted", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")


class HouseWork(models.TextChoices):
    NEW = "new", _("Xây mới")
    REPAIR = "repair", _("Sửa chữa")


class HouseStage(models.TextChoices):
    APPROVED = "approved", _("Đã duyệt hỗ trợ")
    BUILDING = "building", _("Đang xây dựng")
    HANDED_OVER = "handed_over", _("Đã bàn giao")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Chờ xét duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Không duyệt")


class RegistrationSource(models.TextChoices):
    WEB = "web", _("Trang đăng ký công khai")
    PLATFORM = "platform", _("Nhập từ nền tảng số quốc gia")
    API = "api", _("Nhập qua API")


# -- social work for people who are not members (công tác xã hội) -------------------------------------------
class DonorKind(models.TextChoices):
    BUSINESS = "business", _("Doanh nghiệp")
    INDIVIDUAL = "individual", _("Cá nhân")
    ORGANISATION = "organisation", _("Cơ quan, tổ chức")


class GiftRecipient(models.TextChoices):
    HOUSEHOLD = "household", _("Hộ gia đình khó khăn")
    SCHOOL = "school", _("Trường học, học sinh")
    POLICY_FAMILY = "policy_family", _("Gia đình chính sách")
    COMMUNITY = "community", _("Cộng đồng, địa phương")


class GiftForm(models.TextChoices):
    CASH = "cash", _("Tiền mặt")
    IN_KIND = "in_kind", _("Hiện vật (giá trị ước tính)")


# The paying level of a programme or a gift: the level (``UnitKind.level``) of the unit that pays.
PAYING_LEVELS = {
    0: _("Tổng Liên đoàn"),
    1: _("LĐLĐ tỉnh, thành phố, công đoàn ngành"),
    2: _("Công đoàn cấp trên trực tiếp cơ sở"),
    3: _("Công đoàn cơ sở"),
}


def paying_level_label(level: int) -> str:
    return str(PAYING_LEVELS.get(level, PAYING_LEVELS[3]))
