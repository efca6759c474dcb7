"""The review as a document: drafted from the records, edited, told when the figures changed, issued with a
number that locks it, reopened by the level above (audited), downloaded as PDF and DOCX from what it holds."""

import datetime as dt
import io

import docx
import pytest
from django.urls import reverse
from pypdf import PdfReader

from congdoan.audit.models import Event
from congdoan.core.scoping import Scope
from congdoan.documents import reviews
from congdoan.documents.breakdowns import unit_charts
from congdoan.documents.facts import facts_for
from congdoan.documents.models import Review
from congdoan.documents.snapshots import charts_from_json, charts_to_json, facts_from_json, facts_to_json
from congdoan.members.tests.conftest import admit_active

D = dt.date
YEAR = {"start": "2025-01-01", "end": "2025-12-31"}
FIRST = "Năm 2025, toàn tỉnh kết nạp 3 đoàn viên, năm trước không phát sinh."


@pytest.fixture
def records(tree):
    for i in range(3):
        admit_active(tree.g1, on=D(2025, 3, 1), full_name=f"Lò Thị Mai {i}", gender="F")
    return tree


@pytest.fixture
def drafted(records, client):
    client.force_login(records.province_officer)
    response = client.post(reverse("documents:review_create", args=[records.lc.pk]), YEAR)
    review = Review.objects.get()
    assert response.status_code == 302 and response["Location"] == review.get_absolute_url()
    return review


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    return "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for r in t.rows for c in r.cells
    )


def test_the_dashboard_drafts_the_review_once_from_the_records(records, drafted, client):
    page = client.get(reverse("home:dashboard", args=[records.lc.pk]), {"period": "year", "year": "2025"})
    assert reverse("documents:review_create", args=[records.lc.pk]) in page.content.decode()
    assert drafted.title == "Tổng kết công tác công đoàn năm 2025" and drafted.status == Review.Status.DRAFT
    assert drafted.results.split("\n\n")[0] == FIRST
    assert {f["key"] for f in drafted.facts} >= {"members.total", "members.admitted"}
    assert Event.objects.filter(action="documents.review_draft", object_id=str(drafted.pk)).count() == 1
    # Opening it again goes to the same review.
    again = client.post(reverse("documents:review_create", args=[records.lc.pk]), YEAR)
    assert again["Location"] == drafted.get_absolute_url() and Review.objects.count() == 1
    page = client.get(drafted.get_absolute_url()).content.decode()
    assert FIRST in page and "Dự thảo" in page and 'id="facts-changed"' not in page


def test_an_edited_paragraph_is_what_the_pdf_and_docx_print(drafted, client):
    edited = "Năm 2025, toàn tỉnh kết nạp 3 đoàn viên, vượt kế hoạch đề ra."
    response = client.post(
        reverse("documents:review_edit", args=[drafted.pk]),
        {
            "results": edited,
            "assessment": "Ưu điểm: tổ chức tốt.\nHạn chế: còn chậm.",
            "directions": "Tiếp tục phát triển đoàn viên.",
            "version": drafted.version,
        },
    )
    assert response.status_code == 302
    drafted.refresh_from_db()
    assert drafted.results == edited and drafted.version == 2
    pdf = client.get(reverse("documents:review_download", args=[drafted.pk, "pdf"]))
    text = pdf_text(pdf.content)
    assert edited in text and FIRST not in text and "Hạn chế: còn chậm." in text
    assert "Tiếp tục phát triển đoàn viên." in text and "(Dự thảo)" in text
    word = docx_text(client.get(reverse("documents:review_download", args=[drafted.pk, "docx"])).content)
    assert edited in word and "Đánh giá chung" in word and "Ưu điểm: tổ chức tốt." in word
    # A stale form (someone saved in between) saves nothing and says why.
    stale = client.post(
        reverse("documents:review_edit", args=[drafted.pk]),
        {"results": "cũ", "assessment": "", "directions": "", "version": 1},
    )
    assert stale.status_code == 200 and "vừa được người khác sửa" in stale.content.decode()
    drafted.refresh_from_db()
    assert drafted.results == edited


