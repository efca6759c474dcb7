"""Fixtures for the organisation tree's tests: the demo story."""

from types import SimpleNamespace

import pytest

from congdoan.accounts.models import User
from congdoan.org.models import Unit


@pytest.fixture
def demo(db):
    """The Lào Cai 2025 restructure story (congdoan.demo.scenario), with its units by code and users."""
    from congdoan.demo.scenario import build

    build()
    units = {u.code: u for u in Unit.objects.all()}
    users = {u.username: u for u in User.objects.all()}
    return SimpleNamespace(unit=units, user=users)
