"""The unit dashboard: figures in Vietnamese format linking to their lists, the period filter, the to-do list,
the breadcrumb, scope; and the home page's links to it."""

import datetime as dt
import io
import re

import openpyxl
import pytest
from django.urls import reverse

from congdoan.core.scoping import Scope
from congdoan.members import services as member_services
from congdoan.members.models import AdmissionBatch
from congdoan.members.tests.conftest import admit_active, person
from congdoan.targets.tests.conftest import fill
from congdoan.welfare import services as welfare_services
from congdoan.welfare.constants import ProgrammeKind
from congdoan.welfare.tests.conftest import make_programme

SYSTEM = Scope.unrestricted()


@pytest.fixture
def records(tree):
    """1.234 is too many to admit in a test: three women and a man in Lào Cai, admitted in 2025 and 2026."""
    for i in range(3):
        admit_active(tree.g1, on=dt.date(2025, 3, 1), full_name=f"Lò Thị Mai {i}", gender="F")
    admit_active(tree.g3, on=dt.date(2026, 4, 1), full_name="Giàng A Páo")
    return tree


def fact(html: str, key: str) -> str:
    """The displayed value of the fact ``key`` on the page."""
    match = re.search(rf'data-key="{re.escape(key)}">.*?<span class="fact-value">([^<]*)</span>', html, re.S)
    assert match, key
    return match.group(1)


def link_of(html: str, key: str) -> str:
    match = re.search(rf'href="([^"]*)" data-key="{re.escape(key)}"', html)
    assert match, key
    return match.group(1).replace("&amp;", "&")


def test_the_dashboard_shows_the_figures_vietnamese_style(records, client):
    client.force_login(records.province_officer)
    url = reverse("home:dashboard", args=[records.lc.pk])
    response = client.get(url, {"period": "year", "year": 2026})
    html = response.content.decode()
    assert response.status_code == 200
    assert fact(html, "members.total") == "4"
    assert fact(html, "members.women") == "3"
    assert fact(html, "members.women_share") == "75,00 %"
    assert fact(html, "members.admitted") == "1"
    assert "Cùng kỳ năm trước" in html
    assert link_of(html, "members.women").startswith(f"/members/?gender=F&unit={records.lc.pk}")
    assert link_of(html, "members.admitted").startswith("/members/statistics/?")
    assert 'type="date"' not in html
    assert "01/01/2026" in html and "31/12/2026" in html
    assert reverse("home:dashboard", args=[records.bt.pk]) in html  # drill down to the children
    assert records.root.name not in html  # above the officer's scope


def test_the_breadcrumb_leads_up_the_tree_within_scope(records, client):
    client.force_login(records.province_officer)
    html = client.get(reverse("home:dashboard", args=[records.g1.pk]), {"year": 2026}).content.decode()
    crumbs = html.split('id="breadcrumb"')[1].split("</ol>")[0]
    assert crumbs.index(records.lc.name) < crumbs.index(records.bt.name) < crumbs.index(records.g1.name)
    assert f"{reverse('home:dashboard', args=[records.lc.pk])}?year=2026" in crumbs
    assert records.root.name not in crumbs


def test_the_period_filter_changes_the_figures(records, client):
    client.force_login(records.province_officer)
    url = reverse("home:dashboard", args=[records.lc.pk])
    year_2025 = client.get(url, {"period": "year", "year": 2025}).content.decode()
    assert fact(year_2025, "members.admitted") == "3"
    assert fact(year_2025, "members.total") == "3"
    first_quarter = client.get(url, {"period": "Q1", "year": 2026}).content.decode()
    assert fact(first_quarter, "members.admitted") == "0"
    second_quarter = client.get(url, {"period": "Q2", "year": 2026}).content.decode()
    assert fact(second_quarter, "members.admitted") == "1"
    first_half = client.get(url, {"period": "H1", "year": 2025}).content.decode()
    assert fact(first_half, "members.admitted") == "3"
    typed = client.get(url, {"period": "range", "start": "01/03/2026", "end": "30/04/2026"}).content.decode()
    assert fact(typed, "members.admitted") == "1"
    assert "01/03/2026" in typed and "30/04/2026" in typed


