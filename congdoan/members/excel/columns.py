"""The member workbook's columns: Vietnamese headers, and how each cell becomes a value.

One table drives the template, the import and the export, so the three never disagree. Cell parsers take
what python-calamine returns (str, int, float — whole numbers come back as floats —, bool, date,
datetime) and either return a Python value or raise ``CellError`` with a Vietnamese message.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from congdoan.core.text import fold, normalise
from congdoan.members.constants import ETHNICITIES, Education, Gender, PartyStatus


class CellError(ValueError):
    """A cell's value cannot be used; the message is Vietnamese and names no row (the caller adds it)."""


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False  # for a new member
    width: int = 14
    kind: str = "text"  # text | date | choice | bool
    choices: tuple[str, ...] = ()
    note: str = ""
    aliases: tuple[str, ...] = field(default=())


GENDER_LABELS = {Gender.MALE: "Nam", Gender.FEMALE: "Nữ"}
PARTY_LABELS = {
    PartyStatus.INTRODUCED: "Được giới thiệu cho Đảng",
    PartyStatus.ADMITTED: "Đảng viên",
}
EDUCATION_LABELS = {value: str(label) for value, label in Education.choices}
ETHNICITY_LABELS = dict(ETHNICITIES)
YES, NO = "Có", "Không"

COLUMNS: tuple[Column, ...] = (
    Column("row_no", "STT", width=6, note="Không bắt buộc; hệ thống không dùng cột này."),
    Column(
        "code",
        "Mã đoàn viên",
        width=14,
        note="Để trống khi kết nạp mới. Ghi mã khi muốn cập nhật thông tin một đoàn viên đã có.",
    ),
    Column("full_name", "Họ và tên", required=True, width=28, aliases=("Họ tên",)),
    Column("gender", "Giới tính", required=True, width=10, kind="choice", choices=("Nam", "Nữ")),
    Column("date_of_birth", "Ngày sinh", required=True, width=12, kind="date"),
    Column(
        "ethnicity",
        "Dân tộc",
        width=12,
        kind="choice",
        choices=tuple(name for _, name in ETHNICITIES),
        note="Một trong 54 dân tộc (ví dụ Kinh, Tày, Mông). Để trống là Kinh.",
    ),
    Column(
        "cccd",
        "Số CCCD",
        width=15,
        note="Đủ 12 chữ số, ghi dạng văn bản để không mất số 0 ở đầu.",
        aliases=("CCCD", "Số căn cước", "Số căn cước công dân"),
    ),
    Column("phone", "Điện thoại", width=13, aliases=("Số điện thoại",)),
    Column("email", "Thư điện tử", width=22, aliases=("Email",)),
    Column("job", "Nghề nghiệp, công việc", width=22, aliases=("Nghề nghiệp", "Công việc")),
    Column(
        "education", "Trình độ học vấn", width=16, kind="choice", choices=tuple(EDUCATION_LABELS.values())
    ),
    Column("hometown", "Quê quán", width=22),
    Column(
        "is_informal",
        "Lao động phi kết cấu",
        width=10,
        kind="bool",
        choices=(YES, NO),
        note="Có hoặc Không (để trống là Không).",
    ),
    Column("party_status", "Đảng", width=16, kind="choice", choices=tuple(PARTY_LABELS.values())),
    Column("party_introduced_on", "Ngày được giới thiệu cho Đảng", width=14, kind="date"),
    Column("party_admitted_on", "Ngày vào Đảng", width=12, kind="date"),
    Column(
        "unit_code",
        "Mã đơn vị",
        required=True,
        width=14,
        note="Mã công đoàn cơ sở nơi đoàn viên sinh hoạt (xem trên trang đơn vị).",
        aliases=("Mã CĐCS", "Mã công đoàn cơ sở"),
    ),
    Column(
        "admitted_on",
        "Ngày kết nạp",
        required=True,
        width=12,
        kind="date",
        note="Ngày kết nạp vào Công đoàn (chỉ cần khi kết nạp mới).",
    ),
    Column(
        "decision_no",
        "Số quyết định kết nạp",
        required=True,
        width=16,
        note="Số quyết định kết nạp của Ban Chấp hành công đoàn cơ sở (chỉ cần khi kết nạp mới).",
        aliases=("Số QĐ kết nạp", "Quyết định kết nạp"),
    ),
    Column("notes", "Ghi chú", width=24),
)
BY_KEY = {c.key: c for c in COLUMNS}
ERROR_HEADER = "Lỗi"
REQUIRED_HEADERS = tuple(c for c in COLUMNS if c.required)


