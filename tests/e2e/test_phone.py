"""Issue 19 §4: the site on a phone (390×844). Every main page, as the grassroots (`coso`) and the
province (`tinh`) officer, on the small demo: the page never scrolls sideways, the menu opens through
its toggler, and the page's primary action is visible and can be clicked."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo(transactional_db, live_server, settings):
    """The small demo (units, members, reports, welfare, emulation) served by the live server."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from congdoan.demo import loader
    from congdoan.org.models import Unit
    from congdoan.targets.models import Report

    loader.load("small", out=lambda *_: None)
    unit = {u.code: u for u in Unit.objects.all()}
    report = Report.objects.filter(unit__code="LCI.BT.001").order_by("-period_start").first()
    return SimpleNamespace(url=live_server.url, unit=unit, report=report)


def _pages(demo, who: str) -> list[tuple[str, str]]:
    """(path, CSS selector of the page's primary action) for the main pages of ``who``."""
    own = demo.unit["LCI.BT.001"] if who == "coso" else demo.unit["LCI"]
    pages = [
        ("/", "main a.dashboard-link"),
        ("/units/", "main form button"),
        (f"/units/{own.pk}/", "#unit-links a"),
        (f"/units/{own.pk}/dashboard/", "#period-form button"),
        ("/members/", "main form button"),
        ("/members/new/", "main form button"),
        ("/members/batches/", "main a.btn, main button.btn"),
        ("/members/transfers/", "main h1"),
        ("/members/statistics/", "#stats-form .btn-primary"),
        ("/targets/", "main .btn-primary, main button.btn"),
        ("/targets/inbox/", "main h1"),
        ("/welfare/", "main .btn-primary, main a.btn"),
        ("/emulation/", "main a"),
        ("/clusters/", "main h1"),
        ("/audit/", "#audit-log a"),
        ("/profile/", "main h1"),
    ]
    if demo.report is not None:
        pages.append((f"/targets/reports/{demo.report.pk}/", "main .btn-primary, main a.btn"))
    if who == "tinh":
        pages += [
            (f"/targets/units/{own.pk}/completeness/", "main form button"),
            (f"/targets/units/{own.pk}/rollup/", "main form button"),
            (f"/targets/units/{own.pk}/evaluation/", "main h1"),
            ("/welfare/registrations/", "main h1"),
            ("/emulation/movements/", "main h1"),
            ("/emulation/nominations/", "main h1"),
            ("/emulation/decisions/", "main h1"),
        ]
    return pages


