"""Catalogue validity against dates: which version applies on a day, and the refusal's words when none does
(“chưa áp dụng” before the first version, “không còn áp dụng” after the last)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from congdoan.emulation import selectors
from congdoan.emulation.models import AwardKind
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
