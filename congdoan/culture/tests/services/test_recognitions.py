"""Recording a recognition decision and revoking it: eligibility, authority, dates, refusals."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.culture import services
from congdoan.culture.models import Recognition, Registration
from congdoan.culture.tests.conftest import SYSTEM, authority, recognise, register

D = dt.date


def test_first_recognition_after_two_years(history):
    recognition = recognise(history[2], D(2025, 12, 20))
    assert recognition.kind == "first"
    assert recognition.year == 2025
    assert recognition.valid_until == D(2030, 12, 19)
    assert recognition.culture_type == "enterprise"
    event = Event.objects.get(action="culture.recognise")
    assert event.decision_no == "15/QĐ-UBND"
    assert "Công nhận lần đầu" in event.summary


REFUSALS = [
    # (case, registration index, authority, issued_on, number, words)
    (
        "not eligible: 3 of 4",
        3,
        "Chủ tịch Ủy ban nhân dân cấp xã",
        D(2025, 12, 20),
        "1/QĐ",
        "đạt 3/4 tiêu chí",
    ),
    ("one year only", 0, "Chủ tịch Ủy ban nhân dân cấp huyện", D(2023, 12, 20), "1/QĐ", "2 năm liên tục"),
    (
        "district authority after the district level ended",
        2,
        "Chủ tịch Ủy ban nhân dân cấp huyện",
        D(2025, 12, 20),
        "1/QĐ",
        "không còn áp dụng ngày 20/12/2025",
    ),
    (
        "commune authority before it existed",
        1,
        "Chủ tịch Ủy ban nhân dân cấp xã",
        D(2024, 12, 20),
        "1/QĐ",
        "chưa áp dụng ngày 20/12/2024",
    ),
    (
        "decision before the year judged",
        2,
        "Chủ tịch Ủy ban nhân dân cấp tỉnh",
        D(2024, 12, 20),
        "1/QĐ",
        "từ năm 2025",
    ),
    ("decision in the future", 2, "Chủ tịch Ủy ban nhân dân cấp tỉnh", D(2099, 1, 1), "1/QĐ", "sau hôm nay"),
    ("no number", 2, "Chủ tịch Ủy ban nhân dân cấp tỉnh", D(2025, 12, 20), "  ", "số quyết định"),
]


@pytest.mark.parametrize(
    ("case", "index", "name", "issued_on", "number", "words"), REFUSALS, ids=[r[0] for r in REFUSALS]
)
def test_recognition_refusals(history, case, index, name, issued_on, number, words):
    with pytest.raises(ValidationError) as caught:
        services.recognition_record(
            scope=SYSTEM,
            registration=history[index],
            authority=authority(name),
            number=number,
            issued_on=issued_on,
        )
    assert words in " ".join(caught.value.messages)
    assert not Recognition.objects.exists()


def test_a_second_decision_for_the_same_year_is_refused(history):
    recognise(history[2])
    with pytest.raises(ValidationError, match="đã có quyết định công nhận năm 2025"):
        recognise(history[2], number="16/QĐ-UBND")
    assert Recognition.objects.count() == 1


@pytest.mark.parametrize(
    ("user", "allowed"),
    [
        ("grassroots_officer", False),  # a union never recognises itself
        ("viewer", False),
        ("other_province_officer", False),
        ("commune_officer", True),
        ("province_officer", True),
    ],
)
def test_who_may_record_a_recognition(tree, history, user, allowed):
    scope = Scope.for_user(getattr(tree, user))
    if allowed:
        assert recognise(history[2], scope=scope).unit == tree.g1
    else:
        with pytest.raises(PermissionDenied):
            recognise(history[2], scope=scope)


def _old_recognition(unit, year):
    old = Registration.objects.create(
        unit=unit, year=year, culture_type="enterprise", registered_on=D(year, 3, 1)
    )
    return Recognition.objects.create(
        registration=old,
        unit=unit,
        culture_type="enterprise",
        year=year,
        authority=authority("Chủ tịch Ủy ban nhân dân cấp huyện"),
        number="90/QĐ-UBND",
        issued_on=D(year, 12, 15),
        kind="first",
        valid_until=D(year + 5, 12, 14),
    )


@pytest.mark.parametrize(("last", "allowed"), [(2020, True), (2021, False)])
def test_re_recognition_five_years_after(tree, last, allowed):
    _old_recognition(tree.g1, last)
    register(tree.g1, 2024)
    registration = register(tree.g1, 2025)
    if allowed:
        assert recognise(registration, D(2025, 12, 20)).kind == "renewal"
    else:
        with pytest.raises(
            ValidationError, match="được công nhận năm 2021; được xét công nhận lại từ năm 2026"
        ):
            recognise(registration, D(2025, 12, 20))


def test_revocation(history):
    recognition = recognise(history[2])
    revoked = services.recognition_revoke(
        scope=SYSTEM,
        recognition=recognition,
        revoked_on=D(2026, 3, 1),
        reason="Doanh nghiệp vi phạm pháp luật về bảo hiểm xã hội",
        number="30/QĐ-UBND",
    )
    assert revoked.revoked_on == D(2026, 3, 1)
    assert not revoked.in_force_on(D(2026, 3, 1)) and revoked.in_force_on(D(2026, 2, 28))
    event = Event.objects.get(action="culture.revoke")
    assert event.after["reason"] == "Doanh nghiệp vi phạm pháp luật về bảo hiểm xã hội"
    assert event.decision_no == "30/QĐ-UBND"


REVOKE_REFUSALS = [
    ("no reason", D(2026, 1, 5), "  ", "lý do thu hồi"),
    (
        "before the decision",
        D(2025, 12, 1),
        "Vi phạm",
        "không được trước ngày quyết định công nhận (20/12/2025)",
    ),
    ("in the future", D(2099, 1, 1), "Vi phạm", "sau hôm nay"),
]


@pytest.mark.parametrize(
    ("case", "on", "reason", "words"), REVOKE_REFUSALS, ids=[r[0] for r in REVOKE_REFUSALS]
)
def test_revocation_refusals(history, case, on, reason, words):
    recognition = recognise(history[2])
    with pytest.raises(ValidationError) as caught:
        services.recognition_revoke(scope=SYSTEM, recognition=recognition, revoked_on=on, reason=reason)
    assert words in " ".join(caught.value.messages)
    recognition.refresh_from_db()
    assert recognition.revoked_on is None


def test_revoking_twice_is_refused(history):
    recognition = recognise(history[2])
    services.recognition_revoke(
        scope=SYSTEM, recognition=recognition, revoked_on=D(2026, 1, 5), reason="Vi phạm"
    )
    with pytest.raises(ValidationError, match="đã bị thu hồi"):
        services.recognition_revoke(
            scope=SYSTEM, recognition=recognition, revoked_on=D(2026, 1, 6), reason="Lần nữa"
        )


def test_the_union_itself_may_not_revoke(tree, history):
    recognition = recognise(history[2])
    with pytest.raises(PermissionDenied):
        services.recognition_revoke(
            scope=Scope.for_user(tree.grassroots_officer),
            recognition=recognition,
            revoked_on=D(2026, 1, 5),
            reason="Tự thu hồi",
        )
