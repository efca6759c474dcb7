from contextlib import contextmanager

import pytest

from congdoan.audit.kept import kept_forget
from tests.state import tree_state

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, never a downloaded browser (see DEVELOPERS notes in README)."""
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_FLAGS}


@pytest.fixture(autouse=True)
def _fresh_figures():
    """Figures kept by the dashboard are keyed by the audit log, which test factories do not write."""
    kept_forget()


@pytest.fixture
def tree(db):
    from tests.factories import build_tree

    return build_tree()


@pytest.fixture
def login(client):
    """Log the test client in as a user: ``login(user)`` returns the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def unchanged():
    """``with unchanged(): ...`` asserts the block left units, links, clusters and the audit log as they were."""

    @contextmanager
    def _check():
        before = tree_state()
        yield
        assert tree_state() == before, "an invalid operation changed the database"

    return _check
