"""Browser test of an emulation year: a cluster signs its pledge, members score, the head ranks;
a grassroots union nominates a member for the province's Bằng khen, the council accepts, the decision
is issued and the award shows on the member's award history page."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from congdoan.demo.scenario import DEMO_PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SHEET = """Thực hiện nhiệm vụ do cấp trên giao | 20
Đại diện, bảo vệ quyền lợi đoàn viên | 15
Tổ chức phong trào thi đua | 10
Phản ánh tâm tư, nguyện vọng | 15
Đoàn kết, tương trợ | 10
Không để xảy ra vi phạm | 10
Phát triển đoàn viên | 10"""


@pytest.fixture
def demo(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from congdoan.core.dates import today
    from congdoan.demo import scenario
    from congdoan.emulation.tests.conftest import kind, register
    from congdoan.emulation.tests.helpers import make_member
    from congdoan.org.models import Unit

    scenario.build()
    grassroots = Unit.objects.get(code="LCI.BT.001")
    member = make_member(grassroots, "Đỗ Thị Thanh Hương", joined=dt.date(2012, 4, 1))
    register(grassroots, today().year, (kind("lao_dong_gioi"), member), on=dt.date(today().year, 1, 15))
    return member


def login(page, live_server, username):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).not_to_have_url(re.compile(r"/login/"))


def score(page, code, points):
    page.locator(f"#score-sheet tr[data-code='{code}']").get_by_role("link").click()
    inputs = page.locator("input[name^='criterion_']")
    for i in range(inputs.count()):
        inputs.nth(i).fill(str(points[i]))
    page.get_by_role("button", name="Lưu điểm").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã lưu điểm")


def test_pledge_scoring_ranking_then_a_nomination_accepted_and_decided(demo, page, live_server, tmp_path):
    from congdoan.org.models import Unit

    member = demo
    province = Unit.objects.get(code="LCI")
    cluster_name = "Cụm thi đua số 1 - các tỉnh miền núi phía Bắc"

    # The head (Lào Cai, user tinh) drafts and signs the cluster's pledge.
    login(page, live_server, "tinh")
    page.goto(f"{live_server.url}/emulation/pledges/")
    page.get_by_role("row", name=re.compile(cluster_name)).get_by_role("link", name="Soạn giao ước").click()
    page.fill("#id_content", "Các tỉnh trong cụm ký kết giao ước thi đua năm 2026.")
    page.fill("#id_criteria", SHEET)
    page.fill(
        "#id_signatories",
        "LCI | Vũ Xuân Hà | Chủ tịch\nTQG | Hoàng Thị Lan | Chủ tịch\nHNI | Nguyễn Phi Thường | Chủ tịch",
    )
    page.get_by_role("button", name="Lưu").click()
    page.get_by_role("button", name="Ký kết giao ước").click()
    expect(page.locator("#pledge-status")).to_have_text("Đã ký kết")

    # Members score themselves: Lào Cai (tinh), Tuyên Quang and Hà Nội (the national administrator).
    score(page, "LCI", [20, 14, 10, 15, 9, 10, 9])
    login(page, live_server, "trunguong")
    page.goto(f"{live_server.url}/emulation/pledges/")
    page.get_by_role("row", name=re.compile(cluster_name)).get_by_role("link", name="Đã ký kết").click()
    score(page, "TQG", [20, 14, 10, 15, 9, 10, 9])  # ties with Lào Cai
    score(page, "HNI", [18, 14, 10, 14, 9, 10, 9])
    pledge_url = page.url

    # The head ranks; the tie is broken and explained.
    login(page, live_server, "tinh")
    page.goto(pledge_url)
    page.get_by_role("button", name="Xếp hạng các đơn vị").click()
    expect(page.locator("#pledge-status")).to_have_text("Đã xếp hạng")
    expect(page.locator("#ranking tr[data-code='LCI'] td").first).to_have_text("1")
    expect(page.locator("#ranking tr[data-code='TQG']")).to_contain_text("xếp theo mã đơn vị")
    expect(page.locator("#ranking tr[data-code='HNI'] td").first).to_have_text("3")

    # coso nominates its member for the province's Bằng khen and submits the file.
    login(page, live_server, "coso")
    page.goto(f"{live_server.url}/emulation/nominations/new/")
    page.get_by_role("button", name="Tiếp tục").click()
    page.select_option("#id_award_kind", label="Bằng khen của Liên đoàn Lao động tỉnh (cá nhân)")
    # The member is found by name typed without diacritics: the picker suggests her code.
    page.locator("#id_member").press_sequentially("thanh huong")
    expect(page.locator(f"#id_member-options option[value='{member.code}']")).to_have_count(1)
    page.fill("#id_member", member.code)
    page.fill("#id_achievements", "Hoàn thành xuất sắc nhiệm vụ; 02 sáng kiến được công nhận năm 2026.")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#nomination-status")).to_have_text("Đang lập hồ sơ")
    page.get_by_role("button", name="Trình cấp khen thưởng").click()
    expect(page.locator("#nomination-status")).to_have_text("Đã trình cấp khen thưởng")
    nomination_url = page.url

    # tinh records the council meeting and its vote: accepted.
    login(page, live_server, "tinh")
    page.goto(f"{live_server.url}/emulation/councils/new/")
    page.select_option("#id_granting_unit", value=str(province.pk))
    page.fill("#id_members_total", "9")
    page.fill("#id_members_present", "8")
    page.fill("#id_chair", "Vũ Xuân Hà")
    page.get_by_role("button", name="Lưu").click()
    page.goto(nomination_url)
    page.fill("#id_votes_for", "8")
    page.get_by_role("button", name="Đề nghị khen thưởng").click()
    expect(page.locator("#nomination-status")).to_have_text("Hội đồng đề nghị khen thưởng")
    expect(page.locator("#council-result")).to_contain_text("tán thành 8")

    # tinh issues the numbered decision.
    page.goto(f"{live_server.url}/emulation/decisions/new/")
    page.select_option("#unit", value=str(province.pk))
    page.get_by_role("button", name="Tiếp tục").click()
    page.fill("#id_number", "1902/QĐ-LĐLĐ")
    page.fill("#id_signer_name", "Vũ Xuân Hà")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("h1")).to_contain_text("Quyết định số 1902/QĐ-LĐLĐ")

    # The decision is generated as a PDF and as a Word document in the administrative layout.
    with page.expect_download() as pdf:
        page.get_by_role("link", name="Tải PDF").click()
    pdf_path = tmp_path / pdf.value.suggested_filename
    pdf.value.save_as(pdf_path)
    assert pdf_path.suffix == ".pdf" and pdf_path.read_bytes().startswith(b"%PDF")
    assert pdf_path.stat().st_size > 5_000
    with page.expect_download() as docx:
        page.get_by_role("link", name="Tải Word (DOCX)").click()
    docx_path = tmp_path / docx.value.suggested_filename
    docx.value.save_as(docx_path)
    from docx import Document

    text = "\n".join(p.text for p in Document(str(docx_path)).paragraphs)
    text += "\n".join(
        cell.text for t in Document(str(docx_path)).tables for row in t.rows for cell in row.cells
    )
    assert "1902/QĐ-LĐLĐ" in text and "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text.upper().replace(
        "HÒA", "HOÀ"
    )
    assert member.full_name in text

    # The award shows on the member's award history page (seen by coso).
    login(page, live_server, "coso")
    page.goto(f"{live_server.url}/emulation/history/member/{member.pk}/")
    history = page.locator("#award-history")
    expect(history).to_contain_text("Bằng khen của Liên đoàn Lao động tỉnh (cá nhân)")
    expect(history).to_contain_text("1902/QĐ-LĐLĐ")
