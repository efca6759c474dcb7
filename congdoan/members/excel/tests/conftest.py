"""Helpers for the Excel import/export tests: build workbooks the way an officer would fill the template."""

import datetime as dt
import itertools

import pytest

from congdoan.core.scoping import Scope
from congdoan.members import services as member_services
from congdoan.members.excel import columns as c
from congdoan.members.models import AdmissionBatch

HEADERS = [col.header for col in c.COLUMNS]
_cccd = itertools.count(1)


def person(unit_code: str = "LCI.BT.001", **overrides) -> dict:
    """One template row (header -> value) for a new admission; unique CCCD each call."""
    row = {
        "STT": 1,
        "Họ và tên": "Nguyễn Văn An",
        "Giới tính": "Nam",
        "Ngày sinh": "17/05/1990",
        "Dân tộc": "Kinh",
        "Số CCCD": f"0010{next(_cccd) + 90000000:08d}",
        "Điện thoại": "0912345678",
        "Mã đơn vị": unit_code,
        "Ngày kết nạp": dt.date(2024, 3, 1),
        "Số quyết định kết nạp": "12/QĐ-CĐCS",
    }
    row.update(overrides)
    return row


def write_workbook(path, rows: list[dict], headers=None, *, sheet="Đoàn viên", before=None):
    """Save ``rows`` (header -> value) under ``headers`` to ``path`` with openpyxl; returns the path."""
    from openpyxl import Workbook

    headers = headers or HEADERS
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for line in before or []:
        ws.append(line)
    ws.append(headers)
    for row in rows:
        ws.append([row.get(h, "") for h in headers])
    wb.save(path)
    return path


@pytest.fixture
def xlsx(tmp_path):
    counter = itertools.count()

    def make(rows, headers=None, **kwargs):
        return write_workbook(tmp_path / f"book{next(counter)}.xlsx", rows, headers, **kwargs)

    return make


def read_errors(data: bytes, sheet="Đoàn viên") -> dict[int, str]:
    """{Excel row: message} from an error workbook's "Lỗi" column (and the column's header row check)."""
    import io

    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(data))[sheet]
    header = [cell.value for cell in ws[1]]
    col = header.index(c.ERROR_HEADER) + 1
    return {
        r: ws.cell(row=r, column=col).value
        for r in range(2, ws.max_row + 1)
        if ws.cell(row=r, column=col).value
    }


@pytest.fixture
def draft(tree):
    """LCI.BT.001's draft list 12/QĐ-CĐCS of 01/03/2024 with one person (``draft.earlier``): the rows of a
    file admitted on that day by that decision belong on it."""
    earlier = member_services.member_admit(
        scope=Scope.unrestricted(),
        unit=tree.g1,
        admitted_on=dt.date(2024, 3, 1),
        decision_no="12/QĐ-CĐCS",
        full_name="Người Đã Có",
        gender="M",
        date_of_birth=dt.date(1980, 1, 1),
    )
    batch = AdmissionBatch.objects.get()
    batch.earlier = earlier
    return batch
