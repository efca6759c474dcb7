import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.targets import services
from congdoan.targets.constants import ReportStatus
from congdoan.targets.models import Report

from ..conftest import Q1, fill

pytestmark = pytest.mark.django_db
ILLEGAL = {
    ReportStatus.DRAFT: ["return", "approve", "reopen"],
    ReportStatus.SUBMITTED: ["submit", "save", "reopen"],
    ReportStatus.RETURNED: ["return", "approve", "reopen"],
    ReportStatus.APPROVED: ["submit", "save", "return", "approve"],
}


def scope(user):
    return Scope.for_user(user)


def value_of(report, indicator):
    return report.values.get(indicator=indicator).value


def test_opening_a_report_fills_computed_values_from_the_registry_as_of_the_period(cat):
    t = cat.tree
    from tests.factories import found

    found(t.bt, "CĐCS mới quý I", "grassroots", founded_on=dt.date(2026, 2, 10))
    found(t.bt, "CĐCS mới quý II", "grassroots", founded_on=dt.date(2026, 4, 10))
    report = services.report_open(
        scope=Scope.for_user(t.commune_officer), unit=t.bt, form=cat.form, period=Q1
    )
    row = report.values.get(indicator=cat.founded)
    assert row.is_computed and row.value == 1
    assert row.name == "CĐCS thành lập mới"


def test_the_report_keeps_the_indicator_definition_it_was_opened_with(cat):
    report = services.report_open(scope=Scope.unrestricted(), unit=cat.tree.g1, form=cat.form, period=Q1)
    cat.members.name = "Tên mới của chỉ tiêu"
    cat.members.save()
    assert report.values.get(indicator=cat.members).name == "Số đoàn viên"


def test_computed_values_cannot_be_overwritten_by_hand(cat):
    report = services.report_open(scope=Scope.unrestricted(), unit=cat.tree.g1, form=cat.form, period=Q1)
    services.report_save_draft(
        scope=Scope.unrestricted(), report=report, version=report.version, values={cat.founded.pk: "99"}
    )
    assert value_of(report, cat.founded) == 0


def test_a_full_cycle_submit_return_resubmit_approve(cat):
    t = cat.tree
    report = fill(cat, t.g1, {cat.members: "120", cat.women: "130"} and {cat.members: "120", cat.women: "60"})
    report = services.report_submit(scope=Scope.for_user(t.grassroots_officer), report=report)
    assert report.status == ReportStatus.SUBMITTED
    report = services.report_return(
        scope=Scope.for_user(t.commune_officer), report=report, reason="Thiếu số đối thoại"
    )
    assert report.status == ReportStatus.RETURNED and report.return_reason == "Thiếu số đối thoại"
    report = services.report_save_draft(
        scope=Scope.for_user(t.grassroots_officer),
        report=report,
        version=report.version,
        values={cat.dialogues.pk: "2"},
    )
    report = services.report_submit(scope=Scope.for_user(t.grassroots_officer), report=report)
    report = services.report_approve(scope=Scope.for_user(t.commune_officer), report=report)
    assert report.status == ReportStatus.APPROVED and report.is_locked
    actions = list(Event.objects.filter(object_id=str(report.pk)).values_list("action", flat=True))
    assert "targets.report_return" in actions and "targets.report_approve" in actions


def bring_to(cat, status):
    t = cat.tree
    report = fill(cat, t.g1, {cat.members: "10"})
    if status != ReportStatus.DRAFT:
        report = services.report_submit(scope=Scope.unrestricted(), report=report)
    if status == ReportStatus.RETURNED:
        report = services.report_return(scope=Scope.unrestricted(), report=report, reason="Sai số liệu")
    if status == ReportStatus.APPROVED:
        report = services.report_approve(scope=Scope.unrestricted(), report=report)
    return report


def attempt(action, report):
    return {
        "submit": lambda: services.report_submit(scope=Scope.unrestricted(), report=report),
        "save": lambda: services.report_save_draft(
            scope=Scope.unrestricted(), report=report, version=None, values={}
        ),
        "return": lambda: services.report_return(scope=Scope.unrestricted(), report=report, reason="x"),
        "approve": lambda: services.report_approve(scope=Scope.unrestricted(), report=report),
        "reopen": lambda: services.report_reopen(scope=Scope.unrestricted(), report=report, reason="x"),
    }[action]()


@pytest.mark.parametrize(("status", "action"), [(s, a) for s, actions in ILLEGAL.items() for a in actions])
def test_every_illegal_transition_is_refused_and_changes_nothing(cat, status, action):
    report = bring_to(cat, status)
    before = (report.status, report.version)
    with pytest.raises(ValidationError, match="Không thể"):
        attempt(action, report)
    report.refresh_from_db()
    assert (report.status, report.version) == before


