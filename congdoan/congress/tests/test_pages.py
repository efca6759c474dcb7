"""The pages an officer uses: plan a round, see who is late, record a congress and its bodies, print."""

import datetime as dt

import pytest

from congdoan.congress import services
from congdoan.congress.constants import BodyKind, SeatRole
from congdoan.congress.models import Congress
from congdoan.congress.tests.conftest import SYSTEM, held, make_congress, make_member
from congdoan.documents.congress_decision import decision_context
from congdoan.inbox.models import Notice
from tests.factories import officer

D = dt.date


def test_the_plan_page_counts_held_late_and_pending_and_reminds_the_late(tree, plan, login):
    held(tree.g1, day=D(2023, 3, 20))  # on time
    held(tree.g2, day=D(2023, 4, 20))  # late but held
    make_congress(tree.g3, planned_on=D(2023, 3, 1))  # never held: late
    client = login(tree.province_officer)
    page = client.get(f"/congress/plans/{plan.pk}/")
    text = page.content.decode()
    assert "2/3 công đoàn cơ sở đã tổ chức đại hội (66,67 %)" in text
    late = client.get(f"/congress/plans/{plan.pk}/", {"state": "late"}).content.decode()
    assert tree.g3.name in late and tree.g1.name not in late
    xa3 = officer(tree.g3, username="coso3")
    response = client.post(f"/congress/plans/{plan.pk}/remind/", follow=True)
    assert "Đã gửi" in response.content.decode()
    notice = Notice.objects.get(recipient=xa3)
    assert "2023–2028" in notice.title and "31/03/2023" in notice.body


def test_plan_a_round_through_the_form(tree, login):
    client = login(tree.province_officer)
    response = client.post(
        "/congress/plans/new/",
        {
            "owner": tree.lc.pk,
            "name": "Kế hoạch đại hội nhiệm kỳ 2025–2030",
            "document_no": "22/KH-LĐLĐ",
            "term_start": "2025",
            "term_end": "2030",
            "deadline_commune": "31/10/2025",
            "deadline_grassroots": "31/12/2025",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "31/10/2025" in page and "31/12/2025" in page


def test_record_a_congress_and_its_bodies_through_the_pages(tree, login):
    chair = make_member(tree.g1, "Phạm Thị Mai")
    client = login(tree.grassroots_officer)
    response = client.post(
        f"/congress/units/{tree.g1.pk}/new/",
        {"start_year": "2023", "end_year": "2028", "form": "all_members", "planned_on": "10/05/2023"},
    )
    assert response.status_code == 302, response.content.decode()
    congress = Congress.objects.get(unit=tree.g1)
    response = client.post(
        f"/congress/{congress.pk}/record/",
        {"held_on": "12/05/2023", "form": "all_members", "members_count": "45", "version": congress.version},
    )
    assert response.status_code == 302, response.content.decode()
    seat = client.post(
        f"/congress/terms/{congress.term_id}/seats/new/",
        {"kind": "executive", "role": "chair", "member": chair.code},
    )
    assert seat.status_code == 302
    assert chair.posts.get().valid_from == D(2023, 5, 12)
    for name in ("Lê Văn Tám", "Đỗ Thị Hằng"):
        client.post(
            f"/congress/terms/{congress.term_id}/seats/new/",
            {"kind": "executive", "role": "member", "full_name": name},
        )
    refused = client.post(
        f"/congress/terms/{congress.term_id}/seats/new/",
        {"kind": "executive", "role": "member", "full_name": "Người thứ tư"},
    )
    assert "tối đa 3 ủy viên" in refused.content.decode()
    page = client.get(f"/congress/terms/{congress.term_id}/").content.decode()
    assert "Phạm Thị Mai" in page and "Ban Chấp hành (3)" in page


def test_the_recognising_decision_prints_as_pdf_and_docx(tree, login):
    congress = held(tree.g1)
    term = congress.term
    services.seat_add(
        scope=SYSTEM, term=term, kind=BodyKind.EXECUTIVE, role=SeatRole.CHAIR, full_name="Lê An"
    )
    client = login(tree.commune_officer)
    response = client.post(
        f"/congress/terms/{term.pk}/recognise/",
        {
            "decision_no": "25/QĐ-CĐX",
            "decision_date": "20/05/2023",
            "signer_name": "Hoàng Văn Dũng",
            "signer_title": "TM. Ban Thường vụ — Chủ tịch",
            "version": term.version,
        },
    )
    assert response.status_code == 302, response.content.decode()
    pdf = client.get(f"/congress/terms/{term.pk}/decision.pdf")
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"
    docx = client.get(f"/congress/terms/{term.pk}/decision.docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    term.refresh_from_db()
    context = decision_context(term)
    assert context["issuer"] == tree.bt.name
    assert "đồng chí Lê An — Chủ tịch" in " ".join(context["articles"])


@pytest.mark.parametrize("user", ["viewer", "other_province_officer"])
def test_who_cannot_record(tree, login, user):
    congress = make_congress(tree.g1)
    client = login(getattr(tree, user))
    response = client.get(f"/congress/{congress.pk}/record/")
    assert response.status_code in (403, 404)


def test_a_lower_level_sees_the_plan_above_for_its_own_units_only(tree, plan, login):
    held(tree.g1, day=D(2023, 3, 20))
    client = login(tree.commune_officer)
    text = client.get(f"/congress/plans/{plan.pk}/").content.decode()
    assert "1/2 công đoàn cơ sở đã tổ chức đại hội (50,00 %)" in text
    assert tree.g3.name not in text and 'id="remind"' not in text
    assert client.get(f"/congress/plans/{plan.pk}/edit/").status_code == 403
    assert login(tree.other_province_officer).get(f"/congress/plans/{plan.pk}/").status_code == 404
