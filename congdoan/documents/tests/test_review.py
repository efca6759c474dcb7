"""The review draft of a unit: the administrative header, the narrative from the facts, the annex; as PDF."""

import datetime as dt
import io

import docx
import pytest
from django.urls import reverse

from congdoan.core.dates import today
from congdoan.core.scoping import Scope
from congdoan.documents.engine.pdf import render_html
from congdoan.documents.figures import figures_kept
from congdoan.documents.review import review_context, review_title
from congdoan.jobs.constants import JobStatus
from congdoan.jobs.models import Job
from congdoan.members.tests.conftest import admit_active

D = dt.date


@pytest.fixture
def records(tree):
    for i in range(3):
        admit_active(tree.g1, on=D(2025, 3, 1), full_name=f"Lò Thị Mai {i}", gender="F")
    return tree


def test_titles_follow_the_period():
    assert review_title(D(2025, 1, 1), D(2025, 12, 31)) == "Tổng kết công tác công đoàn năm 2025"
    assert review_title(D(2025, 1, 1), D(2025, 6, 30)) == "Sơ kết công tác công đoàn 6 tháng đầu năm 2025"
    assert review_title(D(2025, 1, 1), D(2025, 3, 31)) == "Sơ kết công tác công đoàn quý I năm 2025"
    assert review_title(D(2025, 10, 1), D(2025, 12, 31)) == "Sơ kết công tác công đoàn quý IV năm 2025"
    assert review_title(D(2025, 1, 1), D(2025, 9, 30)) == "Sơ kết công tác công đoàn 9 tháng đầu năm 2025"
    assert review_title(D(2025, 2, 1), D(2025, 3, 31)) == (
        "Sơ kết công tác công đoàn từ ngày 01/02/2025 đến ngày 31/03/2025"
    )


def test_the_draft_says_the_year_from_the_facts_under_the_administrative_header(records):
    context = review_context(
        scope=Scope.for_user(records.province_officer),
        unit=records.lc,
        start=D(2025, 1, 1),
        end=D(2025, 12, 31),
        on=D(2026, 1, 5),
    )
    html = render_html("documents/review.html", context)
    assert "Năm 2025, toàn tỉnh kết nạp 3 đoàn viên, năm trước không phát sinh." in html
    assert "Tổng số đoàn viên cuối kỳ là 3 người, trong đó nữ chiếm 100 %." in html
    # The issuer's name is printed broken before its place: "LIÊN ĐOÀN LAO ĐỘNG" / "TỈNH LÀO CAI".
    assert (
        all(line in html for line in ("LIÊN ĐOÀN LAO ĐỘNG", "TỈNH LÀO CAI"))
        and "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html
    )
    assert "ngày 05 tháng 01 năm 2026" in html
    assert "Tổng kết công tác công đoàn năm 2025" in html and "PHỤ LỤC: SỐ LIỆU" in html
    assert "Nơi nhận:" in html and "Công đoàn cấp trên (để báo cáo);" in html and "Lưu: VT." in html
    assert "TM. BAN CHẤP HÀNH" in html and "CHỦ TỊCH" in html


def test_the_dashboard_links_the_draft_and_it_downloads_as_pdf(records, client):
    client.force_login(records.province_officer)
    page = client.get(reverse("home:dashboard", args=[records.lc.pk]), {"period": "year", "year": "2025"})
    url = reverse("documents:review", args=[records.lc.pk, "pdf"]) + "?start=2025-01-01&amp;end=2025-12-31"
    assert url in page.content.decode()
    response = client.get(
        reverse("documents:review", args=[records.lc.pk, "pdf"]), {"start": "2025-01-01", "end": "2025-12-31"}
    )
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert f"bao-cao-{records.lc.code}-20250101-20251231.pdf" in response["Content-Disposition"]


def test_the_draft_downloads_as_an_editable_word_document_a4_with_the_same_sentences(records, client):
    client.force_login(records.province_officer)
    url = reverse("documents:review", args=[records.lc.pk, "docx"])
    response = client.get(url, {"start": "2025-01-01", "end": "2025-12-31"})
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Năm 2025, toàn tỉnh kết nạp 3 đoàn viên, năm trước không phát sinh." in text
    assert "Tổng kết công tác công đoàn năm 2025" in text
    header = document.tables[0].rows[0].cells
    assert (
        records.lc.name.upper() in " ".join(header[0].text.split())
        and "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header[1].text
    )
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert (round(section.left_margin.cm, 1), round(section.right_margin.cm, 1)) == (3.0, 1.5)
    annex = document.tables[1]
    rows = {r.cells[0].text: r.cells[1].text for r in annex.rows}
    assert rows["Kết nạp trong kỳ"] == "3 người"
    assert document.styles["Normal"].font.name == document.styles["Heading 2"].font.name == "Liberation Serif"
    closing = document.tables[-1].rows[0].cells
    assert "Nơi nhận:" in closing[0].text and "Lưu: VT." in closing[0].text
    assert "TM. BAN CHẤP HÀNH" in closing[1].text
    assert client.get(reverse("documents:review", args=[records.lc.pk, "odt"])).status_code == 404


def test_the_countrys_draft_runs_as_a_job_and_a_provinces_is_immediate(records, client):
    client.force_login(records.national_admin)
    params = {"start": "2025-01-01", "end": "2025-12-31"}
    province = client.get(reverse("documents:review", args=[records.lc.pk, "pdf"]), params)
    assert province.status_code == 200 and province.content.startswith(b"%PDF") and not Job.objects.exists()

    country = client.get(reverse("documents:review", args=[records.root.pk, "docx"]), params)
    job = Job.objects.get()
    assert country.status_code == 302 and country["Location"] == job.get_absolute_url()
    assert job.kind == "review_document" and job.status == JobStatus.SUCCEEDED and job.unit == records.root
    # The progress bar moved through the country's figures, each chart's drawing and the document.
    _facts, charts = figures_kept(
        scope=Scope.unrestricted(), unit=records.root, start=D(2025, 1, 1), end=D(2025, 12, 31), as_of=today()
    )
    assert charts and job.total == 2 + len(charts) and job.done == job.total
    with job.result_file.open("rb") as handle:
        document = docx.Document(io.BytesIO(handle.read()))
    text = "\\n".join(p.text for p in document.paragraphs)
    assert "Năm 2025, toàn quốc kết nạp 3 đoàn viên, năm trước không phát sinh." in text
    assert f"bao-cao-{records.root.code}-20250101-20251231" in job.result_file.name
