import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from congdoan.core.scoping import Scope
from congdoan.jobs.constants import JobStatus
from congdoan.jobs.models import Job
from congdoan.members import services as member_services
from congdoan.members.constants import MemberStatus
from congdoan.members.models import AdmissionBatch, Member

from .conftest import HEADERS, person, read_errors

pytestmark = pytest.mark.django_db
SYSTEM = Scope.unrestricted()


def upload(client, path, unit):
    with open(path, "rb") as fh:
        data = {"unit": unit.pk, "file": SimpleUploadedFile(path.name, fh.read())}
    return client.post(reverse("members:import_upload"), data)


def test_the_template_has_vietnamese_headers_a_guide_and_drop_down_lists(tree, login):
    from openpyxl import load_workbook

    response = login(tree.commune_officer).get(reverse("members:excel_template"))

    wb = load_workbook(io.BytesIO(response.content))
    assert wb.sheetnames[:2] == ["Đoàn viên", "Hướng dẫn"]
    ws = wb["Đoàn viên"]
    assert [cell.value for cell in ws[1]] == HEADERS
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["D2"].endswith("$A$2:$A$3")  # Giới tính: Nam, Nữ
    assert lists["F2"].endswith("$B$2:$B$55")  # the 54 ethnic groups
    codes = [row[5].value for row in wb["Danh mục"].iter_rows(min_row=2) if row[5].value]
    assert sorted(codes) == ["LCI.BT.001", "LCI.BT.002"]  # the commune's grassroots unions, nothing else


def test_the_template_round_trips_through_the_import(tree, login, tmp_path):
    from openpyxl import load_workbook

    client = login(tree.grassroots_officer)
    path = tmp_path / "mau.xlsx"
    path.write_bytes(client.get(reverse("members:excel_template")).content)
    wb = load_workbook(path)
    wb["Đoàn viên"].append([person().get(h, "") for h in HEADERS])
    wb.save(path)

    response = upload(client, path, tree.g1)

    job = Job.objects.get()
    assert response.status_code == 302 and response.url == reverse("jobs:detail", args=[job.pk])
    assert job.status == JobStatus.SUCCEEDED, job.message
    assert Member.objects.get().status == MemberStatus.PENDING
    assert not job.input_file, "the uploaded personal data is not kept once it is in the registry"


def test_an_upload_with_a_bad_row_shows_the_errors_and_offers_the_error_workbook(tree, login, tmp_path):
    from .conftest import write_workbook

    client = login(tree.commune_officer)
    path = write_workbook(tmp_path / "ds.xlsx", [person(), person(**{"Số CCCD": "0012"})])

    response = upload(client, path, tree.bt)
    page = client.get(response.url).content.decode()

    job = Job.objects.get()
    assert job.status == JobStatus.FAILED and not Member.objects.exists()
    assert "1/2 dòng chưa đúng" in page and "Số CCCD" in page
    download = client.get(reverse("jobs:result", args=[job.pk]))
    assert download["Content-Disposition"].endswith('ds-loi.xlsx"')
    assert list(read_errors(b"".join(download.streaming_content))) == [3]


def test_uploads_that_are_not_xlsx_or_too_big_are_refused_on_the_form(tree, login, settings):
    client = login(tree.commune_officer)
    url = reverse("members:import_upload")
    csv = SimpleUploadedFile("ds.csv", b"a,b\n")
    assert "Chỉ nhận tệp Excel .xlsx" in client.post(url, {"unit": tree.bt.pk, "file": csv}).content.decode()
    fake = SimpleUploadedFile("ds.xlsx", b"GIF89a....")
    assert "không phải là tệp Excel" in client.post(url, {"unit": tree.bt.pk, "file": fake}).content.decode()
    huge = SimpleUploadedFile("lon.xlsx", b"PK\x03\x04" + b"0" * (30 * 1024 * 1024))
    page = client.post(url, {"unit": tree.bt.pk, "file": huge}).content.decode()
    assert "Tệp quá lớn (30,0 MB)" in page
    assert not Job.objects.exists()


def test_a_viewer_cannot_import_and_others_choose_only_their_own_units(tree, login):
    assert login(tree.viewer).get(reverse("members:import_upload")).status_code == 403
    page = login(tree.province_officer).get(reverse("members:import_upload")).content.decode()
    assert tree.lc.name in page and tree.dn.name not in page


def _active(unit, name, cccd):
    member = member_services.member_admit(
        scope=SYSTEM,
        unit=unit,
        admitted_on=dt.date(2021, 4, 5),
        decision_no="3/QĐ",
        full_name=name,
        gender="F",
        date_of_birth=dt.date(1985, 2, 3),
        cccd=cccd,
        ethnicity="02",
    )
    batch = AdmissionBatch.objects.get(members=member)
    member_services.batch_submit(scope=SYSTEM, batch=batch)
    member_services.batch_approve(scope=SYSTEM, batch=batch, decision_no="4/QĐ")
    member.refresh_from_db()
    return member


def test_the_export_holds_only_members_in_scope_with_the_template_columns(tree, login):
    from openpyxl import load_workbook

    mine = _active(tree.g1, "Hoàng Thị Lan", "001085000001")
    _active(tree.g3, "Vũ Thị Hoa", "001085000002")
    _active(tree.g4, "Lê Thị Đà Nẵng", "048085000003")

    response = login(tree.commune_officer).get(reverse("members:export_members"))

    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(values_only=True))
    header = list(rows[0])
    assert header[:3] == ["STT", "Mã đoàn viên", "Họ và tên"] and header[-2:] == ["Tên đơn vị", "Trạng thái"]
    assert "Số quyết định kết nạp" not in header
    assert len(rows) == 2
    row = dict(zip(header, rows[1], strict=True))
    assert (row["Mã đoàn viên"], row["Họ và tên"], row["Giới tính"], row["Dân tộc"]) == (
        mine.code,
        "Hoàng Thị Lan",
        "Nữ",
        "Tày",
    )
    assert row["Ngày sinh"].date() == dt.date(1985, 2, 3)
    assert ws.cell(row=2, column=header.index("Ngày sinh") + 1).number_format == "dd/mm/yyyy"
    assert (row["Số CCCD"], row["Mã đơn vị"], row["Tên đơn vị"]) == (
        "001085000001",
        "LCI.BT.001",
        tree.g1.name,
    )


def test_the_export_follows_the_search_filters(tree, login):
    from openpyxl import load_workbook

    _active(tree.g1, "Hoàng Thị Lan", "001085000001")
    _active(tree.g3, "Vũ Thị Hoa", "001085000002")
    client = login(tree.province_officer)

    def names(**params):
        data = client.get(reverse("members:export_members"), params).content
        return [r[2] for r in load_workbook(io.BytesIO(data)).active.iter_rows(min_row=2, values_only=True)]

    assert names() == ["Hoàng Thị Lan", "Vũ Thị Hoa"]
    assert names(q="vu thi") == ["Vũ Thị Hoa"]
    assert names(unit=tree.bt.pk) == ["Hoàng Thị Lan"]
    assert names(gender="M") == []
