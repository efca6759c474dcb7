"""Jobs done for Đà Nẵng's units, which the Lào Cai officer must not see (see docs/testing.md)."""


def outside_objects(tree) -> dict:
    from congdoan.core.scoping import Scope
    from congdoan.jobs import services

    job = services.job_create(
        kind="test_job",
        title="Việc thử",
        unit=tree.g4,
        scope=Scope.for_user(tree.other_province_officer),
    )
    services.job_fail(job=job, message="x", result_file=("loi.xlsx", b"PK"))
    return {
        "jobs:detail": {"pk": job.pk},
        "jobs:result": {"pk": job.pk},
        "GET /api/v1/jobs/{job_id}": {"path": {"job_id": job.pk}, "body": None},
    }
