"""Who signs a review and where it goes (Nghị định 30/2020): "TM. BAN CHẤP HÀNH", the title ("CHỦ TỊCH", or
"KT. CHỦ TỊCH" and "PHÓ CHỦ TỊCH") and the signer's name — the officer's, else the chair in office per the
congress records; an empty name line (never "None") and a notice on the page when no one is recorded; issuing
writes the signer and "Nơi nhận" down, so the issued document keeps them when the committee changes."""

import datetime as dt
import io

import docx
import pytest
from django.urls import reverse
from pypdf import PdfReader

from congdoan.congress import selectors as congress_selectors
from congdoan.congress import services as congress_services
from congdoan.congress.constants import BodyKind, SeatRole
from congdoan.congress.models import Seat
from congdoan.core.scoping import Scope
from congdoan.documents import reviews
from congdoan.documents.cluster_review import cluster_docx, cluster_pdf
from congdoan.documents.models import Review
from congdoan.org.services import cluster_save

SYSTEM = Scope.unrestricted()
D = dt.date
YEAR = {"start": "2025-01-01", "end": "2025-12-31"}
CHAIR = "Hoàng Thị Thu"
VICE = "Lý Văn Sơn"


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def closing_cells(content: bytes):
    """The last table of the DOCX: "Nơi nhận" on the left, the signer on the right."""
    left, right = docx.Document(io.BytesIO(content)).tables[-1].rows[0].cells
    return left, right


def lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text.strip()]


def seat(term, role, name):
    return congress_services.seat_add(
        scope=SYSTEM, term=term, kind=BodyKind.EXECUTIVE, role=role, full_name=name
    )


@pytest.fixture
def term(tree):
    """Lào Cai's executive committee 2023–2028, appointed on 01/06/2023 (in office since)."""
    return congress_services.term_appoint(
        scope=SYSTEM,
        unit=tree.lc,
        start_year=2023,
        end_year=2028,
        decision_no="12/QĐ-TLĐ",
        decision_date=D(2023, 6, 1),
    )


@pytest.fixture
def draft(tree, client):
    client.force_login(tree.province_officer)
    client.post(reverse("documents:review_create", args=[tree.lc.pk]), YEAR)
    return Review.objects.get()


def download(client, review, fmt) -> bytes:
    response = client.get(reverse("documents:review_download", args=[review.pk, fmt]))
    assert response.status_code == 200
    return response.content


def test_the_leaders_selector_reads_the_committee_in_office(tree, term):
    assert congress_selectors.unit_leaders(unit=tree.lc, on=D(2026, 1, 5)) == []
    seat(term, SeatRole.VICE_CHAIR, VICE)
    seat(term, SeatRole.CHAIR, CHAIR)
    seat(term, SeatRole.MEMBER, "Ủy viên A")
    assert congress_selectors.unit_leaders(unit=tree.lc, on=D(2026, 1, 5)) == [
        (SeatRole.CHAIR, CHAIR),
        (SeatRole.VICE_CHAIR, VICE),
    ]
    assert congress_selectors.unit_leaders(unit=tree.lc, on=D(2023, 5, 31)) == []  # before it took office
    assert congress_selectors.unit_leaders(unit=tree.bt, on=D(2026, 1, 5)) == []


def test_the_chair_recorded_at_the_congress_signs_the_docx_and_the_pdf(tree, term, draft, client):
    seat(term, SeatRole.CHAIR, CHAIR)
    left, right = closing_cells(download(client, draft, "docx"))
    assert lines(right) == ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH", CHAIR]
    assert right.paragraphs[-1].runs[0].bold
    assert "Nơi nhận:" in left.text and "- Lưu: VT." in left.text
    text = " ".join(pdf_text(download(client, draft, "pdf")).split())
    assert "TM. BAN CHẤP HÀNH" in text and "CHỦ TỊCH" in text and CHAIR in text
    page = client.get(draft.get_absolute_url()).content.decode()
    assert 'id="no-signer"' not in page and CHAIR in page


