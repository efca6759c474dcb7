"""The pages as officers use them: register, assess, attach evidence, recognise, revoke, the list, the export."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from congdoan.culture import selectors
from congdoan.culture.models import Evidence, Recognition, Registration
from congdoan.culture.tests.conftest import authority, recognise, register

PDF = b"%PDF-1.4\n%minh chung\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _grid_post(registration, met_numbers, version):
    data = {"version": version}
    for criterion in selectors.criteria_for(culture_type=registration.culture_type, year=registration.year):
        if criterion.number in met_numbers:
            data[f"met_{criterion.pk}"] = "on"
        data[f"note_{criterion.pk}"] = f"Ghi chú {criterion.number}"
    return data


def test_grassroots_registers_and_assesses(tree, login):
    client = login(tree.grassroots_officer)
    page = client.get("/culture/")
    assert page.status_code == 200 and "Đạt chuẩn văn hoá năm" in page.content.decode()
    form = client.get("/culture/registrations/new/")
    assert tree.g1.name in form.content.decode() and tree.g2.name not in form.content.decode()
    answer = client.post(
        "/culture/registrations/new/",
        {"unit": tree.g1.pk, "year": "2025", "culture_type": "enterprise", "registered_on": "15/02/2025"},
    )
    registration = Registration.objects.get()
    assert answer.status_code == 302 and answer["Location"] == f"/culture/registrations/{registration.pk}/"
    assert registration.registered_on == dt.date(2025, 2, 15)
    detail = client.get(answer["Location"]).content.decode()
    assert "Sản xuất, kinh doanh ổn định, phát triển bền vững" in detail
    assert "Tự đánh giá: đạt 0/4 tiêu chí" in detail
    client.post(answer["Location"], _grid_post(registration, {1, 2, 3}, 0))
    detail = client.get(answer["Location"]).content.decode()
    assert "Tự đánh giá: đạt 3/4 tiêu chí" in detail
    assert "Năm 2025 đơn vị mới đạt 3/4 tiêu chí." in detail
    assert "Ghi quyết định công nhận" not in detail  # the union never recognises itself


def test_a_stale_assessment_page_shows_the_conflict(tree, login):
    registration = register(tree.g1, 2025, met=False)
    client = login(tree.grassroots_officer)
    answer = client.post(registration.get_absolute_url(), _grid_post(registration, {1}, 0))
    assert answer.status_code == 200
    assert "đã được người khác sửa" in answer.content.decode()


def test_duplicate_registration_message_on_the_form(tree, login):
    register(tree.g1, 2025)
    client = login(tree.grassroots_officer)
    answer = client.post(
        "/culture/registrations/new/",
        {"unit": tree.g1.pk, "year": "2025", "culture_type": "agency", "registered_on": "15/02/2025"},
    )
    assert "đã đăng ký năm 2025" in answer.content.decode()
    assert Registration.objects.count() == 1


def test_evidence_upload_and_download(tree, login):
    registration = register(tree.g1, 2025)
    client = login(tree.grassroots_officer)
    criterion = selectors.criteria_for(culture_type="enterprise", year=2025).first()
    answer = client.post(
        f"/culture/registrations/{registration.pk}/evidence/",
        {"title": "Báo cáo SXKD", "criterion": criterion.pk, "file": SimpleUploadedFile("bao-cao.pdf", PDF)},
    )
    assert answer.status_code == 302
    evidence = Evidence.objects.get()
    download = client.get(f"/culture/evidence/{evidence.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    bad = client.post(
        f"/culture/registrations/{registration.pk}/evidence/", {"file": SimpleUploadedFile("x.exe", b"MZ")}
    )
    assert "chỉ nhận PDF" in bad.content.decode()
    client.post(f"/culture/evidence/{evidence.pk}/delete/")
    assert not Evidence.objects.exists()


def test_commune_recognises_then_province_revokes(tree, history, login):
    client = login(tree.commune_officer)
    url = f"/culture/registrations/{history[2].pk}/"
    assert "Ghi quyết định công nhận" in client.get(url).content.decode()
    district = authority("Chủ tịch Ủy ban nhân dân cấp huyện")
    refused = client.post(
        f"{url}recognise/", {"authority": district.pk, "number": "12/QĐ-UBND", "issued_on": "20/12/2025"}
    )
    assert "không còn áp dụng ngày 20/12/2025" in refused.content.decode()
    answer = client.post(
        f"{url}recognise/", {"authority": authority().pk, "number": "12/QĐ-UBND", "issued_on": "20/12/2025"}
    )
    assert answer.status_code == 302
    recognition = Recognition.objects.get()
    assert recognition.kind == "first" and recognition.number == "12/QĐ-UBND"
    assert "Công nhận lần đầu" in client.get(url).content.decode()
    province = login(tree.province_officer)
    empty = province.post(
        f"/culture/recognitions/{recognition.pk}/revoke/", {"revoked_on": "05/01/2026", "reason": ""}
    )
    assert empty.status_code == 200
    province.post(
        f"/culture/recognitions/{recognition.pk}/revoke/",
        {"revoked_on": "05/01/2026", "reason": "Vi phạm an toàn lao động", "number": "3/QĐ-UBND"},
    )
    recognition.refresh_from_db()
    assert recognition.revoked_on == dt.date(2026, 1, 5)
    assert "Đã thu hồi từ ngày 05/01/2026: Vi phạm an toàn lao động" in province.get(url).content.decode()


def test_province_list_figures_and_export(tree, history, login):
    recognise(history[2])
    client = login(tree.province_officer)
    page = client.get(f"/culture/?unit={tree.lc.pk}&year=2025").content.decode()
    assert 'id="fig-grassroots">3<' in page
    assert 'id="fig-registered">2<' in page
    assert "66,67 %" in page and "33,33 %" in page
    assert tree.g4.name not in page  # Đà Nẵng is not in scope
    narrowed = client.get(f"/culture/?unit={tree.lc.pk}&year=2025&status=none").content.decode()
    assert tree.g3.name in narrowed and tree.g1.name not in narrowed
    export = client.get(f"/culture/?unit={tree.lc.pk}&year=2025&format=xlsx")
    assert export.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(export.content))
    summary = [tuple(r[:2]) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert ("Số đơn vị đăng ký", 2) in summary and ("Tỷ lệ được công nhận", "33,33 %") in summary
    rows = list(book.worksheets[1].iter_rows(values_only=True))
    assert rows[0][:5] == ("Mã", "Công đoàn cơ sở", "Danh hiệu đăng ký", "Tiêu chí đạt", "Tình trạng")
    by_code = {r[0]: r for r in rows[1:]}
    assert by_code["LCI.BT.001"][4] == "Đã được công nhận" and by_code["LCI.BT.001"][5] == "15/QĐ-UBND"
    assert by_code["LCI.BT.002"][3] == "3/4"
    assert by_code["LCI.CD.001"][4] == "Chưa đăng ký"


def test_other_province_gets_404(tree, history, login):
    client = login(tree.other_province_officer)
    assert client.get(f"/culture/registrations/{history[0].pk}/").status_code == 404
    assert client.get(f"/culture/registrations/{history[0].pk}/recognise/").status_code == 404


def test_withdraw_from_the_page(tree, login):
    registration = register(tree.g1, 2025, met=False)
    client = login(tree.grassroots_officer)
    assert "Rút đăng ký năm này" in client.get(registration.get_absolute_url()).content.decode()
    answer = client.post(f"/culture/registrations/{registration.pk}/delete/")
    assert answer.status_code == 302 and answer["Location"] == f"/culture/?unit={tree.g1.pk}"
    assert not Registration.objects.exists()
    assert client.get(f"/culture/registrations/{registration.pk}/delete/").status_code == 405
