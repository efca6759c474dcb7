"""Registering for a year and assessing oneself: the refusals, table-driven."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.concurrency import VersionConflict
from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.culture import selectors, services
from congdoan.culture.models import Registration
from congdoan.culture.tests.conftest import SYSTEM, recognise, register

REFUSALS = [
    # (case, unit attribute, year, title, expected words)
    ("a commune union is not a grassroots union", "bt", 2025, "agency", "không phải công đoàn cơ sở"),
    ("before the union was founded", "g1", 1999, "agency", "từ năm 2000"),
    ("too far ahead", "g1", 2100, "agency", "đến năm"),
    ("no criteria in force that year", "g1", 2021, "agency", "Chưa có bộ tiêu chí"),
    ("an unknown title", "g1", 2025, "palace", "Hãy chọn danh hiệu"),
]


@pytest.mark.parametrize(("case", "unit", "year", "title", "words"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_registration_refusals(tree, unchanged, case, unit, year, title, words):
    with unchanged(), pytest.raises(ValidationError) as caught:
        services.registration_create(scope=SYSTEM, unit=getattr(tree, unit), year=year, culture_type=title)
    assert words in " ".join(caught.value.messages)
    assert not Registration.objects.exists()


def test_registering_twice_in_a_year_is_refused_naming_the_title(tree):
    register(tree.g1, 2025, "agency")
    with pytest.raises(ValidationError) as caught:
        services.registration_create(scope=SYSTEM, unit=tree.g1, year=2025, culture_type="enterprise")
    assert caught.value.message_dict["year"] == [
        "“CĐCS Công ty Apatit Việt Nam” đã đăng ký năm 2025 (Cơ quan đạt chuẩn văn hoá)."
    ]
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    ("user", "allowed"),
    [
        ("grassroots_officer", True),
        ("commune_officer", True),
        ("viewer", False),
        ("other_province_officer", False),
    ],
)
def test_who_may_register(tree, user, allowed):
    scope = Scope.for_user(getattr(tree, user))
    if allowed:
        registration = services.registration_create(
            scope=scope, unit=tree.g1, year=2025, culture_type="agency"
        )
        event = Event.objects.get(action="culture.register")
        assert event.unit == tree.g1 and event.actor == getattr(tree, user)
        assert registration.registered_on == today()
    else:
        with pytest.raises(PermissionDenied):
            services.registration_create(scope=scope, unit=tree.g1, year=2025, culture_type="agency")


def test_assessment_records_each_criterion_and_is_audited(tree):
    registration = services.registration_create(
        scope=SYSTEM, unit=tree.g1, year=2025, culture_type="enterprise", registered_on=dt.date(2025, 2, 1)
    )
    criteria = list(selectors.criteria_for(culture_type="enterprise", year=2025))
    assert [c.number for c in criteria] == [1, 2, 3, 4]
    items = {c.pk: (c.number != 4, "Biên bản họp" if c.number == 1 else "") for c in criteria}
    services.registration_assess(scope=SYSTEM, registration=registration, items=items, version=0)
    grid = selectors.assessment_grid(registration)
    assert [(row["met"], row["note"]) for row in grid] == [
        (True, "Biên bản họp"),
        (True, ""),
        (True, ""),
        (False, ""),
    ]
    assert "đạt 3/4 tiêu chí" in Event.objects.get(action="culture.assess").summary


def test_assessment_from_a_stale_page_is_refused(tree):
    registration = register(tree.g1, 2025)
    criteria = list(selectors.criteria_for(culture_type="enterprise", year=2025))
    with pytest.raises(VersionConflict):
        services.registration_assess(
            scope=SYSTEM, registration=registration, items={c.pk: (False, "") for c in criteria}, version=0
        )
    assert all(row["met"] for row in selectors.assessment_grid(registration))


def test_agencies_have_three_criteria(tree):
    assert selectors.criteria_for(culture_type="agency", year=2024).count() == 3
    assert selectors.criteria_for(culture_type="unit", year=2024).count() == 3


def test_assessment_after_recognition_is_refused(tree):
    register(tree.g1, 2024)
    registration = register(tree.g1, 2025)
    recognise(registration)
    with pytest.raises(ValidationError, match="không sửa được tự đánh giá"):
        services.registration_assess(scope=SYSTEM, registration=registration, items={})


def test_assessment_of_a_criterion_of_another_title_is_refused(tree):
    registration = register(tree.g1, 2025, "agency")
    other = selectors.criteria_for(culture_type="enterprise", year=2025).last()
    with pytest.raises(ValidationError, match="không thuộc bộ tiêu chí"):
        services.registration_assess(scope=SYSTEM, registration=registration, items={other.pk: (True, "")})


def test_withdrawing_a_registration(tree):
    registration = register(tree.g1, 2025)
    with pytest.raises(PermissionDenied):
        services.registration_delete(scope=Scope.for_user(tree.viewer), registration=registration)
    services.registration_delete(scope=Scope.for_user(tree.grassroots_officer), registration=registration)
    assert not Registration.objects.exists()
    assert Event.objects.filter(action="culture.unregister", unit=tree.g1).count() == 1


def test_a_recognised_registration_cannot_be_withdrawn(tree):
    register(tree.g1, 2024)
    registration = register(tree.g1, 2025)
    recognise(registration)
    with pytest.raises(ValidationError, match="không rút đăng ký được"):
        services.registration_delete(scope=SYSTEM, registration=registration)
    assert Registration.objects.filter(pk=registration.pk).exists()
