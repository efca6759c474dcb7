"""The caps of the dated tables, at the boundaries of each band, and the refusals naming them."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from congdoan.congress import services
from congdoan.congress.constants import BodyKind, CapKind, CongressForm, SeatRole
from congdoan.congress.models import SizeCap
from congdoan.congress.rules import cap_for
from congdoan.congress.tests.conftest import SYSTEM, held, make_congress

D = dt.date
DAY = D(2025, 6, 1)


@pytest.mark.parametrize(
    ("members", "cap"),
    [
        (0, 3),
        (49, 3),
        (50, 5),
        (149, 5),
        (150, 9),
        (499, 9),
        (500, 11),
        (24_999, 21),
        (25_000, 25),
        (90_000, 25),
    ],
)
def test_grassroots_executive_cap_by_members(tree, members, cap):
    assert cap_for(CapKind.EXECUTIVE, unit=tree.g1, members=members, day=DAY).cap == cap


@pytest.mark.parametrize(("members", "cap"), [(99_999, 35), (100_000, 41), (199_999, 41), (200_000, 45)])
def test_province_executive_cap_by_members(tree, members, cap):
    assert cap_for(CapKind.EXECUTIVE, unit=tree.lc, members=members, day=DAY).cap == cap


def test_a_unit_of_its_own_row_wins_over_its_kind(tree):
    tree.lc.code = "HNI"
    assert cap_for(CapKind.EXECUTIVE, unit=tree.lc, members=10, day=DAY).cap == 55


def test_the_caps_are_dated(tree):
    SizeCap.objects.filter(what=CapKind.EXECUTIVE).update(valid_to=D(2025, 12, 31))
    SizeCap.objects.create(
        what=CapKind.EXECUTIVE,
        unit_kind=tree.g1.kind,
        min_members=0,
        cap=7,
        source="Quy định mới",
        valid_from=D(2026, 1, 1),
    )
    assert cap_for(CapKind.EXECUTIVE, unit=tree.g1, members=10, day=D(2025, 12, 31)).cap == 3
    assert cap_for(CapKind.EXECUTIVE, unit=tree.g1, members=10, day=D(2026, 1, 1)).cap == 7


def _fill(term, n, kind=BodyKind.EXECUTIVE, prefix="Ủy viên"):
    for i in range(n):
        services.seat_add(scope=SYSTEM, term=term, kind=kind, full_name=f"{prefix} số {i + 1}")


@pytest.mark.parametrize(("members", "cap"), [(49, 3), (50, 5), (149, 5), (150, 9)])
def test_the_executive_committee_is_refused_beyond_its_cap_naming_it(tree, members, cap):
    term = held(tree.g1, members_count=members).term
    _fill(term, cap)
    with pytest.raises(ValidationError) as exc:
        services.seat_add(scope=SYSTEM, term=term, kind=BodyKind.EXECUTIVE, full_name="Người thừa")
    assert f"tối đa {cap} ủy viên" in str(exc.value)
    assert term.bodies.get(kind=BodyKind.EXECUTIVE).seats.count() == cap


@pytest.mark.parametrize(("executive", "allowed"), [(8, None), (9, 3), (11, 3), (12, 4)])
def test_the_standing_committee_needs_nine_and_at_most_a_third(tree, executive, allowed):
    term = held(tree.g1, members_count=3000).term  # cap 15
    _fill(term, executive)
    if allowed is None:
        with pytest.raises(ValidationError, match="từ 9 ủy viên trở lên"):
            services.seat_add(scope=SYSTEM, term=term, kind=BodyKind.STANDING, full_name="Ủy viên số 1")
        return
    _fill(term, allowed, BodyKind.STANDING)
    with pytest.raises(ValidationError, match=f"tối đa {allowed} người"):
        services.seat_add(
            scope=SYSTEM, term=term, kind=BodyKind.STANDING, full_name=f"Ủy viên số {allowed + 1}"
        )


def test_a_standing_member_must_sit_on_the_executive_committee(tree):
    term = held(tree.g1, members_count=3000).term
    _fill(term, 9)
    with pytest.raises(ValidationError, match="chưa có trong Ban Chấp hành"):
        services.seat_add(scope=SYSTEM, term=term, kind=BodyKind.STANDING, full_name="Người ngoài")


def test_one_chair_and_no_one_twice(tree):
    term = held(tree.g1).term
    services.seat_add(
        scope=SYSTEM, term=term, kind=BodyKind.EXECUTIVE, role=SeatRole.CHAIR, full_name="Lê An"
    )
    with pytest.raises(ValidationError, match="đã có người giữ chức"):
        services.seat_add(
            scope=SYSTEM, term=term, kind=BodyKind.EXECUTIVE, role=SeatRole.CHAIR, full_name="Lê Bình"
        )
    with pytest.raises(ValidationError, match="đã có trong Ban Chấp hành"):
        services.seat_add(scope=SYSTEM, term=term, kind=BodyKind.EXECUTIVE, full_name="lê  an")


@pytest.mark.parametrize(
    ("members", "form", "delegates", "error"),
    [
        (199, CongressForm.DELEGATES, None, "dưới 200"),
        (200, CongressForm.DELEGATES, None, None),
        (200, CongressForm.DELEGATES, 100, None),
        (499, CongressForm.DELEGATES, 101, "tối đa 100 người"),
        (500, CongressForm.DELEGATES, 150, None),
        (500, CongressForm.DELEGATES, 151, "tối đa 150 người"),
        (40, CongressForm.ALL_MEMBERS, 30, "Chỉ đại hội đại biểu"),
        (40, CongressForm.CONFERENCE, None, "văn bản đồng ý"),
    ],
)
def test_the_congress_form_and_delegates_by_member_count(tree, members, form, delegates, error):
    congress = make_congress(tree.g1)

    def record():
        return services.congress_record(
            scope=SYSTEM,
            congress=congress,
            held_on=D(2023, 5, 10),
            members_count=members,
            delegates=delegates,
            form=form,
        )

    if error is None:
        assert record().held_on == D(2023, 5, 10)
    else:
        with pytest.raises(ValidationError, match=error):
            record()
        congress.refresh_from_db()
        assert congress.held_on is None


def test_an_upper_level_always_holds_a_delegate_congress(tree):
    congress = make_congress(tree.bt, form=CongressForm.DELEGATES)
    recorded = services.congress_record(
        scope=SYSTEM, congress=congress, held_on=D(2023, 5, 1), members_count=80, delegates=80
    )
    assert recorded.form == CongressForm.DELEGATES