def test_a_vice_chair_signs_for_the_chair_when_no_chair_is_recorded(tree, term, draft, client):
    seat(term, SeatRole.VICE_CHAIR, VICE)
    _left, right = closing_cells(download(client, draft, "docx"))
    assert lines(right) == ["TM. BAN CHẤP HÀNH", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", VICE]


def test_no_one_recorded_prints_an_empty_name_line_and_the_page_says_where_to_enter_it(tree, draft, client):
    _left, right = closing_cells(download(client, draft, "docx"))
    assert lines(right) == ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"]
    assert right.paragraphs[-1].text == ""  # the name line is there, empty
    text = pdf_text(download(client, draft, "pdf"))
    assert "None" not in text and "TM. BAN CHẤP HÀNH" in text
    page = client.get(draft.get_absolute_url()).content.decode()
    assert 'id="no-signer"' in page and "Chưa có người ký — nhập tại" in page
    assert reverse("congress:unit", args=[tree.lc.pk]) in page and 'href="#id_signer_name"' in page


def test_the_officer_sets_the_signer_and_the_recipients(tree, term, draft, client):
    seat(term, SeatRole.CHAIR, CHAIR)
    response = client.post(
        reverse("documents:review_edit", args=[draft.pk]),
        {
            "results": draft.results,
            "recipients": "- Tổng Liên đoàn (để báo cáo);\nTỉnh ủy Lào Cai;\n\nLưu: VT, VP.",
            "signer_role": "vice_chair",
            "signer_name": "  Lý   Văn Sơn ",
            "version": draft.version,
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.signer_role, draft.signer_name) == ("vice_chair", VICE)
    left, right = closing_cells(download(client, draft, "docx"))
    assert lines(right) == ["TM. BAN CHẤP HÀNH", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", VICE]
    assert lines(left)[1:] == ["- Tổng Liên đoàn (để báo cáo);", "- Tỉnh ủy Lào Cai;", "- Lưu: VT, VP."]
    text = " ".join(pdf_text(download(client, draft, "pdf")).split())
    assert "KT. CHỦ TỊCH" in text and VICE in text and "Tỉnh ủy Lào Cai;" in text
    assert CHAIR not in text


def test_an_unknown_signer_role_is_refused_on_its_field(tree, draft, client):
    response = client.post(
        reverse("documents:review_edit", args=[draft.pk]),
        {"results": draft.results, "signer_role": "secretary", "version": draft.version},
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.signer_role == "" and draft.version == 1


def test_issuing_locks_the_signer_and_the_recipients(tree, term, draft, client):
    chair = seat(term, SeatRole.CHAIR, CHAIR)
    reviews.review_issue(
        scope=Scope.for_user(tree.province_officer),
        review=draft,
        number="15/BC-LĐLĐ",
        issued_on=D(2026, 1, 5),
    )
    draft.refresh_from_db()
    assert (draft.signer_role, draft.signer_name) == (SeatRole.CHAIR, CHAIR)
    assert draft.recipients.splitlines()[-1] == "Lưu: VT."
    # The committee changes after the review was issued: the issued document still names who signed it.
    Seat.objects.filter(pk=chair.pk).delete()
    seat(term, SeatRole.CHAIR, "Người Kế Nhiệm")
    _left, right = closing_cells(download(client, draft, "docx"))
    assert lines(right)[-1] == CHAIR
    assert CHAIR in pdf_text(download(client, draft, "pdf"))
    # And no one edits it until the level above reopens it.
    response = client.post(
        reverse("documents:review_edit", args=[draft.pk]),
        {"results": draft.results, "signer_name": "Ai Đó", "version": draft.version},
    )
    draft.refresh_from_db()
    assert draft.signer_name == CHAIR and response.status_code in (200, 302)


def test_the_cluster_review_is_signed_by_the_head_units_chair(tree):
    cluster = cluster_save(
        scope=SYSTEM,
        owner=tree.lc,
        name="Cụm thi đua số 1",
        kind="cluster",
        year=2025,
        members=[tree.bt, tree.cd],
        head_unit=tree.bt,
    )
    unsigned = closing_cells(cluster_docx(scope=SYSTEM, cluster=cluster, on=D(2026, 1, 5)))[1]
    assert lines(unsigned) == ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG"]
    term = congress_services.term_appoint(
        scope=SYSTEM,
        unit=tree.bt,
        start_year=2023,
        end_year=2028,
        decision_no="3/QĐ-LĐLĐ",
        decision_date=D(2023, 6, 1),
    )
    seat(term, SeatRole.CHAIR, "Phạm Văn Cường")
    signed = closing_cells(cluster_docx(scope=SYSTEM, cluster=cluster, on=D(2026, 1, 5)))[1]
    assert lines(signed) == ["TM. CỤM THI ĐUA", "CỤM TRƯỞNG", "Phạm Văn Cường"]
    assert "Phạm Văn Cường" in pdf_text(cluster_pdf(scope=SYSTEM, cluster=cluster, on=D(2026, 1, 5)))
