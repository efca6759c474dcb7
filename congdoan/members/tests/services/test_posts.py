"""Union posts can be corrected, ended and deleted (when entered by mistake), in scope, checked and audited."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.members import services
from congdoan.members.models import UnionPost

from ..conftest import post_state

D = dt.date


state = post_state


def test_ending_a_post_sets_its_last_day_and_records_before_and_after(tree, chair):
    member, post = chair
    services.post_update(
        scope=Scope.for_user(tree.grassroots_officer),
        post=post,
        title="Chủ tịch CĐCS",
        valid_from=D(2020, 3, 1),
        valid_to=D(2025, 6, 30),
        is_full_time=True,
    )
    post.refresh_from_db()
    assert (post.valid_to, post.is_full_time) == (D(2025, 6, 30), True)
    event = Event.objects.get(action="member.post_update")
    assert event.actor == tree.grassroots_officer and event.object_id == str(member.pk)
    assert event.before["valid_to"] is None and event.after["valid_to"] == "2025-06-30"
    assert "thôi giữ chức vụ “Chủ tịch CĐCS” từ sau ngày 30/06/2025" in event.summary


def test_correcting_a_post_changes_its_title_and_start(tree, chair):
    _member, post = chair
    services.post_update(
        scope=Scope.for_user(tree.grassroots_officer),
        post=post,
        title="  Phó Chủ tịch   CĐCS ",
        valid_from=D(2019, 1, 15),
    )
    post.refresh_from_db()
    assert (post.title, post.valid_from, post.valid_to) == ("Phó Chủ tịch CĐCS", D(2019, 1, 15), None)
    event = Event.objects.get(action="member.post_update")
    assert event.before["title"] == "Chủ tịch CĐCS" and event.after["valid_from"] == "2019-01-15"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        (
            {"valid_to": D(2020, 2, 28)},
            "valid_to",
            "Ngày kết thúc không được trước ngày bắt đầu (01/03/2020)",
        ),
        ({"valid_from": D(2005, 5, 16)}, "valid_from", "đủ 15 tuổi (17/05/2005)"),
        ({"title": "   "}, "title", "Cần nhập chức vụ."),
        ({"valid_from": None}, "valid_from", "Cần nhập ngày bắt đầu."),
    ],
)
def test_bad_dates_or_a_blank_title_are_refused_on_the_field_and_nothing_changes(
    tree, chair, changes, field, words
):
    _member, post = chair
    before = state()
    data = {"title": "Chủ tịch CĐCS", "valid_from": D(2020, 3, 1), "valid_to": None, **changes}
    with pytest.raises(ValidationError) as exc:
        services.post_update(scope=Scope.for_user(tree.grassroots_officer), post=post, **data)
    assert words in " ".join(exc.value.message_dict[field])
    assert state() == before
    assert not Event.objects.filter(action="member.post_update").exists()


def test_a_post_may_start_on_the_fifteenth_birthday(tree, chair):
    _member, post = chair
    services.post_update(
        scope=Scope.for_user(tree.grassroots_officer), post=post, title="Tổ trưởng", valid_from=D(2005, 5, 17)
    )
    post.refresh_from_db()
    assert post.valid_from == D(2005, 5, 17)


def test_deleting_a_post_entered_by_mistake_removes_it_and_keeps_it_in_the_audit_log(tree, chair):
    member, post = chair
    services.post_delete(scope=Scope.for_user(tree.grassroots_officer), post=post)
    assert not UnionPost.objects.filter(member=member).exists()
    event = Event.objects.get(action="member.post_delete")
    assert event.before == {
        "title": "Chủ tịch CĐCS",
        "unit": "LCI.BT.001",
        "valid_from": "2020-03-01",
        "valid_to": None,
        "is_full_time": False,
    }
    assert "Xoá chức vụ “Chủ tịch CĐCS” (từ 01/03/2020)" in event.summary


def test_an_officer_of_another_unit_can_neither_edit_nor_delete_the_post(tree, chair):
    _member, post = chair
    before = state()
    with pytest.raises(PermissionDenied):
        services.post_update(
            scope=Scope.for_user(tree.other_province_officer), post=post, title="X", valid_from=D(2020, 3, 1)
        )
    with pytest.raises(PermissionDenied):
        services.post_delete(scope=Scope.for_user(tree.other_province_officer), post=post)
    assert state() == before


# -- pages ----------------------------------------------------------------------------------------


def test_adding_a_post_before_the_fifteenth_birthday_is_refused_and_nothing_saved(tree, chair):
    member, _post = chair
    with pytest.raises(ValidationError) as err:
        services.post_add(
            scope=Scope.for_user(tree.grassroots_officer),
            member=member,
            title="Tổ phó",
            valid_from=D(2005, 5, 16),
        )
    assert "đủ 15 tuổi (17/05/2005)" in str(err.value.message_dict["valid_from"])
    assert UnionPost.objects.filter(member=member).count() == 1
