"""The long work of targets as jobs (targets.tasks), run at once by the immediate task backend in tests."""

import datetime as dt
import io
import zipfile

import pytest

from congdoan.core.scoping import Scope
from congdoan.jobs.constants import JobStatus
from congdoan.jobs.models import Job
from congdoan.targets import services
from congdoan.targets.models import TargetAssignment
from congdoan.targets.views._common import XLSX

from .conftest import Q1, fill, workbook

pytestmark = pytest.mark.django_db


def _parts(content: bytes) -> dict:
    """The workbook's parts, without the creation time xlsxwriter stamps into docProps/core.xml."""
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        return {name: book.read(name) for name in book.namelist() if name != "docProps/core.xml"}


def test_a_big_export_runs_as_a_job_whose_file_equals_the_inline_one(cat, login, settings):
    t = cat.tree
    report = fill(cat, t.g1, {cat.members: "10"}, approve=True)
    client = login(t.province_officer)
    urls = [
        f"/targets/reports/{report.pk}/export/",
        f"/targets/units/{t.lc.pk}/rollup/?period=2026-Q1&export=xlsx",
    ]
    inline = [client.get(url) for url in urls]
    assert all(r.status_code == 200 and r["Content-Type"].startswith(XLSX) for r in inline)
    settings.CONGDOAN_INLINE_EXPORT_ROWS = 0
    for url, direct, kind in zip(urls, inline, ["report_export", "rollup_export"], strict=True):
        response = client.get(url)
        job = Job.objects.filter(kind=kind).latest("pk")
        assert response.status_code == 302 and response.url == job.get_absolute_url()
        assert job.status == JobStatus.SUCCEEDED, job.message
        assert job.result_name in direct["Content-Disposition"]
        assert _parts(job.result_file.read()) == _parts(direct.content)


def test_a_target_workbook_is_imported_by_a_job_with_its_row_errors_on_the_job_page(cat, login):
    t = cat.tree
    client = login(t.commune_officer)
    url = f"/targets/units/{t.bt.pk}/targets/?year=2026"
    bad = workbook(
        [["Mã đơn vị", "Tên đơn vị", "t_members"], ["LCI.BT.001", "Apatit", 100], ["LCI.BT.404", "?", 1]]
    )
    response = client.post(url, {"decision_no": "3/QĐ", "decision_date": "15/01/2026", "file": bad})
    job = Job.objects.get(kind="target_import")
    assert response.url == job.get_absolute_url() and job.status == JobStatus.FAILED
    assert job.result["errors"][0]["row"] == 3 and "LCI.BT.404" in job.result["errors"][0]["message"]
    assert "LCI.BT.404" in client.get(response.url).content.decode()
    assert not TargetAssignment.objects.exists()
    good = workbook([["Mã đơn vị", "Tên đơn vị", "t_members"], ["LCI.BT.001", "Apatit", 100]])
    client.post(url, {"decision_no": "3/QĐ", "decision_date": "15/01/2026", "file": good})
    job = Job.objects.filter(kind="target_import").latest("pk")
    assert job.status == JobStatus.SUCCEEDED and "1 chỉ tiêu" in job.message
    assert TargetAssignment.objects.get(unit=t.g1).decision_date == dt.date(2026, 1, 15)


def test_the_api_starts_imports_as_jobs_and_answers_202(cat, client):
    t = cat.tree
    report = services.report_open(scope=Scope.unrestricted(), unit=t.g1, form=cat.form, period=Q1)
    client.force_login(t.grassroots_officer)
    sheet = workbook(
        [["STT", "Mã chỉ tiêu", "Chỉ tiêu", "ĐVT", "Giao", "Thực hiện"], [1, "t_members", "x", "", "", 42]]
    )
    sheet.name = "bao-cao.xlsx"
    response = client.post(
        f"/api/v1/targets/reports/{report.pk}/import", {"file": sheet, "version": report.version}
    )
    assert response.status_code == 202 and response.json()["kind"] == "report_import"
    assert response.json()["status"] == "succeeded"
    assert report.values.get(indicator=cat.members).value == 42
    client.force_login(t.commune_officer)
    targets = workbook([["Mã đơn vị", "Tên đơn vị", "t_members"], ["LCI.BT.001", "Apatit", 7]])
    targets.name = "chi-tieu.xlsx"
    body = {"assigned_by_id": t.bt.pk, "year": 2026, "decision_no": "5/QĐ", "file": targets}
    response = client.post("/api/v1/targets/assignments/import", body)
    assert response.status_code == 202 and response.json()["status"] == "succeeded"
    assert TargetAssignment.objects.get(unit=t.g1, decision_no="5/QĐ").value == 7
