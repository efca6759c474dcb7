from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    MALE = "M", _("Nam")
    FEMALE = "F", _("Nữ")


class MemberStatus(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt kết nạp")
    ACTIVE = "active", _("Đang sinh hoạt")
    LEFT = "left", _("Đã thôi sinh hoạt")
    RETURNED = "returned", _("Bị trả lại hồ sơ")
    MERGED = "merged", _("Đã gộp vào hồ sơ khác")


class TransferStatus(models.TextChoices):
    PENDING = "pending", _("Chờ tiếp nhận")
    ACCEPTED = "accepted", _("Đã tiếp nhận")
    REFUSED = "refused", _("Từ chối tiếp nhận")


# Age bands used by the statistics (age in full years on the reference date).
AGE_BANDS = [
    ("u30", _("Dưới 30 tuổi"), 0, 29),
    ("30_39", _("Từ 30 đến 39 tuổi"), 30, 39),
    ("40_49", _("Từ 40 đến 49 tuổi"), 40, 49),
    ("50_59", _("Từ 50 đến 59 tuổi"), 50, 59),
    ("60p", _("Từ 60 tuổi trở lên"), 60, 200),
]
MIN_AGE = 15
MEMBER_CODE_PREFIX = "CD"
MEMBER_CODE_DIGITS = 10


class PartyStatus(models.TextChoices):
    NONE = "", _("Chưa")
    INTRODUCED = "introduced", _("Được giới thiệu cho Đảng")
    ADMITTED = "admitted", _("Đảng viên")


class StintStart(models.TextChoices):
    ADMIT = "admit", _("Kết nạp")
    TRANSFER = "transfer", _("Chuyển đến")
    READMIT = "readmit", _("Kết nạp lại")
    RESTRUCTURE = "restructure", _("Sắp xếp tổ chức")


class CardStatus(models.TextChoices):
    NONE = "", _("Chưa đề nghị")
    REQUESTED = "requested", _("Đã đề nghị in")
    PRINTED = "printed", _("Đã in")
    HANDED_OVER = "handed_over", _("Đã trao thẻ")


class Education(models.TextChoices):
    PRIMARY = "primary", _("Tiểu học")
    LOWER_SECONDARY = "lower_secondary", _("Trung học cơ sở")
    UPPER_SECONDARY = "upper_secondary", _("Trung học phổ thông")
    VOCATIONAL = "vocational", _("Trung cấp")
    COLLEGE = "college", _("Cao đẳng")
    UNIVERSITY = "university", _("Đại học")
    MASTER = "master", _("Thạc sĩ")
    DOCTOR = "doctor", _("Tiến sĩ")


# The 54 ethnic groups of Viet Nam, in the General Statistics Office's coding (01 = Kinh … 54 = Rơ Măm).
ETHNICITIES = [
    ("01", "Kinh"),
    ("02", "Tày"),
    ("03", "Thái"),
    ("04", "Hoa"),
    ("05", "Khơ Me"),
    ("06", "Mường"),
    ("07", "Nùng"),
    ("08", "Mông"),
    ("09", "Dao"),
    ("10", "Gia Rai"),
    ("11", "Ngái"),
    ("12", "Ê Đê"),
    ("13", "Ba Na"),
    ("14", "Xơ Đăng"),
    ("15", "Sán Chay"),
    ("16", "Cơ Ho"),
    ("17", "Chăm"),
    ("18", "Sán Dìu"),
    ("19", "Hrê"),
    ("20", "Mnông"),
    ("21", "Ra Glai"),
    ("22", "Xtiêng"),
    ("23", "Bru Vân Kiều"),
    ("24", "Thổ"),
    ("25", "Giáy"),
    ("26", "Cơ Tu"),
    ("27", "Gié Triêng"),
    ("28", "Mạ"),
    ("29", "Khơ Mú"),
    ("30", "Co"),
    ("31", "Tà Ôi"),
    ("32", "Chơ Ro"),
    ("33", "Kháng"),
    ("34", "Xinh Mun"),
    ("35", "Hà Nhì"),
    ("36", "Chu Ru"),
    ("37", "Lào"),
    ("38", "La Chí"),
    ("39", "La Ha"),
    ("40", "Phù Lá"),
    ("41", "La Hủ"),
    ("42", "Lự"),
    ("43", "Lô Lô"),
    ("44", "Chứt"),
    ("45", "Mảng"),
    ("46", "Pà Thẻn"),
    ("47", "Cờ Lao"),
    ("48", "Cống"),
    ("49", "Bố Y"),
    ("50", "Si La"),
    ("51", "Pu Péo"),
    ("52", "Brâu"),
    ("53", "Ơ Đu"),
    ("54", "Rơ Măm"),
]
ETHNICITY_NAMES = dict(ETHNICITIES)

# Reasons a stint ends that the code itself relies on (the rest are configurable LeaveReason rows).
END_TRANSFER = "transfer"
END_UNIT_DISSOLVED = "unit_dissolved"
END_RESTRUCTURE = "restructure"
END_RETIRED = "retired"
END_DECEASED = "deceased"
# Stint ends that move the member somewhere else rather than out of the union.
MOVING_END_REASONS = (END_TRANSFER, END_RESTRUCTURE)
