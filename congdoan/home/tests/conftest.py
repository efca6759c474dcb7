"""Fixtures borrowed from the apps whose figures the dashboard shows."""

import pytest

from congdoan.emulation.tests.conftest import council, decided, lan  # noqa: F401
from congdoan.targets.tests.conftest import cat  # noqa: F401
from congdoan.welfare.tests.conftest import tet  # noqa: F401


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