def test_an_approved_report_is_locked_until_the_parent_reopens_it_with_a_reason(cat):
    t = cat.tree
    report = bring_to(cat, ReportStatus.APPROVED)
    with pytest.raises(ValidationError):
        services.report_save_draft(
            scope=Scope.for_user(t.grassroots_officer),
            report=report,
            version=report.version,
            values={cat.members.pk: "1"},
        )
    assert value_of(report, cat.members) == 10
    with pytest.raises(ValidationError, match="lý do"):
        services.report_reopen(scope=Scope.for_user(t.commune_officer), report=report, reason=" ")
    report = services.report_reopen(
        scope=Scope.for_user(t.commune_officer), report=report, reason="Sửa số đoàn viên"
    )
    assert report.status == ReportStatus.RETURNED
    assert Event.objects.filter(action="targets.report_reopen", object_id=str(report.pk)).exists()


def test_a_stale_version_is_refused_and_nothing_is_saved(cat):
    report = services.report_open(scope=Scope.unrestricted(), unit=cat.tree.g1, form=cat.form, period=Q1)
    seen = report.version
    services.report_save_draft(
        scope=Scope.unrestricted(), report=report, version=seen, values={cat.members.pk: "50"}
    )
    with pytest.raises(ValidationError, match="đã được người khác sửa lúc .*hãy kiểm tra rồi lưu lại"):
        services.report_save_draft(
            scope=Scope.unrestricted(), report=report, version=seen, values={cat.members.pk: "70"}
        )
    assert value_of(report, cat.members) == 50


def test_values_are_checked_for_type_range_and_rules_in_vietnamese(cat):
    report = services.report_open(scope=Scope.unrestricted(), unit=cat.tree.g1, form=cat.form, period=Q1)
    cases = [
        ({cat.members.pk: "mười"}, "không phải là số"),
        ({cat.members.pk: "12,5"}, "phải là số nguyên"),
        ({cat.dialogues.pk: "101"}, "không được lớn hơn 100"),
        ({cat.cba.pk: "có lẽ"}, "Có hoặc Không"),
        ({cat.members.pk: "10", cat.women.pk: "11"}, "nữ không được lớn hơn"),
    ]
    for values, message in cases:
        with pytest.raises(ValidationError, match=message):
            services.report_save_draft(scope=Scope.unrestricted(), report=report, version=None, values=values)
    report.refresh_from_db()
    assert report.version == 1
    assert value_of(report, cat.members) is None


def test_decimals_and_vietnamese_number_formats_are_accepted(cat):
    report = services.report_open(scope=Scope.unrestricted(), unit=cat.tree.g1, form=cat.form, period=Q1)
    services.report_save_draft(
        scope=Scope.unrestricted(),
        report=report,
        version=None,
        values={cat.members.pk: "1.234", cat.rate.pk: "87,5", cat.cba.pk: "Có"},
    )
    assert value_of(report, cat.members) == 1234
    assert value_of(report, cat.rate) == Decimal("87.5")
    assert value_of(report, cat.cba) == 1


def test_submitting_without_a_required_value_names_it(cat):
    report = services.report_open(scope=Scope.unrestricted(), unit=cat.tree.g1, form=cat.form, period=Q1)
    with pytest.raises(ValidationError, match="Số đoàn viên"):
        services.report_submit(scope=Scope.unrestricted(), report=report)


def test_only_a_parent_may_approve_return_or_reopen(cat):
    t = cat.tree
    report = bring_to(cat, ReportStatus.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.report_approve(scope=Scope.for_user(t.grassroots_officer), report=report)
    with pytest.raises(PermissionDenied):
        services.report_return(scope=Scope.for_user(t.other_province_officer), report=report, reason="x")
    with pytest.raises(PermissionDenied):
        services.report_approve(scope=Scope.for_user(t.viewer), report=report)
    services.report_approve(scope=Scope.for_user(t.province_officer), report=report)


def test_a_unit_outside_scope_cannot_open_or_edit_a_report(cat):
    t = cat.tree
    with pytest.raises(PermissionDenied):
        services.report_open(scope=Scope.for_user(t.province_officer), unit=t.g4, form=cat.form, period=Q1)
    report = services.report_open(scope=Scope.unrestricted(), unit=t.g4, form=cat.form, period=Q1)
    with pytest.raises(PermissionDenied):
        services.report_save_draft(
            scope=Scope.for_user(t.province_officer), report=report, version=None, values={}
        )
    assert Report.objects.count() == 1