def test_a_wrong_date_is_said_in_vietnamese(records, client):
    client.force_login(records.province_officer)
    url = reverse("home:dashboard", args=[records.lc.pk])
    response = client.get(url, {"period": "range", "start": "31/02/2026", "end": "30/04/2026"})
    assert response.status_code == 200
    assert "dd/mm/yyyy" in response.content.decode()


def test_a_provisional_figure_is_marked_and_awards_show(records, client, cat, decided, tet):
    """A report waiting for approval makes the submitted reports' figure provisional ("tạm tính"); it is on
    the officer's to-do list; the province's decision shows in the awards."""
    report = fill(cat, records.g1, {cat.members: 10}, submit=True)
    fill(cat, records.g2, {cat.members: 8}, approve=True)
    client.force_login(records.province_officer)
    html = client.get(reverse("home:dashboard", args=[records.bt.pk]), {"year": 2026}).content.decode()
    submitted = html.split('data-key="reports.submitted"')[1].split("</a>")[0]
    assert "tạm tính" in submitted
    assert "tạm tính" not in html.split('data-key="reports.due"')[1].split("</a>")[0]
    assert fact(html, "reports.waiting") == "1"
    assert reverse("targets:report", args=[report.pk]) in html.split('id="todo"')[1]
    html = client.get(reverse("home:dashboard", args=[records.lc.pk]), {"year": 2026}).content.decode()
    assert fact(html, "awards.total") == "2"
    assert link_of(html, "awards.total") == f"/emulation/figures/?unit={records.lc.pk}&year=2026"


def test_the_to_do_list_shows_admission_lists_to_approve(records, client):
    member_services.member_admit(
        scope=SYSTEM,
        unit=records.g1,
        admitted_on=dt.date(2026, 5, 1),
        decision_no="07/QĐ-CĐCS",
        **person(full_name="Hà Văn Sơn"),
    )
    batch = AdmissionBatch.objects.get(members__full_name="Hà Văn Sơn")
    if batch.status != AdmissionBatch.Status.SUBMITTED:
        member_services.batch_submit(scope=SYSTEM, batch=batch)
    client.force_login(records.province_officer)
    html = client.get(reverse("home:dashboard", args=[records.lc.pk])).content.decode()
    assert reverse("members:batch", args=[batch.pk]) in html
    client.force_login(records.grassroots_officer)  # g1 does not approve its own list
    html = client.get(reverse("home:dashboard", args=[records.g1.pk])).content.decode()
    assert reverse("members:batch", args=[batch.pk]) not in html
    assert "Không có việc chờ duyệt." in html


def test_the_kept_to_do_list_follows_a_submission_and_an_approval(records, client):
    """The to-do list is kept rendered with the figures until the next write in the province."""
    client.force_login(records.province_officer)
    url = reverse("home:dashboard", args=[records.lc.pk])
    assert "Không có việc chờ duyệt." in client.get(url).content.decode()
    member_services.member_admit(
        scope=SYSTEM,
        unit=records.g1,
        admitted_on=dt.date(2026, 5, 1),
        decision_no="07/QĐ-CĐCS",
        **person(full_name="Hà Văn Sơn"),
    )
    batch = AdmissionBatch.objects.get(members__full_name="Hà Văn Sơn")
    if batch.status != AdmissionBatch.Status.SUBMITTED:
        member_services.batch_submit(scope=SYSTEM, batch=batch)
    assert reverse("members:batch", args=[batch.pk]) in client.get(url).content.decode()
    member_services.batch_approve(scope=SYSTEM, batch=batch, decision_no="10/QĐ-LĐLĐ")
    assert "Không có việc chờ duyệt." in client.get(url).content.decode()


def test_another_provinces_unit_is_404(records, client):
    client.force_login(records.province_officer)
    assert client.get(reverse("home:dashboard", args=[records.dn.pk])).status_code == 404
    assert client.get(reverse("home:dashboard", args=[records.g4.pk])).status_code == 404
    client.force_login(records.grassroots_officer)
    assert client.get(reverse("home:dashboard", args=[records.lc.pk])).status_code == 404


def test_the_home_page_links_to_the_dashboards(records, client):
    client.force_login(records.province_officer)
    html = client.get(reverse("home")).content.decode()
    assert reverse("home:dashboard", args=[records.lc.pk]) in html


