"""The statistics forms as XLSX, filled from the fact table: mẫu 1-HĐCĐ (a grassroots union) and mẫu 2-HĐCĐ
(an upper-level union, which adds its grassroots unions and its children's reporting).

Each row is an indicator with its code (mã số), unit of measure, the figure of the period, the same period of
last year and the comparison (this period as a percentage of last year's; "—" without a base). A row whose
fact is absent (an area whose app has no figure for the unit) is printed empty, never invented.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from congdoan.core.dates import format_date
from congdoan.core.money import plain_number
from congdoan.core.xlsx import Workbook
from congdoan.members.constants import AGE_BANDS
from congdoan.org.models import Unit

from .engine.layout import admin_header
from .engine.xlsx import titled_sheet
from .facts import Fact

# (code, label, fact key, unit of measure); a row without a key is a section heading.
MEMBERS = [
    ("", _l("ĐOÀN VIÊN"), "", ""),
    ("01", _l("Tổng số đoàn viên cuối kỳ"), "members.total", _l("người")),
    ("02", _l("Trong đó: nữ"), "members.women", _l("người")),
    ("03", _l("Tỷ lệ đoàn viên nữ"), "members.women_share", "%"),
    ("04", _l("Đoàn viên khu vực phi kết cấu"), "members.informal", _l("người")),
    ("05", _l("Kết nạp mới trong kỳ"), "members.admitted", _l("người")),
    ("06", _l("Giảm trong kỳ"), "members.left", _l("người")),
    ("07", _l("Tăng (giảm) thực trong kỳ"), "members.net_gain", _l("người")),
    *[
        (f"{8 + i:02d}", _l("Đoàn viên %(band)s") % {"band": label}, f"members.age.{code}", _l("người"))
        for i, (code, label, _low, _high) in enumerate(AGE_BANDS)
    ],
]
UNIONS = [
    ("", _l("CÔNG ĐOÀN CƠ SỞ"), "", ""),
    ("20", _l("Số công đoàn cơ sở cuối kỳ"), "unions.grassroots", _l("CĐCS")),
    ("21", _l("Thành lập mới trong kỳ"), "unions.founded", _l("CĐCS")),
    ("22", _l("Trong đó: khu vực nhà nước"), "unions.founded_state", _l("CĐCS")),
    ("23", _l("Trong đó: ngoài khu vực nhà nước"), "unions.founded_non_state", _l("CĐCS")),
    ("24", _l("Công đoàn cơ sở dưới 5 đoàn viên"), "unions.small", _l("CĐCS")),
    ("", _l("BÁO CÁO CỦA ĐƠN VỊ TRỰC THUỘC"), "", ""),
    ("30", _l("Báo cáo phải nộp trong kỳ"), "reports.due", _l("báo cáo")),
    ("31", _l("Báo cáo đã nộp"), "reports.submitted", _l("báo cáo")),
    ("32", _l("Báo cáo chậm hạn"), "reports.late", _l("báo cáo")),
]
WORK = [
    ("", _l("CHĂM LO, HỖ TRỢ ĐOÀN VIÊN"), "", ""),
    ("40", _l("Tổng chi chăm lo, hỗ trợ"), "welfare.spent", _l("đồng")),
    ("41", _l("Lượt người được hỗ trợ"), "welfare.people", _l("lượt người")),
    ("42", _l("Nhà Mái ấm Công đoàn"), "welfare.houses", _l("nhà")),
    ("43", _l("Trong đó: xây mới"), "welfare.houses_new", _l("nhà")),
    ("44", _l("Trong đó: sửa chữa"), "welfare.houses_repair", _l("nhà")),
    ("45", _l("Kinh phí hỗ trợ nhà Mái ấm Công đoàn"), "welfare.house_amount", _l("đồng")),
    ("", _l("THI ĐUA, KHEN THƯỞNG"), "", ""),
    ("50", _l("Tập thể được khen thưởng"), "awards.collectives", _l("tập thể")),
    ("51", _l("Cá nhân được khen thưởng"), "awards.individuals", _l("cá nhân")),
    ("", _l("CHỈ TIÊU"), "", ""),
    ("60", _l("Chỉ tiêu đạt và vượt"), "targets.achieved", _l("chỉ tiêu")),
    ("61", _l("Tổng số chỉ tiêu được giao"), "targets.achieved:out_of", _l("chỉ tiêu")),
]
FORMS = {
    "1": (_l("Mẫu số 1-HĐCĐ"), _l("BÁO CÁO THỐNG KÊ HOẠT ĐỘNG CỦA CÔNG ĐOÀN CƠ SỞ"), MEMBERS + WORK),
    "2": (
        _l("Mẫu số 2-HĐCĐ"),
        _l("BÁO CÁO THỐNG KÊ HOẠT ĐỘNG CỦA CÔNG ĐOÀN CẤP TRÊN"),
        MEMBERS + UNIONS + WORK,
    ),
}
HEADERS = (
    _l("Chỉ tiêu"),
    _l("Mã số"),
    _l("Đơn vị tính"),
    _l("Số liệu kỳ báo cáo"),
    _l("Cùng kỳ năm trước"),
    _l("So sánh (%)"),
)


def form_kind(unit: Unit) -> str:
    """ "1" for a grassroots union (1-HĐCĐ), "2" for an upper level (2-HĐCĐ)."""
    return "1" if unit.kind.is_grassroots else "2"


def compare(now, before) -> Decimal | None:
    """This period as a percentage of last year's (two decimals); None without a base."""
    if now is None or not before:
        return None
    return (Decimal(now) * 100 / Decimal(before)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def form_rows(kind: str, facts: list[Fact]) -> list[tuple]:
    """The form's rows as printed: (chỉ tiêu, mã số, đơn vị tính, kỳ báo cáo, cùng kỳ, so sánh); a section
    heading ("II. CÔNG ĐOÀN CƠ SỞ", numbered in the form's order) has no code."""
    by_key = {f.key: f for f in facts}
    rows = []
    sections = iter(ROMAN)
    for code, label, key, measure in FORMS[kind][2]:
        if not key:
            rows.append((f"{next(sections)}. {label}", "", "", None, None, None))
            continue
        name, _colon, part = key.partition(":")
        fact = by_key.get(name)
        if fact is None:
            now = before = None
        elif part == "out_of":
            now, before = fact.out_of, None
        else:
            now, before = plain_number(fact.value), plain_number(fact.previous)
        comparison = None if measure == "%" else compare(now, before)
        rows.append((str(label), code, str(measure), now, before, comparison))
    return rows


def statistics_form_xlsx(
    *, unit: Unit, start: dt.date, end: dt.date, facts: list[Fact], on: dt.date
) -> bytes:
    """The form of ``unit`` (1-HĐCĐ or 2-HĐCĐ by its level) over ``start..end``, dated ``on``."""
    kind = form_kind(unit)
    code, title, _rows = FORMS[kind]
    book = Workbook()
    sheet, row = titled_sheet(
        book,
        str(code),
        header=admin_header(unit, doc_date=on),
        title=str(title),
        subtitle=_("Kỳ báo cáo: từ ngày %(s)s đến ngày %(e)s")
        % {"s": format_date(start), "e": format_date(end)},
    )
    book.write(sheet, 0, 6, str(code), book.format(bold=True, italic=True, align="right"))
    head = book.format(bold=True, align="center", valign="vcenter", text_wrap=True, border=1)
    for col, text in enumerate(HEADERS):
        book.write(sheet, row, col, str(text), head)
    row += 1
    for col, letter in enumerate(("A", "B", "C", "1", "2", "3 = 1/2")):
        book.write(sheet, row, col, letter, book.format(italic=True, align="center", border=1))
    for label, number, measure, now, before, comparison in form_rows(kind, facts):
        row += 1
        if not number:
            book.write(sheet, row, 0, label, bold=True, border=1)
            for col in range(1, 6):
                book.write(sheet, row, col, None, border=1)
            continue
        book.write(sheet, row, 0, label, border=1, text_wrap=True)
        book.write(sheet, row, 1, number, border=1, align="center")
        book.write(sheet, row, 2, measure, border=1, align="center")
        for col, value in ((3, now), (4, before), (5, comparison)):
            decimal = isinstance(value, float | Decimal) and (col == 5 or measure == "%")
            book.write(sheet, row, col, value, border=1, num_format="#,##0.00" if decimal else "#,##0")
    row += 2
    book.write(sheet, row, 0, _("NGƯỜI LẬP BIỂU"), bold=True, align="center")
    book.write(sheet, row, 3, _("TM. BAN CHẤP HÀNH"), bold=True, align="center")
    book.write(sheet, row + 1, 0, "(" + _("Ký, ghi rõ họ tên") + ")", italic=True, align="center")
    book.write(sheet, row + 1, 3, "(" + _("Ký, ghi rõ họ tên, đóng dấu") + ")", italic=True, align="center")
    sheet.set_column(0, 0, 46)
    sheet.set_column(1, 2, 12)
    sheet.set_column(3, 5, 18)
    sheet.set_column(6, 6, 14)
    return book.close()


def statistics_form_name(unit: Unit, start: dt.date, end: dt.date) -> str:
    return f"mau-{form_kind(unit)}-hdcd-{unit.code}-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"
