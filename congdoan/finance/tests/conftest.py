import datetime as dt
import io
import itertools

import pytest

from congdoan.core.scoping import Scope
from congdoan.core.text import fold
from congdoan.members.constants import Gender, MemberStatus, StintStart
from congdoan.members.models import Member, Membership

SYSTEM = Scope.unrestricted()
_seq = itertools.count(1)
D = dt.date
LONG_AGO = dt.date(2015, 1, 1)


def make_member(unit, name="Nguyễn Văn An", *, since=LONG_AGO, until=None, code=None) -> Member:
    n = next(_seq)
    member = Member.objects.create(
        code=code or f"F{n:07d}",
        cccd=f"1{n:011d}",
        full_name=name,
        name_folded=fold(name),
        gender=Gender.MALE,
        date_of_birth=D(1990, 1, 1),
        status=MemberStatus.ACTIVE if until is None else MemberStatus.LEFT,
        unit=unit,
        joined_on=since,
    )
    Membership.objects.create(
        member=member, unit=unit, valid_from=since, valid_to=until, start_kind=StintStart.ADMIT
    )
    return member


def payroll_xlsx(rows, headers=("Mã đoàn viên", "Họ và tên", "Tiền lương")) -> bytes:
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet("Lương")
    sheet.write_row(0, 0, ["BẢNG LƯƠNG THÁNG"])
    sheet.write_row(1, 0, headers)
    for i, row in enumerate(rows, start=2):
        sheet.write_row(i, 0, row)
    book.close()
    return out.getvalue()


@pytest.fixture
def staff(tree):
    """Members of CĐCS Apatit (g1): three current, one who left in May 2025, one who joined in August."""
    return {
        "an": make_member(tree.g1, "Nguyễn Văn An", code="F0000101"),
        "binh": make_member(tree.g1, "Trần Thị Bình", code="F0000102"),
        "cuong": make_member(tree.g1, "Lê Văn Cường", code="F0000103"),
        "left": make_member(tree.g1, "Phạm Văn Đi", until=D(2025, 5, 20), code="F0000104"),
        "new": make_member(tree.g1, "Hoàng Thị Mới", since=D(2025, 8, 5), code="F0000105"),
        "other": make_member(tree.g2, "Vũ Văn Khác", code="F0000201"),
    }
