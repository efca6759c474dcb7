import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from congdoan.jobs import services
from congdoan.jobs.constants import JobStatus
from congdoan.jobs.models import Job

from .scope_fixtures import outside_objects

pytestmark = pytest.mark.django_db


def test_a_job_of_another_subtree_is_not_found_on_pages_and_api(tree, login):
    client = login(tree.province_officer)
    objects = outside_objects(tree)
    for name in ("jobs:detail", "jobs:result"):
        assert client.get(reverse(name, kwargs=objects[name])).status_code == 404
    job_id = objects["GET /api/v1/jobs/{job_id}"]["path"]["job_id"]
    assert client.get(f"/api/v1/jobs/{job_id}").status_code == 404
    assert client.get(reverse("jobs:index")).content.decode().count(f"/jobs/{job_id}/") == 0
    other = login(tree.other_province_officer)
    assert other.get(reverse("jobs:detail", args=[job_id])).status_code == 200
    assert other.get(reverse("jobs:result", args=[job_id])).status_code == 200


def test_a_running_job_page_polls_for_its_progress_and_stops_when_done(tree, login, make_job):
    job = make_job()
    services.job_start(job=job)
    services.job_progress(job=job, done=2500, total=10000, message="Đang kiểm tra từng dòng…")
    client = login(tree.grassroots_officer)

    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and 'value="2500" max="10000"' in page
    assert "2.500 / 10.000 (25%)" in page and "style=" not in page

    services.job_succeed(job=job, message="Đã xong.", result={"summary": [["Số dòng", "10.000"]]})
    fragment = client.get(reverse("jobs:detail", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in fragment and "Đã xong." in fragment and "10.000" in fragment
    assert "<html" not in fragment


def test_the_api_reports_status_and_progress(tree, login, make_job):
    job = make_job()
    services.job_start(job=job)
    services.job_progress(job=job, done=3, total=4)
    data = login(tree.commune_officer).get(f"/api/v1/jobs/{job.pk}").json()
    assert (data["status"], data["done"], data["total"], data["percent"]) == ("running", 3, 4, 75)
    assert data["result_url"] is None


def test_a_crash_in_the_work_fails_the_job_with_a_vietnamese_message(make_job):
    def boom(job):
        raise RuntimeError("disk on fire")

    job = services.job_run(job_id=make_job().pk, work=boom)
    assert job.status == JobStatus.FAILED and "Lỗi hệ thống" in job.message


def test_a_validation_error_in_the_work_becomes_the_jobs_message(make_job):
    def refuse(job):
        raise ValidationError("Trang tính trống.")

    job = services.job_run(job_id=make_job().pk, work=refuse)
    assert (job.status, job.message) == (JobStatus.FAILED, "Trang tính trống.")


def test_a_job_runs_once_even_if_delivered_twice(make_job):
    calls = []
    job = make_job()
    services.job_run(job_id=job.pk, work=calls.append)
    services.job_run(job_id=job.pk, work=calls.append)
    assert len(calls) == 1 and Job.objects.get().status == JobStatus.SUCCEEDED


def test_jobs_cannot_be_created_for_a_unit_outside_scope(tree):
    from django.core.exceptions import PermissionDenied

    from congdoan.core.scoping import Scope

    with pytest.raises(PermissionDenied):
        services.job_create(
            kind="test_job",
            title="Việc thử",
            unit=tree.g4,
            scope=Scope.for_user(tree.province_officer),
        )


def test_finished_jobs_files_are_purged_after_the_configured_days(make_job, settings, tmp_path):
    """Uploads and results (error workbooks, member lists) hold personal data: deleted after N days."""
    settings.MEDIA_ROOT = tmp_path
    settings.CONGDOAN_JOB_FILE_DAYS = 30
    old, recent, running = make_job(), make_job(), make_job()
    for job in (old, recent):
        job.input_file.save("input.xlsx", ContentFile(b"CCCD 001190000001"), save=True)
        services.job_fail(job=job, message="Có lỗi", result_file=("loi.xlsx", b"CCCD 001190000001"))
    running.input_file.save("input.xlsx", ContentFile(b"x"), save=True)
    paths = {job.pk: (Path(job.input_file.path), Path(job.result_file.path)) for job in (old, recent)}
    Job.objects.filter(pk=old.pk).update(finished_at=timezone.now() - dt.timedelta(days=31))

    call_command("purge_job_files", stdout=io.StringIO())

    old.refresh_from_db(), recent.refresh_from_db(), running.refresh_from_db()
    assert not old.input_file and not old.result_file and old.message == "Có lỗi"
    assert not any(p.exists() for p in paths[old.pk])
    assert recent.result_file and all(p.exists() for p in paths[recent.pk])
    assert running.input_file  # an upload still being imported is never touched
