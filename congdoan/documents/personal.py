"""What the registry holds about one person, as a workbook: for the member's own request (personal data).

Sheets: the record's personal fields, union membership stints, union posts, welfare received, awards and
discipline. Written through core.xlsx (text never becomes a formula); the page that serves it is not cached.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from congdoan.core.dates import format_date
from congdoan.core.scoping import Scope
from congdoan.core.xlsx import Workbook
from congdoan.emulation import selectors as emulation_selectors
from congdoan.members import selectors as member_selectors
from congdoan.welfare import selectors as welfare_selectors

# Internal columns that say nothing about the person (derived search text, versions, bookkeeping).
HIDDEN = {
    "id",
    "name_folded",
    "search_text",
    "version",
    "edited_at",
    "created_at",
    "updated_at",
    "merged_into",
}


def _display(member, field) -> object:
    if field.choices:
        return getattr(member, f"get_{field.name}_display")()
    value = getattr(member, field.name)
    if field.is_relation:
        return str(value) if value is not None else ""
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    return value


def _sheet(book: Workbook, name: str, title: str, headers: list[str], rows: list[list]) -> None:
    sheet = book.add_sheet(name)
    book.write(sheet, 0, 0, title, book.format(bold=True))
    book.write_table(sheet, 2, headers, rows)
    sheet.set_column(0, len(headers) - 1, 22)


def personal_data_xlsx(*, scope: Scope, member) -> bytes:
    book = Workbook()
    fields = [f for f in member._meta.concrete_fields if f.name not in HIDDEN]
    _sheet(
        book,
        _("Thông tin cá nhân"),
        _("DỮ LIỆU CÁ NHÂN CỦA %(n)s TRONG SỔ ĐOÀN VIÊN") % {"n": member.full_name.upper()},
        [_("Thông tin"), _("Giá trị")],
        [[str(f.verbose_name).capitalize(), _display(member, f)] for f in fields],
    )
    _sheet(
        book,
        _("Quá trình sinh hoạt"),
        _("Quá trình sinh hoạt công đoàn"),
        [
            _("Đơn vị"),
            _("Từ ngày"),
            _("Đến hết ngày"),
            _("Hình thức"),
            _("Số quyết định"),
            _("Lý do kết thúc"),
        ],
        [
            [
                s.unit.name,
                s.valid_from,
                s.valid_to,
                s.get_start_kind_display(),
                s.decision_no,
                str(s.end_reason) if s.end_reason else "",
            ]
            for s in member_selectors.member_stints(member=member)
        ],
    )
    _sheet(
        book,
        _("Chức vụ công đoàn"),
        _("Chức vụ công đoàn"),
        [_("Chức vụ"), _("Đơn vị"), _("Từ ngày"), _("Đến ngày")],
        [
            [p.title, p.unit.name, p.valid_from, p.valid_to]
            for p in member_selectors.member_posts(member=member)
        ],
    )
    _sheet(
        book,
        _("Chăm lo"),
        _("Hỗ trợ, chăm lo đã nhận"),
        [_("Chương trình"), _("Đơn vị chi"), _("Ngày chi"), _("Số tiền (đồng)"), _("Trạng thái")],
        [
            [p.programme.name, p.unit.name, p.paid_on, p.amount, p.get_status_display()]
            for p in welfare_selectors.member_payments(scope=scope, member=member)
        ],
    )
    _sheet(
        book,
        _("Khen thưởng, kỷ luật"),
        _("Khen thưởng và kỷ luật"),
        [_("Loại"), _("Hình thức"), _("Năm / từ ngày"), _("Số quyết định"), _("Ngày quyết định / đến ngày")],
        [
            [
                _("Khen thưởng"),
                str(a.award_kind),
                a.year,
                a.decision.number,
                format_date(a.decision.issued_on),
            ]
            for a in emulation_selectors.member_award_history(scope=scope, member=member)
        ]
        + [
            [
                _("Kỷ luật"),
                d.get_form_display(),
                format_date(d.starts_on),
                d.decision_no,
                format_date(d.ends_on),
            ]
            for d in emulation_selectors.member_disciplines(member=member)
        ],
    )
    return book.close()
