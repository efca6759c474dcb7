"""The unit dashboard in a real browser: the province officer filters and drills down; the grassroots
officer reads their own dashboard on a phone."""

import re

from playwright.sync_api import expect

from .conftest import log_in


def test_tinh_opens_the_dashboard_changes_the_period_and_drills_down(org_demo, page, browser_errors):
    log_in(page, org_demo.url, "tinh")
    page.locator(".dashboard-link").first.click()
    expect(page.locator("h1")).to_contain_text("Lào Cai")
    expect(page.locator("#area-members")).to_be_visible()
    expect(page.locator("input[name][type=number], input[name][type=date]")).to_have_count(0)

    page.select_option("#id_period", "Q2")
    page.fill("#id_year", "2025")
    page.click("#period-form button")
    expect(page.locator("#period")).to_contain_text("01/04/2025")
    expect(page.locator("#period")).to_contain_text("30/06/2025")

    page.emulate_media(media="print")
    expect(page.locator("#print-title")).to_be_visible()
    expect(page.locator("#print-title")).to_contain_text("Từ ngày 01/04/2025 đến ngày 30/06/2025")
    expect(page.locator("nav.navbar")).to_be_hidden()
    expect(page.locator("#period-form")).to_be_hidden()
    pdf = page.pdf(prefer_css_page_size=True)
    width, height = (float(x) for x in re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups())
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)  # A4 in mm
    page.emulate_media(media="screen")

    page.locator("#area-members a.fact").first.click()
    expect(page).not_to_have_url(re.compile(r"/dashboard/"))
    assert browser_errors() == []


def test_coso_reads_its_dashboard_on_a_phone_without_sideways_scrolling(org_demo, page, browser_errors):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, org_demo.url, "coso")
    page.locator(".dashboard-link").first.click()
    expect(page.locator("h1")).to_contain_text("Xưởng Tuyển Bắc Nhạc Sơn")
    expect(page.locator("#area-members")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.locator(".navbar a.navbar-brand")).to_be_visible()
    page.locator(".navbar-toggler").click()  # the menu sits behind its toggler on a phone
    expect(page.locator(".navbar-nav a").first).to_be_in_viewport()
    assert browser_errors() == []


def test_the_dashboard_draws_its_charts_under_the_strict_csp(
    transactional_db, live_server, page, browser_errors
):
    """Members in Lào Cai: the gender chart is drawn by the vendored Vega (no eval, no inline style) with its
    table beside it, numbers in the Vietnamese format."""
    from congdoan.members.tests.conftest import admit_active
    from tests.factories import PASSWORD, build_tree

    tree = build_tree()
    for i in range(3):
        admit_active(tree.g1, full_name=f"Lò Thị Mai {i}", gender="F")
    admit_active(tree.g1, full_name="Giàng A Páo", gender="M")
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "tinh")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/units/{tree.lc.pk}/dashboard/")
    chart = page.locator("#figure-members-gender")
    expect(chart.locator("svg").first).to_be_visible()
    expect(chart.locator("svg").first).to_contain_text("Nữ")
    chart.locator("svg path").first.hover()  # the tooltip, styled by app.css, not by an injected <style>
    timeline = page.locator("#figure-members-time")
    expect(timeline.locator("svg").first).to_be_visible()  # the line of members at each month's end
    expect(timeline.locator("table")).to_contain_text("4 người")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(chart.locator("svg").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(chart.locator("table")).to_contain_text("3 người")
    assert browser_errors() == []


def test_tinh_drafts_edits_issues_and_downloads_the_2025_review(org_demo, page, browser_errors):
    """From the dashboard of 2025: draft the review, edit a paragraph, issue it with a number, download the
    DOCX and PDF; the figures printed are the dashboard's."""
    import io

    import docx
    from pypdf import PdfReader

    log_in(page, org_demo.url, "tinh")
    page.locator(".dashboard-link").first.click()
    page.select_option("#id_period", "year")
    page.fill("#id_year", "2025")
    page.click("#period-form button")
    total = page.locator('[data-key="members.total"] .fact-value').inner_text()

    page.click("#review-open button")
    expect(page.locator("h1")).to_contain_text("Tổng kết công tác công đoàn năm 2025")
    results = page.locator("#id_results")
    expect(results).to_contain_text("Năm 2025, toàn tỉnh")
    results.fill(results.input_value() + "\nPhong trào thi đua được các cấp công đoàn hưởng ứng sôi nổi.")
    page.fill("#id_directions", "Tiếp tục phát triển đoàn viên ở doanh nghiệp ngoài nhà nước.")
    page.click("#save-text")
    expect(page.locator(".alert-success")).to_contain_text("Đã lưu nội dung báo cáo.")

    page.fill("#id_number", "15/BC-LĐLĐ")
    page.fill("#id_issued_on", "")
    page.type(
        "#id_issued_on", "05012026"
    )  # typed as the officer writes it; the picker's mask adds the slashes
    expect(page.locator("#id_issued_on")).to_have_value("05/01/2026")
    page.press("#id_issued_on", "Escape")  # closes the picker, opened upwards over the number
    page.locator("#id_number").click()
    page.click("#issue")
    expect(page.locator("#review-status")).to_contain_text("Số 15/BC-LĐLĐ, ngày 05/01/2026")
    expect(page.locator("#id_results")).to_have_count(0)  # locked

    with page.expect_download() as word:
        page.click("#download-docx")
    document = docx.Document(word.value.path())
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Phong trào thi đua được các cấp công đoàn hưởng ứng sôi nổi." in text
    annex = {r.cells[0].text: r.cells[1].text for t in document.tables for r in t.rows if len(r.cells) >= 2}
    assert annex["Đoàn viên cuối kỳ"] == f"{total} người"
    with page.expect_download() as pdf:
        page.click("#download-pdf")
    reader = PdfReader(io.BytesIO(open(pdf.value.path(), "rb").read()))
    pdf_text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Số: 15/BC-LĐLĐ" in pdf_text and "Tiếp tục phát triển đoàn viên" in pdf_text and total in pdf_text
    assert browser_errors() == []
