"""Administrators of units for the account-management tests (the shared tree has only one, national)."""

from types import SimpleNamespace

import pytest

from congdoan.core.roles import Role
from tests.factories import officer


@pytest.fixture
def admins(tree):
    """An administrator of Lào Cai, of the commune Bảo Thắng and of Đà Nẵng."""
    return SimpleNamespace(
        lc=officer(tree.lc, Role.ADMIN, username="qt.laocai", full_name="Quản trị Lào Cai"),
        bt=officer(tree.bt, Role.ADMIN, username="qt.baothang", full_name="Quản trị Bảo Thắng"),
        dn=officer(tree.dn, Role.ADMIN, username="qt.danang", full_name="Quản trị Đà Nẵng"),
    )
