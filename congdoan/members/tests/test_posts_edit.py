"""Union posts can be corrected, ended and deleted (when entered by mistake), in scope, checked and audited."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.members import services
from congdoan.members.models import UnionPost

from .conftest import SYSTEM, admit_active

D = dt.date


@pytest.fixture
def chair(tree):
    """Nguyễn Văn An (born 17/05/1990), CĐCS chair at Apatit since 2020."""
    member = admit_active(tree.g1)
    post = services.post_add(scope=SYSTEM, member=member, title="Chủ tịch CĐCS", valid_from=D(2020, 3, 1))
    return member, post


def state():
    return list(
        UnionPost.objects.order_by("pk").values_list("pk", "title", "valid_from", "valid_to", "is_full_time")
    )


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
def test_the_member_page_links_to_editing_and_deleting_each_post(tree, chair, login):
    member, post = chair
    page = login(tree.grassroots_officer).get(f"/members/{member.pk}/").content.decode()
    assert f"/members/{member.pk}/posts/{post.pk}/edit/" in page
    assert f"/members/{member.pk}/posts/{post.pk}/delete/" in page
    viewer = login(tree.viewer).get(f"/members/{member.pk}/").content.decode()
    assert "Chủ tịch CĐCS" in viewer and f"/posts/{post.pk}/edit/" not in viewer


def test_ending_a_post_through_the_page(tree, chair, login):
    member, post = chair
    client = login(tree.grassroots_officer)
    url = f"/members/{member.pk}/posts/{post.pk}/edit/"
    form = client.get(url).content.decode()
    assert 'value="Chủ tịch CĐCS"' in form and 'value="2020-03-01"' in form
    response = client.post(
        url, {"title": "Chủ tịch CĐCS", "valid_from": "01/03/2020", "valid_to": "30/06/2025"}
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.valid_to == D(2025, 6, 30)
    page = client.get(f"/members/{member.pk}/").content.decode()
    assert "30/06/2025" in page


def test_the_edit_page_shows_the_date_error_on_the_end_field(tree, chair, login):
    member, post = chair
    client = login(tree.grassroots_officer)
    page = client.post(
        f"/members/{member.pk}/posts/{post.pk}/edit/",
        {"title": "Chủ tịch CĐCS", "valid_from": "01/03/2020", "valid_to": "01/01/2020"},
    ).content.decode()
    assert "Ngày kết thúc không được trước ngày bắt đầu (01/03/2020)." in page
    post.refresh_from_db()
    assert post.valid_to is None


def test_deleting_a_post_through_the_page_asks_first(tree, chair, login):
    member, post = chair
    client = login(tree.grassroots_officer)
    url = f"/members/{member.pk}/posts/{post.pk}/delete/"
    confirm = client.get(url).content.decode()
    assert "Xoá chức vụ “Chủ tịch CĐCS” (từ 01/03/2020)" in confirm
    assert UnionPost.objects.filter(pk=post.pk).exists()
    assert client.post(url).status_code == 302
    assert not UnionPost.objects.filter(pk=post.pk).exists()


def test_a_viewer_gets_no_edit_page_and_another_members_post_is_not_found(tree, chair, login):
    member, post = chair
    other = admit_active(tree.g1, full_name="Lê Thị Hoa")
    assert login(tree.viewer).get(f"/members/{member.pk}/posts/{post.pk}/edit/").status_code == 403
    client = login(tree.grassroots_officer)
    assert client.get(f"/members/{other.pk}/posts/{post.pk}/edit/").status_code == 404
    assert client.post(f"/members/{other.pk}/posts/{post.pk}/delete/").status_code == 404
    assert UnionPost.objects.filter(pk=post.pk).exists()


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
