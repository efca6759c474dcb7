import datetime as dt

from congdoan.audit.models import Event
from congdoan.party import services
from congdoan.party.models import Introduction

from .conftest import SYSTEM, introduce, make_member

D = dt.date


def test_officer_introduces_through_the_page(tree, member, login):
    client = login(tree.grassroots_officer)
    page = client.get("/party/introduce/", {"member": member.pk})
    assert page.status_code == 200 and member.code in page.content.decode()
    answer = client.post(
        "/party/introduce/",
        {
            "member": member.code,
            "resolution_no": "07/NQ-CĐCS",
            "introduced_on": "02/03/2025",
            "party_cell": "Chi bộ Phân xưởng Tuyển quặng",
            "mentors": "Hoàng Văn Thụ",
        },
    )
    intro = Introduction.objects.get(member=member)
    assert answer.status_code == 302 and answer.url == f"/party/introductions/{intro.pk}/"
    listing = client.get("/party/").content.decode()
    assert "Lò Văn Pao" in listing and "07/NQ-CĐCS" in listing


def test_introduce_page_names_the_bad_field(tree, member, login):
    introduce(member)
    client = login(tree.grassroots_officer)
    answer = client.post(
        "/party/introduce/",
        {
            "member": member.code,
            "resolution_no": "08",
            "introduced_on": "02/03/2025",
            "party_cell": "Chi bộ",
            "mentors": "A",
        },
    )
    assert answer.status_code == 200
    assert "đang được giới thiệu" in answer.content.decode()
    assert Introduction.objects.count() == 1


def test_move_on_the_detail_page_and_read_is_audited(tree, member, login):
    intro = introduce(member)
    client = login(tree.commune_officer)
    reads = Event.objects.filter(action="party.read").count()
    page = client.get(f"/party/introductions/{intro.pk}/")
    assert page.status_code == 200 and "Chi bộ Phân xưởng Tuyển quặng" in page.content.decode()
    assert Event.objects.filter(action="party.read").count() == reads + 1
    answer = client.post(
        f"/party/introductions/{intro.pk}/", {"to": "training", "on": "01/04/2025", "version": intro.version}
    )
    assert answer.status_code == 302
    intro.refresh_from_db()
    assert intro.status == "training"
    answer = client.post(
        f"/party/introductions/{intro.pk}/", {"to": "admitted", "on": "01/04/2026", "version": intro.version}
    )
    assert answer.status_code == 200 and "số quyết định kết nạp" in answer.content.decode()
    client.get(f"/party/members/{member.pk}/")
    assert Event.objects.filter(action="party.read", object_id=str(member.pk)).count() == 2


def test_viewer_and_other_province_see_nothing(tree, member, login):
    intro = introduce(member)
    viewer = login(tree.viewer)
    assert viewer.get("/party/").status_code == 403
    assert viewer.get(f"/party/introductions/{intro.pk}/").status_code == 403
    assert viewer.get(f"/party/members/{member.pk}/").status_code == 403
    detail = viewer.get(f"/members/{member.pk}/").content.decode()
    assert "party-record" not in detail
    other = login(tree.other_province_officer)
    assert other.get(f"/party/introductions/{intro.pk}/").status_code == 404
    assert other.get(f"/party/members/{member.pk}/").status_code == 404
    assert "Lò Văn Pao" not in other.get("/party/").content.decode()


def test_member_detail_links_to_the_pipeline_for_officers(tree, member, login):
    page = login(tree.grassroots_officer).get(f"/members/{member.pk}/").content.decode()
    assert f"/party/members/{member.pk}/" in page


def test_filters_by_status_and_period(tree, login):
    a = make_member(tree.g1, "Đoàn viên A")
    b = make_member(tree.g3, "Đoàn viên B")
    first = introduce(a, on=D(2024, 5, 1))
    services.introduction_move(
        scope=SYSTEM, introduction=first, to="withdrawn", on=D(2024, 6, 1), reason="Ốm"
    )
    introduce(b, on=D(2025, 5, 1))
    client = login(tree.province_officer)
    page = client.get("/party/", {"status": "open"}).content.decode()
    assert "Đoàn viên B" in page and "Đoàn viên A" not in page
    page = client.get("/party/", {"start": "01/01/2024", "end": "31/12/2024"}).content.decode()
    assert "Đoàn viên A" in page and "Đoàn viên B" not in page
    page = client.get("/party/", {"unit": tree.cd.pk}).content.decode()
    assert "Đoàn viên B" in page and "Đoàn viên A" not in page


def test_figures_page(tree, login):
    a = make_member(tree.g1, "Đoàn viên A")
    intro = introduce(a, on=D(2025, 5, 1))
    services.introduction_move(scope=SYSTEM, introduction=intro, to="training", on=D(2025, 6, 1))
    services.introduction_move(
        scope=SYSTEM, introduction=intro, to="admitted", on=D(2025, 11, 1), decision_no="5-QĐ/ĐU"
    )
    page = login(tree.province_officer).get(
        "/party/figures/", {"unit": tree.lc.pk, "start": "01/01/2025", "end": "31/12/2025"}
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="introduced">1<' in html and 'id="admitted">1<' in html
    assert "Công đoàn xã Bảo Thắng" in html