def test_the_page_says_which_figures_changed_since_the_draft_and_redrafts_part_one(records, drafted, client):
    client.post(
        reverse("documents:review_edit", args=[drafted.pk]),
        {"results": "sửa tay", "assessment": "Giữ nguyên.", "directions": "", "version": drafted.version},
    )
    admit_active(records.g3, on=D(2025, 9, 1), full_name="Vàng A Páo", gender="M")
    page = client.get(drafted.get_absolute_url()).content.decode()
    assert 'id="facts-changed"' in page
    changes = dict(
        (label, (then, now))
        for label, then, now in reviews.review_changes(
            scope=Scope.for_user(records.province_officer), review=drafted
        )
    )
    assert changes["Kết nạp trong kỳ"] == ("3", "4") and changes["Đoàn viên cuối kỳ"] == ("3", "4")
    assert "Đoàn viên nữ" not in changes  # unchanged figures are not listed
    client.post(reverse("documents:review_redraft", args=[drafted.pk]))
    drafted.refresh_from_db()
    assert drafted.results.startswith("Năm 2025, toàn tỉnh kết nạp 4 đoàn viên")
    assert drafted.assessment == "Giữ nguyên."
    assert 'id="facts-changed"' not in client.get(drafted.get_absolute_url()).content.decode()


def test_issuing_checks_the_number_and_date_then_locks_the_review(records, drafted, client):
    url = reverse("documents:review_issue", args=[drafted.pk])
    bad = client.post(url, {"number": "15-LĐLĐ", "issued_on": "05/01/2026"})
    assert bad.status_code == 200 and "Số văn bản phải có dạng số/BC-tên viết tắt" in bad.content.decode()
    future = client.post(url, {"number": "15/BC-LĐLĐ", "issued_on": "01/01/2099"})
    assert "Ngày ban hành không được sau hôm nay." in future.content.decode()
    typo = client.post(url, {"number": "15/BC-LĐLĐ", "issued_on": "32/01/2026"})
    assert typo.status_code == 200 and "Ngày ban hành" in typo.content.decode()
    drafted.refresh_from_db()
    assert drafted.status == Review.Status.DRAFT and drafted.number == ""

    assert client.post(url, {"number": "15/BC-LĐLĐ", "issued_on": "05/01/2026"}).status_code == 302
    drafted.refresh_from_db()
    assert (drafted.status, drafted.number, drafted.issued_on) == ("issued", "15/BC-LĐLĐ", D(2026, 1, 5))
    assert drafted.issued_by == records.province_officer
    event = Event.objects.get(action="documents.review_issue")
    assert event.decision_no == "15/BC-LĐLĐ" and event.unit == records.lc

    before = drafted.results
    locked = client.post(
        reverse("documents:review_edit", args=[drafted.pk]),
        {"results": "sửa sau ban hành", "assessment": "", "directions": "", "version": drafted.version},
    )
    assert "Báo cáo đã ban hành (số 15/BC-LĐLĐ), không sửa được" in locked.content.decode()
    drafted.refresh_from_db()
    assert drafted.results == before
    page = client.get(drafted.get_absolute_url()).content.decode()
    assert 'id="review-text"' in page and 'name="results"' not in page and 'id="issue-form"' not in page
    text = pdf_text(client.get(reverse("documents:review_download", args=[drafted.pk, "pdf"])).content)
    assert "Số: 15/BC-LĐLĐ" in text and "ngày 05 tháng 01 năm 2026" in text and "(Dự thảo)" not in text
    word = docx_text(client.get(reverse("documents:review_download", args=[drafted.pk, "docx"])).content)
    assert "Số: 15/BC-LĐLĐ" in word and "Dự thảo" not in word


