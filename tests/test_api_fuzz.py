"""Schemathesis against /api/v1/openapi.json (issue 20 §2): every operation, valid and invalid input, as the
Lào Cai officer with a personal token, a fixed seed and a bounded number of examples. No server error; every
status, content type and body as the spec declares.

Runs on PostgreSQL only (the half of ``make test`` that counts for database errors: a NUL character or an
out-of-range number fails there, not on SQLite). ``FUZZ_EXAMPLES`` sets the examples per operation and mode
(default 6: 93 operations × 2 modes, about 1 100 cases in about three minutes on a busy machine).
"""

import os
import time

import pytest
import schemathesis
from django.conf import settings
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from congdoan.api import api

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "6"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

pytestmark = pytest.mark.skipif(
    not ON_POSTGRES, reason="the API fuzz runs in the PostgreSQL half of make test"
)


@pytest.fixture
def officer_token(tree, settings):
    from congdoan.accounts.services import token_create

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]  # schemathesis' WSGI client's host
    # As Django's test client does: a request must not close the connection holding the test's transaction.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield token_create(user=tree.province_officer, name="fuzz")[1]
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def fuzz(operation, mode: GenerationMode, headers: dict) -> tuple[int, list[str]]:
    """Run one operation in one mode; the number of cases and the failures (first line of each)."""
    calls, failures = [0], []

    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        calls[0] += 1
        try:
            case.call_and_validate(headers=headers, checks=CHECKS)
        except (Failure, FailureGroup) as exc:
            failures.append(f"{operation.method.upper()} {operation.path} [{mode.value}]: {str(exc)[:600]}")

    run()
    return calls[0], failures


def test_the_api_holds_under_fuzzing(officer_token):
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    schema.app = get_wsgi_application()
    schema.location = "/api/v1/openapi.json"
    headers = {"Authorization": f"Bearer {officer_token}"}
    started, cases, failures, operations = time.monotonic(), 0, [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            n, found = fuzz(operation, mode, headers)
            cases, failures = cases + n, failures + found
    print(f"API fuzz: {cases} cases over {operations} operations in {time.monotonic() - started:.0f} s")
    assert operations > 80
    assert not failures, f"{len(failures)} failures in {cases} cases:\n" + "\n\n".join(failures[:20])