def _check_page(page, base: str, path: str, primary: str) -> list[str]:
    problems = []
    response = page.goto(base + path)
    if response is None or response.status >= 400:
        return [f"{path}: HTTP {response.status if response else '—'}"]
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if width > inner:
        wide = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .filter(e => !e.closest('table, .table-responsive, .chart, .collapse:not(.show)'))
                .slice(0, 3).map(e => e.tagName + '.' + e.className + ' ' + (e.id || ''))"""
        )
        problems.append(f"{path}: scrollWidth {width} > {inner} ({wide})")
    action = page.locator(primary).first
    try:
        action.scroll_into_view_if_needed(timeout=3000)
        expect(action).to_be_visible(timeout=3000)
        if action.evaluate("e => e.matches('a, button, input, select')"):
            expect(action).to_be_enabled(timeout=3000)
            action.click(trial=True, timeout=3000)  # actionable: visible, stable, not covered
            box = action.bounding_box()
            if box["height"] < 44 and not action.evaluate("e => !!e.closest('.navbar, table, .breadcrumb')"):
                problems.append(f"{path}: {primary} is {box['height']:.0f} px high (< 44)")
    except AssertionError as exc:
        problems.append(f"{path}: {primary} not usable ({str(exc).splitlines()[0]})")
    except Exception as exc:  # noqa: BLE001 - collect every page's problem, report them together
        problems.append(f"{path}: {primary} not usable ({type(exc).__name__}: {str(exc).splitlines()[0]})")
    return problems


def _menu_opens_through_the_toggler(page) -> None:
    toggler = page.locator(".navbar-toggler")
    menu = page.locator("#main-menu")
    expect(toggler).to_be_visible()
    expect(page.get_by_role("link", name="Đoàn viên", exact=True)).to_be_hidden()
    box = toggler.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    for name in ["Tổ chức", "Đoàn viên", "Chỉ tiêu, báo cáo", "Chăm lo", "Thi đua, khen thưởng"]:
        expect(menu.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(menu.get_by_role("button", name="Đăng xuất")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.keyboard.press("Escape")
    expect(toggler).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()
    toggler.click()
    menu.get_by_role("link", name="Đoàn viên", exact=True).click()
    expect(page).to_have_url(re.compile(r"/members/$"))
    expect(page.locator("#main-menu")).to_be_hidden()  # a new page starts with the menu closed


def _wide_table_scrolls_in_its_own_box(page, demo) -> None:
    """The province's roll-up (a column per commune) is wider than a phone: it scrolls inside its own
    box, the page does not, and the indicator column stays in view."""
    page.goto(f"{demo.url}/targets/units/{demo.unit['LCI'].pk}/rollup/")
    table = page.locator("#rollup-table")
    expect(table).to_be_visible()
    box = "(t.closest('.table-responsive') || t)"  # the box that scrolls: a wrapper, or the table itself
    scroll, client = table.evaluate(f"t => [{box}.scrollWidth, {box}.clientWidth]")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert scroll > client, (scroll, client)
    first = table.locator("tbody tr > :first-child").first
    left_before = first.bounding_box()["x"]
    table.evaluate(f"t => {{ {box}.scrollLeft = 200; }}")
    assert table.evaluate(f"t => {box}.scrollLeft") > 0
    assert abs(first.bounding_box()["x"] - left_before) < 1  # the first column stays in view


def _skip_link_jumps_to_the_content(page, base: str) -> None:
    page.goto(f"{base}/units/")
    skip = page.get_by_role("link", name="Bỏ qua đến nội dung chính")
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


@pytest.mark.parametrize("who", ["coso", "tinh"])
def test_every_main_page_fits_a_phone_with_a_usable_menu_and_primary_action(demo, page, browser_errors, who):
    page.set_viewport_size(PHONE)
    log_in(page, demo.url, who)
    _menu_opens_through_the_toggler(page)
    problems = []
    for path, primary in _pages(demo, who):
        problems += _check_page(page, demo.url, path, primary)
    assert problems == [], "\n".join(problems)
    if who == "tinh":
        _wide_table_scrolls_in_its_own_box(page, demo)
        _skip_link_jumps_to_the_content(page, demo.url)
        _contrast_at_least_4_5(page, demo)
        page.set_viewport_size({"width": 1366, "height": 900})  # a desktop: the menu is open, no toggler
        expect(page.locator(".navbar-toggler")).to_be_hidden()
        expect(page.get_by_role("link", name="Đoàn viên", exact=True)).to_be_visible()
    assert browser_errors() == []


def _ratio(page, selector: str) -> float:
    """WCAG contrast ratio of an element's text against the first opaque background behind it."""
    return page.locator(selector).first.evaluate(
        """e => {
            const rgb = s => s.match(/[\\d.]+/g).map(Number);
            const lum = ([r, g, b]) => {
                const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
            };
            let bg = e, colour;
            while (bg) {
                colour = rgb(getComputedStyle(bg).backgroundColor);
                if (colour.length < 4 || colour[3] > 0.9) break;
                bg = bg.parentElement;
            }
            if (!bg) colour = [255, 255, 255];
            const fg = rgb(getComputedStyle(e).color);
            const [a, b] = [lum(fg), lum(colour)].sort((x, y) => y - x);
            return (a + 0.05) / (b + 0.05);
        }"""
    )


def _contrast_at_least_4_5(page, demo) -> None:
    """Navbar links, links and grey buttons against their background (WCAG AA, 4.5:1)."""
    page.goto(f"{demo.url}/units/{demo.unit['LCI'].pk}/")
    for selector in [".navbar-brand", "#unit-links .nav-link", "main a:not(.btn)", ".breadcrumb a"]:
        assert _ratio(page, selector) >= 4.5, selector
    page.set_viewport_size({"width": 1366, "height": 900})
    assert _ratio(page, ".navbar .nav-link") >= 4.5
    page.goto(f"{demo.url}/targets/")
    for selector in [".btn-outline-secondary", ".text-muted", ".btn-primary"]:
        if page.locator(selector).count():
            assert _ratio(page, selector) >= 4.5, selector
    page.set_viewport_size(PHONE)


def test_the_national_administrators_long_menu_fits_a_1366_laptop(org_demo, page, browser_errors):
    """With "Tài khoản", "Danh mục", "Thông báo" and "Quản trị" the expanded menu was 1,514 px wide at 1366 px."""
    from congdoan.accounts.models import User

    User.objects.filter(username="trunguong").update(is_superuser=True, is_staff=True)
    page.set_viewport_size({"width": 1366, "height": 768})
    log_in(page, org_demo.url, "trunguong")
    for link in ("Tài khoản", "Danh mục", "Thông báo", "Quản trị", "Tổ chức"):
        expect(page.locator("#main-menu").get_by_role("link", name=link, exact=True)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert browser_errors() == []