def test_a_number_is_used_once_per_unit(records, drafted, client):
    client.post(
        reverse("documents:review_issue", args=[drafted.pk]),
        {"number": "15/BC-LĐLĐ", "issued_on": "05/01/2026"},
    )
    client.post(
        reverse("documents:review_create", args=[records.lc.pk]), {"start": "2025-01-01", "end": "2025-06-30"}
    )
    half = Review.objects.get(end=D(2025, 6, 30))
    response = client.post(
        reverse("documents:review_issue", args=[half.pk]), {"number": "15/BC-LĐLĐ", "issued_on": "05/07/2025"}
    )
    assert "Số 15/BC-LĐLĐ đã dùng cho một báo cáo khác của đơn vị." in response.content.decode()


def test_only_the_level_above_reopens_an_issued_review_with_a_reason(records, drafted, client):
    client.post(
        reverse("documents:review_issue", args=[drafted.pk]),
        {"number": "15/BC-LĐLĐ", "issued_on": "05/01/2026"},
    )
    url = reverse("documents:review_reopen", args=[drafted.pk])
    own = client.post(url, {"reason": "Sửa số liệu"})
    assert "Bạn không có quyền duyệt hồ sơ của" in own.content.decode()
    drafted.refresh_from_db()
    assert drafted.is_issued

    client.force_login(records.national_admin)
    assert 'id="reopen-form"' in client.get(drafted.get_absolute_url()).content.decode()
    empty = client.post(url, {"reason": "  "})
    assert empty.status_code == 200 and "Lý do mở lại" in empty.content.decode()
    assert client.post(url, {"reason": "Số liệu chăm lo chưa đủ"}).status_code == 302
    drafted.refresh_from_db()
    assert drafted.status == Review.Status.DRAFT and drafted.number == "15/BC-LĐLĐ"
    event = Event.objects.get(action="documents.review_reopen")
    assert "Số liệu chăm lo chưa đủ" in event.summary and event.actor == records.national_admin


def test_a_viewer_reads_the_review_but_cannot_change_it(records, drafted, client):
    client.force_login(records.viewer)
    page = client.get(drafted.get_absolute_url()).content.decode()
    assert FIRST in page and 'name="results"' not in page and 'id="issue-form"' not in page
    response = client.post(
        reverse("documents:review_edit", args=[drafted.pk]),
        {"results": "x", "assessment": "", "directions": "", "version": drafted.version},
    )
    assert "Bạn không có quyền" in response.content.decode()
    drafted.refresh_from_db()
    assert drafted.results.startswith(FIRST)


def test_the_facts_and_charts_kept_with_a_review_read_back_equal(records):
    scope = Scope.for_user(records.province_officer)
    facts = facts_for(scope=scope, unit=records.lc, start=D(2025, 1, 1), end=D(2025, 12, 31))
    assert facts_from_json(facts_to_json(facts)) == [
        f.__class__(**{**f.__dict__, "label": str(f.label)}) for f in facts
    ]
    charts = unit_charts(
        scope=scope,
        unit=records.lc,
        start=D(2025, 1, 1),
        end=D(2025, 12, 31),
        as_of=D(2026, 1, 5),
        facts=facts,
    )
    assert charts and charts_from_json(charts_to_json(charts)) == charts


def test_the_countrys_review_is_drafted_by_a_job_then_opens_directly(records, client):
    from congdoan.jobs.constants import JobStatus
    from congdoan.jobs.models import Job

    client.force_login(records.national_admin)
    url = reverse("documents:review_create", args=[records.root.pk])
    response = client.post(url, YEAR)
    job = Job.objects.get(kind="review_draft")
    assert response["Location"] == job.get_absolute_url() and job.status == JobStatus.SUCCEEDED
    review = Review.objects.get(unit=records.root)
    assert job.result == {"review": review.pk}
    assert review.results.startswith("Năm 2025, toàn quốc kết nạp 3 đoàn viên")
    assert client.post(url, YEAR)["Location"] == review.get_absolute_url()
    assert Job.objects.count() == 1
