"""Browser test of the money bug (issue 19 §1): "1.000.000" typed in "Số tiền mỗi người" on the pick page
is saved as 1.000.000 đ — not 1 đ — on a desktop and on a 390×844 phone."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def programme(transactional_db):
    from congdoan.welfare.tests.conftest import make_member, make_programme
    from tests.factories import build_tree

    tree = build_tree()
    member = make_member(tree.g1, "Nguyễn Thị Hoa")
    return make_programme(tree.bt, standard_amount=1_000_000), member


@pytest.mark.parametrize("viewport", [(1366, 900), (390, 844)], ids=["desktop", "phone"])
def test_an_amount_typed_with_dots_on_the_pick_page_is_saved_whole(programme, viewport, page, live_server):
    from congdoan.welfare.models import Payment

    programme, member = programme
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "coso")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page).not_to_have_url(re.compile(r"/login/"))

    page.goto(f"{live_server.url}/welfare/programmes/{programme.pk}/pick/")
    page.locator(f"#m{member.pk}").check()
    amount = page.get_by_label("Số tiền mỗi người (đồng)")
    amount.click()
    amount.press_sequentially("1.000.000")
    expect(amount).to_have_value("1.000.000")
    page.get_by_role("button", name="Thêm vào danh sách").click()

    expect(page.locator("body")).to_contain_text("Đã thêm người được hỗ trợ vào danh sách.")
    expect(page.locator("body")).to_contain_text("1.000.000 đ")
    assert list(Payment.objects.filter(programme=programme).values_list("amount", flat=True)) == [1_000_000]
