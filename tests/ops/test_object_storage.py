"""Uploaded and generated files in S3-compatible object storage (django-storages), against moto's S3 server
started on this machine: what a job stores lands in the bucket and downloads back through the application."""

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from congdoan.core.files import local_path
from congdoan.core.scoping import Scope
from congdoan.jobs.services import job_create, job_succeed

BUCKET = "congdoan-files"
CREDENTIALS = {"access_key": "testing", "secret_key": "testing", "region_name": "us-east-1"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    executable = Path(sys.executable).with_name("moto_server")
    command = [str(executable)] if executable.exists() else [shutil.which("moto_server") or "moto_server"]
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 (moto's own server from the virtualenv)
        [*command, "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        for _ in range(150):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("moto_server did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def bucket(s3_endpoint, settings):
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="us-east-1",
    )
    if BUCKET not in [b["Name"] for b in client.list_buckets()["Buckets"]]:
        client.create_bucket(Bucket=BUCKET)
    # The OPTIONS congdoan/settings.py builds when AWS_STORAGE_BUCKET_NAME is set.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                **CREDENTIALS,
                "location": "",
                "default_acl": None,
                "querystring_auth": True,
                "signature_version": "s3v4",
                "file_overwrite": False,
            },
        },
    }
    return client


def keys(client) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_files_are_written_to_and_read_from_the_bucket(bucket):
    name = default_storage.save("jobs/result/2026/12/bao-cao.xlsx", ContentFile(b"PK\x03\x04 workbook"))
    assert name in keys(bucket)
    with default_storage.open(name, "rb") as stored:
        assert stored.read() == b"PK\x03\x04 workbook"
    url = default_storage.url(name)
    assert "X-Amz-Signature=" in url, "private files are handed out through signed, expiring links"
    again = default_storage.save("jobs/result/2026/12/bao-cao.xlsx", ContentFile(b"second"))
    assert again != name, "a second file with the same name never overwrites the first"
    default_storage.delete(name)
    assert name not in keys(bucket)


@pytest.mark.django_db
def test_a_job_input_and_result_live_in_the_bucket_and_download_through_the_site(bucket, tree, login):
    scope = Scope.for_user(tree.province_officer)
    job = job_create(
        scope=scope,
        kind="member_export",
        title="Xuất thử",
        unit=tree.lc,
        input_file=ContentFile(b"input workbook", name="danh-sach.xlsx"),
    )
    assert job.input_file.name in keys(bucket)
    job_succeed(job=job, message="Xong", result_file=("ket-qua.xlsx", b"result workbook"))
    job.refresh_from_db()
    assert job.result_file.name in keys(bucket)

    response = login(tree.province_officer).get(reverse("jobs:result", args=[job.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"result workbook"

    # Readers that need a file on disk (the member import's calamine and zip checks) get a temporary copy:
    # the import job read ``input_file.path``, which object storage does not have.
    with pytest.raises(NotImplementedError):
        job.input_file.path  # noqa: B018 - the attribute itself raises
    with local_path(job.input_file) as path:
        assert path.read_bytes() == b"input workbook" and path.suffix == ".xlsx"
    assert not path.exists()


def test_the_settings_choose_object_storage_from_the_environment(s3_endpoint):
    from tests.ops.test_production_settings import settings_value

    backend, options = settings_value(
        "[settings.STORAGES['default']['BACKEND'], settings.STORAGES['default']['OPTIONS']]",
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=s3_endpoint,
    )
    assert backend == "storages.backends.s3.S3Storage"
    assert options["bucket_name"] == BUCKET
    assert options["endpoint_url"] == s3_endpoint
    assert options["querystring_auth"] is True
    assert (
        settings_value("settings.STORAGES['default']['BACKEND']")
        == "django.core.files.storage.FileSystemStorage"
    )
