"""Fixtures for the organisation tree's tests: the demo story and a way to see that nothing changed."""

from types import SimpleNamespace

import pytest

from congdoan.accounts.models import User
from congdoan.audit.models import Event
from congdoan.org.models import Cluster, Unit, UnitLink


@pytest.fixture
def demo(db):
    """The Lào Cai 2025 restructure story (congdoan.demo.scenario), with its units by code and users."""
    from congdoan.demo.scenario import build

    build()
    units = {u.code: u for u in Unit.objects.all()}
    users = {u.username: u for u in User.objects.all()}
    return SimpleNamespace(unit=units, user=users)


def _state() -> dict:
    return {
        "units": list(
            Unit.objects.order_by("pk").values_list(
                "pk", "name", "status", "path", "depth", "parent_id", "dissolved_on", "successor_id"
            )
        ),
        "links": list(
            UnitLink.objects.order_by("pk").values_list(
                "pk", "child_id", "parent_id", "valid_from", "valid_to"
            )
        ),
        "events": Event.objects.count(),
        "clusters": list(Cluster.objects.order_by("pk").values_list("pk", "name", "year", "head_unit_id")),
    }


@pytest.fixture
def unchanged():
    """``with unchanged(): ...`` asserts the block left units, links, clusters and the audit log as they were."""
    from contextlib import contextmanager

    @contextmanager
    def _check():
        before = _state()
        yield
        assert _state() == before, "an invalid operation changed the database"

    return _check
