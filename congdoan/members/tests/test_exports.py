"""The member-list and statistics exports run as Jobs above CONGDOAN_INLINE_EXPORT_ROWS, with the same rows."""

import datetime as dt
import io
import re

import openpyxl
import pytest
from django.urls import reverse

from congdoan.jobs.constants import JobStatus
from congdoan.jobs.models import Job

from .conftest import admit_active

pytestmark = pytest.mark.django_db
D = dt.date


def _rows(content: bytes, sheet: int = 0) -> list[list]:
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [list(row) for row in book.worksheets[sheet].iter_rows(values_only=True)]


def _job_rows(job: Job, sheet: int = 0) -> list[list]:
    with job.result_file.open("rb") as fh:
        return _rows(fh.read(), sheet)


def test_the_member_export_above_the_inline_limit_is_a_job_with_the_same_rows(tree, login, settings):
    admit_active(tree.g1, full_name="Hoàng Thị Lan", gender="F")
    admit_active(tree.g3, full_name="Vũ Thị Hoa")
    client = login(tree.province_officer)
    url = reverse("members:export_members")
    inline = client.get(url, {"gender": "F"})
    assert inline.status_code == 200 and not Job.objects.exists()

    settings.CONGDOAN_INLINE_EXPORT_ROWS = 0
    response = client.get(url, {"gender": "F"})

    job = Job.objects.get()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    assert job.kind == "member_export" and job.title == "Xuất danh sách đoàn viên ra Excel"
    assert job.status == JobStatus.SUCCEEDED and job.result_name.endswith(".xlsx")
    assert job.total == 1 and job.params["query"] == {"gender": "F"}
    assert _job_rows(job) == _rows(inline.content)
    assert [r[2] for r in _job_rows(job)[1:]] == ["Hoàng Thị Lan"]


def test_the_statistics_export_above_the_inline_limit_is_a_job_with_the_same_rows(tree, login, settings):
    admit_active(tree.g1, on=D(2020, 1, 1), gender="F")
    admit_active(tree.g3, on=D(2024, 2, 1))
    client = login(tree.province_officer)
    url = reverse("members:statistics_export")
    params = {"unit": tree.lc.pk, "on": "2024-06-30", "start": "2024-01-01", "end": "2024-06-30"}
    inline = client.get(url, params)
    assert inline.status_code == 200 and not Job.objects.exists()

    settings.CONGDOAN_INLINE_EXPORT_ROWS = 0
    response = client.get(url, params)

    job = Job.objects.get()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    assert job.kind == "member_statistics_export" and job.title == "Xuất thống kê đoàn viên ra Excel"
    assert job.status == JobStatus.SUCCEEDED and job.unit == tree.lc
    assert job.result_name == f"thong-ke-doan-vien-{tree.lc.code}-20240630.xlsx"
    assert _job_rows(job) == _rows(inline.content)
    assert _job_rows(job, 1) == _rows(inline.content, 1)
    assert ["Tổng số đoàn viên", 2] in [row[:2] for row in _job_rows(job)]


def test_an_export_job_is_refused_for_a_unit_outside_the_scope(tree, login, settings):
    settings.CONGDOAN_INLINE_EXPORT_ROWS = 0
    client = login(tree.province_officer)
    assert client.get(reverse("members:statistics_export"), {"unit": tree.dn.pk}).status_code == 404
    assert client.get(reverse("members:export_members"), {"unit": tree.dn.pk}).status_code == 404
    assert not Job.objects.exists()


def test_text_that_looks_like_a_formula_is_exported_as_text(tree, login):
    """A value typed as "=HYPERLINK(…)" must reach Excel as the text the officer typed, never a formula."""
    admit_active(tree.g1, full_name="Lò Văn Páo", job='=HYPERLINK("http://x","Bấm")', hometown="+84 Lào Cai")
    content = login(tree.province_officer).get(reverse("members:export_members")).content
    book = openpyxl.load_workbook(io.BytesIO(content))
    cells = [cell for row in book.worksheets[0].iter_rows() for cell in row if cell.value]
    typed = {cell.value: cell.data_type for cell in cells if str(cell.value).startswith(("=", "+"))}
    assert typed == {'=HYPERLINK("http://x","Bấm")': "s", "+84 Lào Cai": "s"}


def test_the_search_page_offers_the_export_of_what_it_lists_with_its_filters(tree, login):
    """The search page had no "Xuất Excel" although the export existed."""
    admit_active(tree.g1, full_name="Hoàng Thị Lan", gender="F")
    admit_active(tree.g1, full_name="Vũ Văn Hùng", gender="M")
    client = login(tree.province_officer)
    page = client.get(reverse("members:index"), {"gender": "F", "page": "1"}).content.decode()
    link = re.search(r'id="member-export" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert link == f"{reverse('members:export_members')}?gender=F"
    exported = str(_rows(client.get(link).content))
    assert "Hoàng Thị Lan" in exported and "Vũ Văn Hùng" not in exported
