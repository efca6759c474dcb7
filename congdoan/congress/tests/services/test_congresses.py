"""Planning and recording a congress, appointed terms, and the union posts that follow the bodies."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.congress import services
from congdoan.congress.constants import BodyKind, SeatRole
from congdoan.congress.tests.conftest import SYSTEM, held, make_congress, make_member
from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.members.selectors import members_with_posts_within

D = dt.date


def test_a_congress_takes_its_deadline_from_the_closest_plan_above(tree, plan):
    congress = make_congress(tree.g1)
    assert (congress.plan, congress.deadline, congress.ordinal) == (plan, D(2023, 3, 31), 1)
    assert make_congress(tree.g1, start=2028).ordinal == 2
    assert make_congress(tree.g4).plan is None  # Đà Nẵng has no plan


@pytest.mark.parametrize(
    ("start", "end", "error"),
    [
        (2023, 2028, None),
        (2025, 2028, None),
        (2023, 2023, "không quá 5 năm"),
        (2023, 2029, "không quá 5 năm"),
    ],
)
def test_term_years(tree, start, end, error):
    def create():
        return services.congress_create(
            scope=SYSTEM, unit=tree.g1, start_year=start, end_year=end, form="all_members"
        )

    if error:
        with pytest.raises(ValidationError, match=error):
            create()
    else:
        assert create().term.label == f"{start}–{end}"


def test_one_congress_per_term_and_per_ordinal(tree):
    make_congress(tree.g1, ordinal=5)
    with pytest.raises(ValidationError, match="đã có nhiệm kỳ bắt đầu năm 2023"):
        make_congress(tree.g1)
    with pytest.raises(ValidationError, match="đã có đại hội lần thứ 5"):
        make_congress(tree.g1, start=2028, ordinal=5)


@pytest.mark.parametrize(
    ("day", "error"),
    [(D(2022, 12, 1), None), (D(2023, 5, 1), None), (D(2021, 12, 31), "từ năm 2022"), (None, "chưa đến")],
)
def test_the_day_held(tree, day, error):
    congress = make_congress(tree.g1)
    day = day or today() + dt.timedelta(days=1)
    if error:
        with pytest.raises(ValidationError, match=error):
            services.congress_record(scope=SYSTEM, congress=congress, held_on=day, members_count=10)
    else:
        assert services.congress_record(
            scope=SYSTEM, congress=congress, held_on=day, members_count=10
        ).is_held


def test_only_the_unit_and_the_levels_above_record_it(tree):
    congress = make_congress(tree.g1)
    with pytest.raises(PermissionDenied):
        services.congress_record(
            scope=Scope.for_user(tree.other_province_officer), congress=congress, held_on=D(2023, 5, 1)
        )
    assert services.congress_record(
        scope=Scope.for_user(tree.grassroots_officer),
        congress=congress,
        held_on=D(2023, 5, 1),
        members_count=9,
    ).is_held


def test_the_members_elected_get_their_posts_and_the_last_terms_end(tree):
    chair, vice = make_member(tree.g1, "Phạm Thị Mai"), make_member(tree.g1, "Lò Văn Sáng")
    first = held(tree.g1, day=D(2018, 5, 1), start=2018)
    services.seat_add(
        scope=SYSTEM, term=first.term, kind=BodyKind.EXECUTIVE, role=SeatRole.CHAIR, member=chair
    )
    assert [(p.title, p.valid_from, p.valid_to) for p in chair.posts.all()] == [
        ("Chủ tịch — CĐCS Công ty Apatit Việt Nam", D(2018, 5, 1), None)
    ]
    second = make_congress(tree.g1)
    seat = services.seat_add(
        scope=SYSTEM, term=second.term, kind=BodyKind.EXECUTIVE, member=vice, is_full_time=True
    )
    assert seat.post is None  # not in office before the congress
    services.congress_record(scope=SYSTEM, congress=second, held_on=D(2023, 4, 20), members_count=40)
    post = chair.posts.get()
    assert post.valid_to == D(2023, 4, 19)
    assert list(vice.posts.values_list("title", "valid_from", "valid_to", "is_full_time")) == [
        ("Ủy viên Ban Chấp hành — CĐCS Công ty Apatit Việt Nam", D(2023, 4, 20), None, True)
    ]
    seat.refresh_from_db()
    services.seat_remove(scope=SYSTEM, seat=seat)
    assert not vice.posts.exists()


def test_an_appointed_term_for_a_founded_unit(tree):
    member = make_member(tree.g2, "Đỗ Thị Hằng")
    with pytest.raises(PermissionDenied):
        services.term_appoint(
            scope=Scope.for_user(tree.grassroots_officer),
            unit=tree.g1,
            start_year=2025,
            end_year=2028,
            decision_no="12/QĐ-CĐX",
            decision_date=D(2025, 9, 1),
        )
    term = services.term_appoint(
        scope=Scope.for_user(tree.commune_officer),
        unit=tree.g2,
        start_year=2025,
        end_year=2028,
        decision_no="12/QĐ-CĐX",
        decision_date=D(2025, 9, 1),
    )
    services.seat_add(scope=SYSTEM, term=term, kind=BodyKind.EXECUTIVE, role=SeatRole.CHAIR, member=member)
    assert member.posts.get().valid_from == D(2025, 9, 1)


def test_the_recognising_decision_comes_after_the_congress(tree):
    congress = make_congress(tree.g1)
    with pytest.raises(ValidationError, match="sau khi đại hội"):
        services.term_recognise(
            scope=SYSTEM,
            term=congress.term,
            decision_no="1/QĐ",
            decision_date=D(2023, 5, 1),
            signer_name="A",
            signer_title="Chủ tịch",
        )
    congress = services.congress_record(
        scope=SYSTEM, congress=congress, held_on=D(2023, 5, 1), members_count=9
    )
    services.seat_add(scope=SYSTEM, term=congress.term, kind=BodyKind.EXECUTIVE, full_name="Lê Văn Tám")
    with pytest.raises(ValidationError, match="trước ngày đại hội"):
        services.term_recognise(
            scope=SYSTEM,
            term=congress.term,
            decision_no="1/QĐ",
            decision_date=D(2023, 4, 1),
            signer_name="A",
            signer_title="Chủ tịch",
        )
    with pytest.raises(PermissionDenied):
        services.term_recognise(
            scope=Scope.for_user(tree.grassroots_officer),
            term=congress.term,
            decision_no="1/QĐ",
            decision_date=D(2023, 5, 9),
            signer_name="A",
            signer_title="Chủ tịch",
        )
    term = services.term_recognise(
        scope=Scope.for_user(tree.commune_officer),
        term=congress.term,
        decision_no="25/QĐ-CĐX",
        decision_date=D(2023, 5, 9),
        signer_name="Hoàng Văn Dũng",
        signer_title="Chủ tịch",
    )
    assert term.decision_no == "25/QĐ-CĐX"


def test_the_medal_candidates_include_the_members_elected(tree):
    member = make_member(tree.g1, "Lò Thị Hương")
    term = held(tree.g1, day=D(2023, 5, 1)).term
    assert member not in members_with_posts_within(scope=SYSTEM, unit=tree.lc)
    services.seat_add(scope=SYSTEM, term=term, kind=BodyKind.INSPECTION, role=SeatRole.CHAIR, member=member)
    assert list(members_with_posts_within(scope=SYSTEM, unit=tree.lc)) == [member]
    assert member.posts.get().title == "Chủ nhiệm Ủy ban Kiểm tra — CĐCS Công ty Apatit Việt Nam"


@pytest.mark.parametrize(
    ("held_on", "deadline", "state"),
    [
        (D(2023, 3, 31), D(2023, 3, 31), "held"),
        (D(2023, 4, 1), D(2023, 3, 31), "held_late"),
        (None, D(2023, 3, 31), "late"),
        (None, D(2023, 4, 1), "pending"),
        (None, None, "pending"),
    ],
)
def test_the_state_against_the_deadline(held_on, deadline, state):
    from congdoan.congress.models import Congress

    assert Congress(held_on=held_on, deadline=deadline).state_on(D(2023, 4, 1)) == state