def header_key(text) -> str | None:
    """Which column a header cell names ("Họ và tên (*)", "HO VA TEN" …), or None; "Lỗi" maps to "error"."""
    if not isinstance(text, str):
        return None
    folded = fold(re.sub(r"\(?\*\)?", " ", text))
    return _HEADER_LOOKUP.get(folded)


_HEADER_LOOKUP = {fold(c.header): c.key for c in COLUMNS} | {
    fold(alias): c.key for c in COLUMNS for alias in c.aliases
}
_HEADER_LOOKUP[fold(ERROR_HEADER)] = "error"


# -- cell parsers ----------------------------------------------------------------------------------


def clean_text(value: str) -> str:
    """``core.text.normalise`` with a fast path for text that is already NFC with single spaces."""
    if (
        value.isprintable()  # False for tabs, new lines and non-breaking spaces
        and "  " not in value
        and value[:1] != " "
        and value[-1:] != " "
        and unicodedata.is_normalized("NFC", value)
    ):
        return value
    return normalise(value)


def fast_fold(value: str) -> str:
    """``core.text.fold``, several times faster on Vietnamese text: precomposed letters map to their
    base letter through one translate table; anything the table cannot make ASCII takes the slow path."""
    folded = clean_text(value).translate(_FOLD_TABLE).lower()
    return folded if folded.isascii() else fold(value)


def _fold_table() -> dict[int, str]:
    table = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        base = "".join(ch for ch in unicodedata.normalize("NFD", char) if unicodedata.category(ch) != "Mn")
        if base != char and base.isascii():
            table[code] = base
    table[ord("đ")] = table[ord("Đ")] = "d"
    return table


_FOLD_TABLE = _fold_table()


def text(value, *, max_length: int = 255) -> str:
    """A cell as text; whole floats (calamine's numbers) lose their ".0"."""
    if value is None or value == "":
        return ""
    if type(value) is str:
        result = clean_text(value)
        if len(result) > max_length:
            raise CellError(_("dài quá %(n)s ký tự") % {"n": max_length})
        return result
    if isinstance(value, bool):
        raise CellError(_("giá trị “%(v)s” không phải là chữ") % {"v": YES if value else NO})
    if isinstance(value, float):
        value = int(value) if value.is_integer() else value
    if isinstance(value, dt.datetime | dt.date):
        raise CellError(_("ô đang chứa ngày tháng, cần ghi chữ"))
    result = normalise(str(value))
    if len(result) > max_length:
        raise CellError(_("dài quá %(n)s ký tự") % {"n": max_length})
    return result


