import io

import pytest

from congdoan.core.scoping import Scope
from congdoan.jobs.constants import JobStatus
from congdoan.jobs.models import Job
from congdoan.targets import services

from ..conftest import Q1

pytestmark = pytest.mark.django_db


def test_excel_export_and_import_round_trip_with_row_errors(cat, login):
    t = cat.tree
    report = services.report_open(scope=Scope.unrestricted(), unit=t.g1, form=cat.form, period=Q1)
    client = login(t.grassroots_officer)
    content = client.get(f"/targets/reports/{report.pk}/export/").content
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(content))
    sheet = book.active
    assert "BÁO CÁO QUÝ" in sheet["A1"].value
    for row in sheet.iter_rows(min_row=5):
        if row[1].value == "t_members":
            row[5].value = 77
        if row[1].value == "t_dialogues":
            row[5].value = "nhiều"
    bad = io.BytesIO()
    book.save(bad)
    bad.seek(0)
    page = client.post(
        f"/targets/reports/{report.pk}/import/", {"version": report.version, "file": bad}, follow=True
    )
    assert "Dòng" in page.content.decode() and "không phải là số" in page.content.decode()
    assert report.values.get(indicator=cat.members).value is None  # nothing half-saved
    job = Job.objects.get(kind="report_import")
    assert job.status == JobStatus.FAILED and page.redirect_chain[-1][0] == job.get_absolute_url()
    for row in sheet.iter_rows(min_row=5):
        if row[1].value == "t_dialogues":
            row[5].value = 3
    good = io.BytesIO()
    book.save(good)
    good.seek(0)
    client.post(f"/targets/reports/{report.pk}/import/", {"version": report.version, "file": good})
    assert report.values.get(indicator=cat.members).value == 77
