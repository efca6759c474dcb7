import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.members import stats
from congdoan.members.models import Member
from congdoan.party import services
from congdoan.party.constants import IntroStatus
from congdoan.party.models import Introduction

from ..conftest import SYSTEM, introduce, make_member

D = dt.date


def _refresh(member):
    return Member.objects.get(pk=member.pk)


def test_introduce_sets_member_dates_and_ledger(tree, member):
    intro = introduce(member, on=D(2025, 3, 1))
    assert intro.unit == tree.g1 and intro.status == IntroStatus.INTRODUCED
    m = _refresh(member)
    assert (m.party_status, m.party_introduced_on, m.party_admitted_on) == ("introduced", D(2025, 3, 1), None)
    assert stats.party_between(unit=tree.lc, start=D(2025, 1, 1), end=D(2025, 12, 31)) == 1
    assert Event.objects.filter(action="party.introduce", object_id=str(intro.pk)).exists()


def test_full_pipeline_to_admission(tree, member):
    intro = introduce(member, on=D(2025, 3, 1))
    services.introduction_move(scope=SYSTEM, introduction=intro, to="training", on=D(2025, 4, 1))
    services.introduction_move(
        scope=SYSTEM, introduction=intro, to="admitted", on=D(2026, 2, 3), decision_no="112-QĐ/ĐU"
    )
    intro.refresh_from_db()
    assert (intro.status, intro.admitted_on, intro.decision_no) == ("admitted", D(2026, 2, 3), "112-QĐ/ĐU")
    m = _refresh(member)
    assert (m.party_status, m.party_admitted_on) == ("admitted", D(2026, 2, 3))
    year = {"start": D(2026, 1, 1), "end": D(2026, 12, 31)}
    assert stats.party_between(unit=tree.bt, admitted=True, **year) == 1
    assert stats.party_between(unit=tree.bt, **year) == 0


@pytest.mark.parametrize(
    "steps, move, message",
    [
        ([], {"to": "admitted", "decision_no": "1-QĐ"}, "không chuyển sang"),  # training first
        ([("training", D(2025, 4, 1))], {"to": "training"}, "không chuyển sang"),
        ([("withdrawn", D(2025, 4, 1))], {"to": "training"}, "không chuyển sang"),
        ([("training", D(2025, 4, 1))], {"to": "admitted", "decision_no": "  "}, "số quyết định"),
        ([], {"to": "training", "on": D(2025, 2, 1)}, "trước ngày của bước trước"),
        (
            [("training", D(2025, 4, 1))],
            {"to": "admitted", "on": D(2025, 3, 20), "decision_no": "1"},
            "trước",
        ),
        ([], {"to": "withdrawn", "reason": ""}, "lý do"),
        ([], {"to": "training", "on": D(2099, 1, 1)}, "chưa đến"),
        ([], {"to": "expelled"}, "không hợp lệ"),
    ],
)
def test_wrong_moves_are_refused(tree, member, steps, move, message):
    intro = introduce(member, on=D(2025, 3, 1))
    for to, on in steps:
        services.introduction_move(scope=SYSTEM, introduction=intro, to=to, on=on, reason="Chuyển công tác")
    intro.refresh_from_db()
    before = (intro.status, intro.version, _refresh(member).party_status)
    args = {"on": D(2025, 6, 1), **move}
    with pytest.raises(ValidationError) as exc:
        services.introduction_move(scope=SYSTEM, introduction=intro, **args)
    assert message in " ".join(exc.value.messages)
    intro.refresh_from_db()
    assert (intro.status, intro.version, _refresh(member).party_status) == before


@pytest.mark.parametrize(
    "setup, fields, message",
    [
        ("open", {}, "đang được giới thiệu"),
        ("admitted", {}, "đã là đảng viên"),
        (None, {"introduced_on": D(2014, 1, 1)}, "chưa (hoặc không còn) sinh hoạt"),
        (None, {"introduced_on": D(2099, 1, 1)}, "chưa đến"),
        (None, {"resolution_no": " "}, "số nghị quyết"),
        (None, {"party_cell": ""}, "tên chi bộ"),
        (None, {"mentors": ""}, "đảng viên giúp đỡ"),
        ("closed", {"introduced_on": D(2025, 3, 5)}, "lần giới thiệu trước"),
    ],
)
def test_bad_introductions_are_refused(tree, member, setup, fields, message):
    if setup == "open":
        introduce(member)
    elif setup == "admitted":
        Member.objects.filter(pk=member.pk).update(party_status="admitted", party_admitted_on=D(2020, 1, 1))
        member.refresh_from_db()
    elif setup == "closed":
        first = introduce(member, on=D(2025, 3, 1))
        services.introduction_move(scope=SYSTEM, introduction=first, to="not_admitted", on=D(2025, 9, 1))
    count = Introduction.objects.count()
    member.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        introduce(member, **fields)
    assert message in " ".join(exc.value.messages)
    assert Introduction.objects.count() == count


def test_reintroduction_after_not_admitted(tree, member):
    first = introduce(member, on=D(2024, 3, 1))
    services.introduction_move(scope=SYSTEM, introduction=first, to="not_admitted", on=D(2024, 9, 1))
    m = _refresh(member)
    assert (m.party_status, m.party_introduced_on) == ("", D(2024, 3, 1))
    second = introduce(m, on=D(2025, 5, 1))
    assert second.status == "introduced"
    assert _refresh(member).party_introduced_on == D(2025, 5, 1)


def test_outside_scope_and_viewer_are_refused(tree, member):
    for user in (tree.other_province_officer, tree.viewer):
        with pytest.raises(PermissionDenied):
            introduce(member, scope=Scope.for_user(user))
    intro = introduce(member)
    with pytest.raises(PermissionDenied):
        services.introduction_move(
            scope=Scope.for_user(tree.viewer), introduction=intro, to="training", on=D(2025, 4, 1)
        )


def test_stale_version_is_refused(tree, member):
    intro = introduce(member)
    services.introduction_move(scope=SYSTEM, introduction=intro, to="training", on=D(2025, 4, 1), version=0)
    with pytest.raises(ValidationError):
        services.introduction_update(
            scope=SYSTEM, introduction=intro, resolution_no="6", party_cell="x", mentors="y", version=0
        )


def test_introducing_unit_is_the_union_of_the_day(tree):
    member = make_member(tree.g2, "Vàng Thị Dợ", joined=D(2020, 1, 1))
    intro = introduce(member, on=D(2023, 1, 1))
    assert intro.unit == tree.g2
