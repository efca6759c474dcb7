"""Catalogue validity against dates: which version applies on a day, and the refusal's words when none does
(“chưa áp dụng” before the first version, “không còn áp dụng” after the last)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from congdoan.emulation import selectors
from congdoan.emulation.models import AwardKind, Registration
from congdoan.emulation.services._common import kind_in_force

from .conftest import register
from .helpers import make_member

D = dt.date


@pytest.mark.parametrize(
    "code, day, version_from",
    [
        ("lao_dong_gioi", D(2023, 1, 20), D(2004, 4, 1)),
        ("lao_dong_gioi", D(2024, 5, 28), D(2004, 4, 1)),
        ("lao_dong_gioi", D(2024, 5, 29), D(2024, 5, 29)),
        ("lao_dong_gioi", D(2004, 4, 1), D(2004, 4, 1)),
        ("bang_khen_ttg", D(2023, 12, 31), D(2004, 4, 1)),
        ("bang_khen_ttg", D(2024, 1, 1), D(2024, 1, 1)),
        ("huan_chuong_ld_3_tt", D(2015, 6, 1), D(2004, 4, 1)),
        ("huy_hieu_ubnd", D(2025, 9, 2), D(2004, 4, 1)),
        ("bang_khen_ubnd", D(2026, 1, 5), D(2024, 1, 1)),
    ],
)
def test_the_version_in_force_on_a_day(db, code, day, version_from):
    version = selectors.award_kind_version(code=code, on=day)
    assert version is not None and version.valid_from == version_from
    assert kind_in_force(AwardKind.objects.get(code=code, valid_to__isnull=True), day, field="f") == version


@pytest.mark.parametrize(
    "day, ends, words",
    [
        (
            D(2004, 3, 31),
            None,
            "“Lao động giỏi” chưa áp dụng vào ngày 31/03/2004 (áp dụng từ ngày 01/04/2004).",
        ),
        (D(1995, 1, 1), None, "chưa áp dụng vào ngày 01/01/1995"),
        (
            D(2027, 1, 1),
            D(2026, 12, 31),
            "không còn áp dụng vào ngày 01/01/2027 (chỉ áp dụng đến hết ngày 31/12/2026)",
        ),
    ],
)
def test_the_refusal_says_not_yet_or_no_longer(db, day, ends, words):
    kind = AwardKind.objects.get(code="lao_dong_gioi", valid_to__isnull=True)
    if ends:
        kind.valid_to = ends
        kind.save()
    with pytest.raises(ValidationError) as info:
        kind_in_force(kind, day, field="award_kind")
    message = " ".join(info.value.message_dict["award_kind"])
    assert words in message
    assert ("không còn" in message) == bool(ends)


def test_a_2023_registration_is_recorded_under_the_rules_then(tree):
    member = make_member(tree.g1)
    kind = AwardKind.objects.get(code="lao_dong_gioi", valid_to__isnull=True)
    registration = register(tree.g1, 2023, (kind, member), on=D(2023, 1, 20))
    entry = registration.entries.get()
    assert entry.award_kind.valid_from == D(2004, 4, 1) and entry.award_kind.code == "lao_dong_gioi"
    assert not registration.is_late


def test_a_registration_before_any_version_says_not_yet(tree):
    member = make_member(tree.g1)
    kind = AwardKind.objects.get(code="lao_dong_gioi", valid_to__isnull=True)
    with pytest.raises(ValidationError) as info:
        register(tree.g1, 2003, (kind, member), on=D(2003, 1, 20))
    message = " ".join(info.value.message_dict["entries"])
    assert message.startswith("Dòng 1: “Lao động giỏi” chưa áp dụng vào ngày 20/01/2003")
    assert "không còn" not in message


def test_the_page_enters_a_2023_registration_on_its_own_date_and_refuses_a_future_one(tree, login):
    member = make_member(tree.g1)
    kind = AwardKind.objects.get(code="lao_dong_gioi", valid_to__isnull=True)
    client = login(tree.grassroots_officer)
    url = f"/emulation/registrations/new/?unit={tree.g1.pk}"
    data = {"year": "2023", "registered_on": "20/01/2023", "individual_kind": kind.pk, "members": [member.pk]}
    response = client.post(url, data)
    assert response.status_code == 302
    registration = Registration.objects.get(unit=tree.g1, year=2023)
    assert registration.registered_on == D(2023, 1, 20) and not registration.is_late
    assert registration.entries.get().award_kind.valid_to == D(2024, 5, 28)
    response = client.post(url, {**data, "year": "2099", "registered_on": "20/01/2099"})
    assert response.status_code == 200 and "Ngày đăng ký 20/01/2099 chưa đến." in response.content.decode()