def date(value) -> dt.date | None:
    """A real Excel date, or text dd/mm/yyyy (also yyyy-mm-dd)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        raw = value.strip()
        parts = raw.split("/")
        if len(parts) == 3 and len(parts[2]) == 4:  # the usual dd/mm/yyyy, without strptime's cost
            try:
                return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
            except ValueError:
                pass
        for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
            try:
                return dt.datetime.strptime(raw, pattern).date()  # noqa: DTZ007 - a calendar date
            except ValueError:
                continue
    shown = text(value) if not isinstance(value, bool) else str(value)
    raise CellError(_("“%(v)s” không phải là ngày hợp lệ (dd/mm/yyyy)") % {"v": shown})


_DIGITS = re.compile(r"\d+")
_DIGIT_SEPARATORS = re.compile(r"[\s.\-]")


def digits(value) -> str:
    """Digits of an identifier that Excel may have turned into a number (losing a leading zero)."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(_("“%(v)s” không phải là dãy chữ số") % {"v": value})
        return str(int(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        if value.isdigit():  # the usual case: nothing for the substitution below to remove
            return value
        return _DIGIT_SEPARATORS.sub("", value)
    raise CellError(_("ô này cần ghi dãy chữ số"))


def cccd(value) -> str:
    raw = digits(value)
    if not raw:
        return ""
    if not isinstance(value, str) and len(raw) < 12:
        raw = raw.zfill(12)  # stored as a number, Excel dropped the leading 0 of the province code
    if not (len(raw) == 12 and raw.isdigit()):
        raise CellError(_("“%(v)s” phải gồm đúng 12 chữ số") % {"v": raw})
    return raw


def phone(value) -> str:
    raw = digits(value)
    if not raw:
        return ""
    if not isinstance(value, str) and len(raw) == 9:
        raw = "0" + raw
    if raw.startswith("+"):
        body = raw[1:]
    else:
        body = raw
    if not body.isdigit() or not 9 <= len(body) <= 15:
        raise CellError(_("“%(v)s” không phải là số điện thoại hợp lệ") % {"v": raw})
    return raw


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def email(value) -> str:
    raw = text(value, max_length=254)
    if raw and not _EMAIL.match(raw):
        raise CellError(_("“%(v)s” không phải là địa chỉ thư điện tử hợp lệ") % {"v": raw})
    return raw


def _lookup(mapping: dict[str, str]) -> dict[str, str]:
    return (
        {fold(label): key for key, label in mapping.items()}
        | {fold(key): key for key in mapping}
        | {label: key for key, label in mapping.items()}
    )


_GENDER = _lookup(GENDER_LABELS) | {"m": Gender.MALE, "f": Gender.FEMALE, "nu gioi": Gender.FEMALE}
_ETHNICITY = (
    _lookup(ETHNICITY_LABELS)
    | {str(int(code)): code for code in ETHNICITY_LABELS}
    | {"khmer": "05", "hmong": "08", "h'mong": "08", "e de": "12", "ede": "12", "bana": "13"}
)
_EDUCATION = _lookup(EDUCATION_LABELS)
_PARTY = _lookup(PARTY_LABELS) | {"duoc gioi thieu": PartyStatus.INTRODUCED, "chua": "", "khong": ""}
_BOOL = {"co": True, "x": True, "1": True, "khong": False, "0": False, "": False}


def choice(value, lookup: dict[str, str], label: str) -> str:
    key = lookup.get(value) if type(value) is str else None  # the exact label, as the drop-down writes it
    if key is not None:
        return str(key)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    key = lookup.get(fold(str(value)))
    if key is None:
        raise CellError(_("“%(v)s” không có trong danh mục %(l)s") % {"v": value, "l": label})
    return str(key)


def gender(value) -> str:
    return choice(value, _GENDER, _("giới tính (Nam, Nữ)"))


def ethnicity(value) -> str:
    if isinstance(value, float | int) and not isinstance(value, bool):
        value = f"{int(value):02d}"
    return choice(value, _ETHNICITY, _("54 dân tộc"))


def education(value) -> str:
    return choice(value, _EDUCATION, _("trình độ học vấn"))


def party(value) -> str:
    return choice(value, _PARTY, _("Đảng (Được giới thiệu cho Đảng, Đảng viên)"))


def boolean(value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, float | int):
        return bool(value)
    result = _BOOL.get(fold(str(value)))
    if result is None:
        raise CellError(_("“%(v)s” phải là Có hoặc Không") % {"v": value})
    return result
