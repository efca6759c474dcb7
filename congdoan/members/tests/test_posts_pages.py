"""The pages that correct, end and delete a union post."""

import datetime as dt

from congdoan.members.models import UnionPost

from .conftest import admit_active, post_state

D = dt.date


state = post_state


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
    assert 'value="Chủ tịch CĐCS"' in form and 'value="01/03/2020"' in form
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
