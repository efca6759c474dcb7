import datetime as dt
import io
from types import SimpleNamespace

import pytest

from congdoan.core.indicators import register
from congdoan.core.scoping import Scope
from congdoan.org.models import Unit
from congdoan.targets import services
from congdoan.targets.constants import Aggregation, Direction, PeriodType, RuleOperator, Source, UnitOfMeasure
from congdoan.targets.models import Indicator, ValidationRule
from congdoan.targets.periods import Period

Q1 = Period(PeriodType.QUARTER, 2026, 1)


@register("test_grassroots_founded", name="CĐCS thành lập trong kỳ (thử)", unit_of_measure="unions")
def grassroots_founded(*, unit, start, end) -> int:
    """Test-only: grassroots unions founded in the period in the unit's subtree."""
    return Unit.objects.filter(
        path__startswith=unit.path, kind__is_grassroots=True, founded_on__range=(start, end)
    ).count()


def make_indicator(code, name, uom=UnitOfMeasure.COUNT, **kw):
    return Indicator.objects.create(
        code=code, name=name, unit_of_measure=uom, valid_from=dt.date(2020, 1, 1), **kw
    )


@pytest.fixture
def cat(tree):
    """A small catalogue and a quarterly form: members, women (≤ members), dialogues, accidents (lower),
    agreement signed (yes/no), and a computed count of new grassroots unions."""
    c = SimpleNamespace(tree=tree)
    c.members = make_indicator(
        "t_members", "Số đoàn viên", UnitOfMeasure.MEMBERS, required=True, sort_order=1
    )
    c.women = make_indicator("t_women", "Số đoàn viên nữ", UnitOfMeasure.MEMBERS, sort_order=2)
    c.dialogues = make_indicator("t_dialogues", "Số cuộc đối thoại", max_value=100, sort_order=3)
    c.accidents = make_indicator(
        "t_accidents", "Số vụ tai nạn lao động", direction=Direction.LOWER, sort_order=4
    )
    c.cba = make_indicator(
        "t_cba",
        "Ký thỏa ước lao động tập thể",
        UnitOfMeasure.YES_NO,
        direction=Direction.YES_NO,
        aggregation=Aggregation.SUM,
        sort_order=5,
    )
    c.founded = make_indicator(
        "t_founded",
        "CĐCS thành lập mới",
        UnitOfMeasure.UNIONS,
        source=Source.COMPUTED,
        computed_code="test_grassroots_founded",
        sort_order=6,
    )
    c.rate = make_indicator(
        "t_rate",
        "Tỷ lệ đoàn viên được thăm hỏi",
        UnitOfMeasure.PERCENT,
        aggregation=Aggregation.AVERAGE,
        decimal_places=1,
        sort_order=7,
    )
    c.all = [c.members, c.women, c.dialogues, c.accidents, c.cba, c.founded, c.rate]
    c.form = services.form_save(
        scope=Scope.for_user(tree.national_admin),
        code="t_quy",
        name="Báo cáo quý (thử)",
        period_type="Q",
        deadline_days=10,
        indicators=c.all,
    )
    ValidationRule.objects.create(
        form=c.form,
        left=c.women,
        operator=RuleOperator.LE,
        right=c.members,
        message="Số đoàn viên nữ không được lớn hơn tổng số đoàn viên.",
    )
    return c


def fill(c, unit, values, period=Q1, submit=False, approve=False):
    """Open ``unit``'s report, save ``values`` ({indicator: value}), optionally submit and approve."""
    report = services.report_open(scope=Scope.unrestricted(), unit=unit, form=c.form, period=period)
    report = services.report_save_draft(
        scope=Scope.unrestricted(),
        report=report,
        version=report.version,
        values={i.pk: v for i, v in values.items()},
    )
    if submit or approve:
        report = services.report_submit(scope=Scope.unrestricted(), report=report)
    if approve:
        report = services.report_approve(scope=Scope.unrestricted(), report=report)
    return report


def workbook(rows):
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer)
    sheet = book.add_worksheet()
    for n, row in enumerate(rows):
        sheet.write_row(n, 0, row)
    book.close()
    buffer.seek(0)
    return buffer


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
