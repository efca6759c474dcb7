"""Payroll import: all or nothing, with an error naming each bad row."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from congdoan.finance import services

from ..conftest import SYSTEM, payroll_xlsx

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def roll(tree, staff):
    return services.dues_month_open(scope=SYSTEM, unit=tree.g1, month=D(2025, 7, 1))


def _pays(roll):
    return {line.member.code: (line.pay, line.due, line.paid) for line in roll.lines.select_related("member")}


def test_a_good_payroll_fills_pay_and_dues(roll):
    content = payroll_xlsx([["F0000101", "An", 10_000_000], ["F0000102", "Bình", "12.000.000"]])
    assert services.dues_import(scope=SYSTEM, roll=roll, content=content) == 2
    assert _pays(roll)["F0000101"] == (10_000_000, 50_000, 50_000)
    assert _pays(roll)["F0000102"] == (12_000_000, 60_000, 60_000)


def test_a_paid_column_is_taken_as_given(roll):
    content = payroll_xlsx(
        [["F0000101", 10_000_000, 20_000]], headers=("Mã đoàn viên", "Tiền lương", "Đã đóng")
    )
    services.dues_import(scope=SYSTEM, roll=roll, content=content)
    assert _pays(roll)["F0000101"] == (10_000_000, 50_000, 20_000)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["F0000101", "An", -5]], "Dòng 4: Tiền lương: số tiền không được âm"),
        ([["F0000101", "An", "mười triệu"]], "Dòng 4"),
        ([["F0000101", "An", 10.5]], "số đồng nguyên"),
        ([["X9999999", "Ai", 1_000_000]], "không có đoàn viên mã X9999999"),
        ([["F0000201", "Khác", 1_000_000]], "không sinh hoạt tại đơn vị trong tháng 07/2025"),
        ([["F0000104", "Đi", 1_000_000]], "không sinh hoạt tại đơn vị"),
        ([["F0000101", "An", 1], ["F0000101", "An", 2]], "Dòng 5: mã F0000101 trùng với dòng 4"),
        ([["F0000101", "An", None]], "thiếu tiền lương"),
    ],
)
def test_any_bad_row_refuses_the_whole_file(roll, rows, message):
    content = payroll_xlsx([["F0000102", "Bình", 9_000_000], *rows])
    with pytest.raises(ValidationError) as exc:
        services.dues_import(scope=SYSTEM, roll=roll, content=content)
    assert any(message in m for m in exc.value.messages), exc.value.messages
    assert _pays(roll)["F0000102"] == (0, 0, 0)


def test_a_file_that_is_not_a_workbook_is_refused_plainly(roll):
    with pytest.raises(ValidationError, match="Không đọc được tệp"):
        services.dues_import(scope=SYSTEM, roll=roll, content=b"not excel")


def test_a_workbook_without_the_columns_is_refused_plainly(roll):
    with pytest.raises(ValidationError, match="Mã đoàn viên"):
        services.dues_import(scope=SYSTEM, roll=roll, content=payroll_xlsx([["a", "b"]], headers=("X", "Y")))
