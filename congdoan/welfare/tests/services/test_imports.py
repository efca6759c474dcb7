import io

import pytest
from django.core.exceptions import ValidationError

from congdoan.core.scoping import Scope
from congdoan.welfare.constants import FundKind
from congdoan.welfare.excel.services import recipients_import
from congdoan.welfare.models import Payment

pytestmark = pytest.mark.django_db


def xlsx(rows) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def funds(programme):
    return programme.funds.get(kind=FundKind.GRASSROOTS), programme.funds.get(kind=FundKind.DONATION)


def test_an_excel_list_with_an_unknown_code_saves_nothing_and_names_the_row(tree, members, tet):
    known = members["g1"][0]
    data = xlsx(
        [
            ["STT", "Mã đoàn viên", "Họ và tên", "Số tiền"],
            [1, known.code, known.full_name, 500000],
            [2, "KHONGCO", "Ai đó", 500000],
        ]
    )
    with pytest.raises(ValidationError) as exc:
        recipients_import(scope=Scope.for_user(tree.grassroots_officer), programme=tet, data=data)
    assert exc.value.messages == ["Dòng 3: không tìm thấy đoàn viên có mã “KHONGCO”."]
    assert not Payment.objects.exists()
    fixed = xlsx([["Mã đoàn viên", "Số tiền"], [known.code, 500000], [members["g1"][1].code, None]])
    made = recipients_import(scope=Scope.for_user(tree.grassroots_officer), programme=tet, data=fixed)
    assert [p.amount for p in made] == [500_000, 500_000]


def test_an_excel_list_finds_members_by_cccd_and_refuses_other_units(tree, members, tet):
    data = xlsx([["CCCD"], [members["g1"][0].cccd], [members["g4"][0].cccd]])
    with pytest.raises(ValidationError) as exc:
        recipients_import(scope=Scope.for_user(tree.grassroots_officer), programme=tet, data=data)
    assert exc.value.messages == [f"Dòng 3: không tìm thấy đoàn viên có số CCCD “{members['g4'][0].cccd}”."]


def test_an_excel_list_may_split_each_row_across_fund_sources_by_column(tree, members, tet):
    a, b = members["g1"][:2]
    data = xlsx(
        [
            ["Mã đoàn viên", "Kinh phí công đoàn cơ sở", "Công ty CP Apatit Việt Nam"],
            [a.code, 300000, 200000],
            [b.code, 500000, None],
        ]
    )
    made = recipients_import(scope=Scope.for_user(tree.grassroots_officer), programme=tet, data=data)
    assert [p.amount for p in made] == [500_000, 500_000]
    donor = tet.funds.get(kind=FundKind.DONATION)
    assert list(made[0].splits.filter(fund=donor).values_list("amount", flat=True)) == [200_000]
    bad = xlsx(
        [["Mã đoàn viên", "Số tiền", "Công ty CP Apatit Việt Nam"], [members["g1"][2].code, 500000, 100000]]
    )
    with pytest.raises(ValidationError, match="Dòng 2: Tổng các nguồn"):
        recipients_import(scope=Scope.for_user(tree.grassroots_officer), programme=tet, data=bad)
