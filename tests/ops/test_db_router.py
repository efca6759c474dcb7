"""The read-replica router: which reads go to the replica (congdoan/db_router.py documents the rule)."""

import pytest
from django.apps import apps
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import resolve, reverse

from congdoan.db_router import (
    PRIMARY_ONLY_APPS,
    ReplicaReadsMiddleware,
    ReplicaRouter,
    replica_reads,
    replica_reads_active,
)


@pytest.fixture
def with_replica(monkeypatch):
    monkeypatch.setattr(ReplicaRouter, "replica_configured", staticmethod(lambda: True))


def model(label):
    return apps.get_model(label)


def test_outside_a_replica_request_everything_reads_from_the_primary(with_replica):
    router = ReplicaRouter()
    assert router.db_for_read(model("members.Member")) == "default"
    assert router.db_for_read(model("org.Unit")) == "default"


def test_inside_a_replica_request_the_statistical_models_read_from_the_replica(with_replica):
    router = ReplicaRouter()
    with replica_reads():
        assert router.db_for_read(model("members.Member")) == "replica"
        assert router.db_for_read(model("org.Unit")) == "replica"
        assert router.db_for_read(model("targets.Rollup")) == "replica"
    assert router.db_for_read(model("members.Member")) == "default"


@pytest.mark.parametrize(
    "label", ["sessions.Session", "accounts.User", "accounts.Assignment", "axes.AccessAttempt", "jobs.Job"]
)
def test_sessions_users_roles_logins_and_jobs_always_read_from_the_primary(with_replica, label):
    assert model(label)._meta.app_label in PRIMARY_ONLY_APPS
    with replica_reads():
        assert ReplicaRouter().db_for_read(model(label)) == "default"


def test_writes_always_go_to_the_primary(with_replica):
    router = ReplicaRouter()
    with replica_reads():
        assert router.db_for_write(model("members.Member")) == "default"
    assert router.allow_migrate("default", "members") is True
    assert router.allow_migrate("replica", "members") is False


def test_without_a_replica_configured_nothing_is_routed_to_it():
    with replica_reads():
        assert ReplicaRouter().db_for_read(model("members.Member")) == "default"


def run_through_middleware(method, path, views):
    seen = {}

    def view(request):
        seen["replica"] = replica_reads_active()
        return HttpResponse()

    request = getattr(RequestFactory(), method)(path)
    request.resolver_match = resolve(path)
    middleware = ReplicaReadsMiddleware(lambda req: middleware.process_view(req, view, (), {}) or view(req))
    middleware.views = frozenset(views)
    middleware(request)
    return seen["replica"]


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("home:dashboard", {"pk": 1}),
        ("home:dashboard_xlsx", {"pk": 1}),
        ("members:statistics", {}),
        ("members:statistics_export", {}),
    ],
)
def test_the_statistics_and_dashboard_pages_read_from_the_replica(settings, name, kwargs):
    assert name in settings.REPLICA_READ_VIEWS
    path = reverse(name, kwargs=kwargs)
    assert run_through_middleware("get", path, settings.REPLICA_READ_VIEWS) is True
    assert replica_reads_active() is False, "switched off again after the response"


def test_a_post_to_a_replica_page_and_other_pages_use_the_primary(settings):
    assert run_through_middleware("post", reverse("members:statistics"), settings.REPLICA_READ_VIEWS) is False
    assert run_through_middleware("get", reverse("members:index"), settings.REPLICA_READ_VIEWS) is False
