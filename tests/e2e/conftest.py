"""Shared set-up of the browser tests (pytest-playwright `page` + pytest-django `live_server`)."""

from pathlib import Path
from types import SimpleNamespace

import pytest

E2E_DIR = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every test here is a browser test (`-m e2e`, the PostgreSQL half of `make test`).

    Browser tests commit for real and the database is flushed after each one, which also wipes the
    rows data migrations made (unit kinds, …). Asking for serialized rollback makes Django save those rows
    when it creates the test database; ``_reload_migration_rows`` puts them back before each test."""
    for item in items:
        if E2E_DIR in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.e2e)  # every browser test, whether or not its module says so
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def _migration_rows(django_db_setup):
    """The rows Django serialized right after migrating the test database."""
    from django.db import connections

    return getattr(connections["default"], "_test_serialized_contents", None)


@pytest.fixture(autouse=True)
def _reload_migration_rows(transactional_db, _migration_rows):
    """Django's own reload does not happen here: Playwright's event loop gives the test another
    connection object than the one holding the serialized rows, so reload them explicitly when a
    previous test's flush removed them."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections

    from congdoan.org.models import UnitKind

    if _migration_rows and not UnitKind.objects.exists():
        # The flush re-created content types and permissions under new IDs: drop them for the originals.
        ContentType.objects.all().delete()
        connections["default"].creation.deserialize_db_from_string(_migration_rows)


@pytest.fixture
def browser_context_args(browser_context_args):
    """A Vietnamese browser (navigator.language, Accept-Language) in Vietnam's time zone."""
    return {
        **browser_context_args,
        "locale": "vi-VN",
        "timezone_id": "Asia/Ho_Chi_Minh",
        "viewport": {"width": 1366, "height": 900},
    }


@pytest.fixture
def browser_errors(page):
    """Console errors, uncaught exceptions and failed requests of the page (CSP violations show up here).

    Call it at the end of a test: ``assert browser_errors() == []``.
    """
    errors: list[str] = []

    def on_console(msg):
        # "Failed to load resource" repeats a failed response, which on_response reports with its URL.
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            errors.append(msg.text)

    def on_response(response):
        # The browser asks for /favicon.ico on its own; base.html declares no icon.
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            errors.append(f"{response.status} {response.request.method} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    page.on("response", on_response)

    def collected(*expected: str) -> list[str]:
        """The errors, less those containing one of the ``expected`` substrings (a 404 the test wanted)."""
        return [e for e in errors if not any(x in e for x in expected)]

    return collected


@pytest.fixture
def org_demo(transactional_db, live_server):
    """The demo's Lào Cai 2025 restructure story, served by the live server; units by code."""
    from congdoan.demo import scenario
    from congdoan.org.models import Unit

    scenario.build()
    return SimpleNamespace(url=live_server.url, unit={u.code: u for u in Unit.objects.all()})


def log_in(page, base_url: str, username: str) -> None:
    """Log in through the real login form with the demo password."""
    from playwright.sync_api import expect

    from congdoan.demo.scenario import DEMO_PASSWORD

    page.context.clear_cookies()
    page.goto(f"{base_url}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("#my-unit")).to_be_visible()
