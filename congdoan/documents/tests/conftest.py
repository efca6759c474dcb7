"""Fixtures borrowed from the apps whose documents are printed here."""

from congdoan.emulation.tests.conftest import council, decided, lan  # noqa: F401
from congdoan.targets.tests.conftest import cat  # noqa: F401
from congdoan.welfare.tests.conftest import members, tet  # noqa: F401