def test_the_home_page_counts_members_not_only_units(records, client):
    """Three admitted in 2025 and one in 2026, all in Lào Cai: its card says 4 members today."""
    client.force_login(records.province_officer)
    html = client.get(reverse("home")).content.decode()
    count = re.search(rf'id="members-{records.lc.pk}">([^<]+)<', html).group(1)
    assert count == "4"


def test_the_kept_home_cards_follow_a_write_in_the_province_and_the_country(records, client):
    def card(user, unit) -> str:
        client.force_login(user)
        return re.search(
            rf'id="members-{unit.pk}">([^<]+)<', client.get(reverse("home")).content.decode()
        ).group(1)

    assert card(records.province_officer, records.lc) == "4"
    assert card(records.national_admin, records.root) == "4"
    admit_active(records.g2, on=dt.date(2026, 1, 2), full_name="Vàng Thị Dung")
    assert card(records.province_officer, records.lc) == "5"
    assert card(records.national_admin, records.root) == "5"


def test_the_figures_download_as_an_excel_annex_with_the_header_and_the_same_numbers(records, client):
    client.force_login(records.province_officer)
    params = {"period": "year", "year": "2025"}
    page = client.get(reverse("home:dashboard", args=[records.lc.pk]), params).content.decode()
    assert 'id="facts-xlsx"' in page
    response = client.get(reverse("home:dashboard_xlsx", args=[records.lc.pk]), params)
    assert response.status_code == 200
    assert "so-lieu-" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    text = " ".join(str(v) for row in cells for v in row if v is not None)
    assert "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and records.lc.name.upper() in text
    assert "Từ ngày 01/01/2025 đến ngày 31/12/2025" in text
    by_label = {row[2]: row for row in cells if row and isinstance(row[0], int)}
    assert by_label["Kết nạp trong kỳ"][3] == 3 and by_label["Kết nạp trong kỳ"][7] == "Đã duyệt"
    assert by_label["Đoàn viên cuối kỳ"][3] == 3 and by_label["Đoàn viên cuối kỳ"][5] == "người"
    assert by_label["Tỷ lệ đoàn viên nữ"][3] == 100
    assert by_label["Kết nạp trong kỳ"][1] == "Đoàn viên"


def test_the_dashboard_counts_the_union_houses_built_and_repaired(records, client):
    programme = make_programme(records.lc, ProgrammeKind.UNION_HOUSE, standard_amount=50_000_000)
    for name, work, amount in (("Hộ ông Páo", "new", 60_000_000), ("Hộ bà Mai", "repair", 25_000_000)):
        welfare_services.house_create(
            scope=Scope.for_user(records.province_officer),
            programme=programme,
            unit=records.g1,
            household_name=name,
            situation="Nhà tạm",
            work=work,
            approved_amount=amount,
            approved_on=dt.date(2025, 5, 1),
        )
    client.force_login(records.province_officer)
    html = client.get(reverse("home:dashboard", args=[records.lc.pk]), {"year": 2025}).content.decode()
    assert fact(html, "welfare.houses") == "2"
    assert fact(html, "welfare.houses_new") == "1" and fact(html, "welfare.houses_repair") == "1"
    assert fact(html, "welfare.house_amount") == "85.000.000"
    assert link_of(html, "welfare.houses").startswith("/welfare/figures/?")


def test_a_month_and_an_as_of_day_narrow_the_figures(records, client):
    """Three admitted on 1 March 2025: March shows them, February none; read as of 28/02/2025 the year shows
    none and says so; a hostile as-of day is refused by name, never a 500."""
    client.force_login(records.province_officer)
    url = reverse("home:dashboard", args=[records.lc.pk])
    march = client.get(url, {"period": "M3", "year": 2025}).content.decode()
    assert fact(march, "members.admitted") == "3" and "01/03/2025" in march and "31/03/2025" in march
    february = client.get(url, {"period": "M2", "year": 2025}).content.decode()
    assert fact(february, "members.admitted") == "0"
    as_of = client.get(url, {"period": "year", "year": 2025, "as_of": "28/02/2025"}).content.decode()
    assert fact(as_of, "members.admitted") == "0" and "tính đến ngày 28/02/2025" in as_of
    assert "Số liệu từ ngày 01/01/2025 đến ngày 28/02/2025" in as_of
    for value in ("0001-01-01", "31/12/99999", "\x00", "²"):
        response = client.get(url, {"period": "M13", "year": 2025, "as_of": value})
        assert response.status_code == 200, value
