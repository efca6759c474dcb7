"""A national administrator changes an award kind's effective dates through the in-app catalogue (desktop)."""

import datetime as dt

from playwright.sync_api import expect


def _log_in(page, base_url: str, username: str) -> None:
    """conftest.log_in, less its check that the navbar shows the user's unit: a national administrator's
    navbar holds more entries than 1366 px (until the navbar collapses behind a toggler)."""
    from congdoan.demo.scenario import DEMO_PASSWORD

    page.goto(f"{base_url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page.get_by_role("link", name="Danh mục", exact=True)).to_be_attached()


def test_a_national_admin_ends_an_award_kind_through_the_catalogue_page(org_demo, page, browser_errors):
    from congdoan.audit.models import Event
    from congdoan.emulation.models import AwardKind

    kind = AwardKind.objects.get(code="bang_khen_ldld", valid_to__isnull=True)
    assert kind.valid_to is None
    _log_in(page, org_demo.url, "trunguong")
    page.get_by_role("link", name="Danh mục", exact=True).click()
    page.get_by_role("link", name="Danh mục khen thưởng và chỉ tiêu khen thưởng").click()
    page.locator(f'a[href="/emulation/catalogue/kinds/{kind.pk}/edit/"]').click()

    expect(page.locator("#id_valid_to")).to_have_attribute("placeholder", "dd/mm/yyyy")
    page.fill("#id_valid_to", "")
    page.type("#id_valid_to", "31122026")  # the mask writes the slashes
    expect(page.locator("#id_valid_to")).to_have_value("31/12/2026")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Lưu").click()

    expect(page.locator(".alert-success")).to_contain_text("Đã lưu danh mục khen thưởng")
    expect(page.locator(f'[data-kind-dates="{kind.pk}"]')).to_contain_text("31/12/2026")
    kind.refresh_from_db()
    assert kind.valid_to == dt.date(2026, 12, 31)
    event = Event.objects.get(action="emulation.award_kind_save")
    assert event.actor.username == "trunguong" and event.after["valid_to"] == "2026-12-31"
    assert browser_errors() == []
