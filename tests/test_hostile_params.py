"""Hostile query parameters on every page (issue 20 §1, §2): NUL characters, numbers beyond 64 bits, negative
or zero years, far dates, long strings and digits that are not ASCII, sent to every page route without path
parameters as a signed-in province officer. Every answer is below 500: a bad parameter is refused (400) or
ignored, never a crash.
"""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_scope_walk import page_routes

pytestmark = pytest.mark.django_db

# The query parameters the pages read (request.GET and the GET search/filter forms).
NAMES = [
    "q", "unit", "page", "status", "year", "period", "kind", "export", "upper", "structure", "mode", "format",
    "form", "on", "start", "end", "as_of", "joined_from", "joined_to", "top", "gender", "age_band", "sector",
    "informal", "party", "ethnicity", "programme", "movement", "level", "cluster", "indicator", "next",
]  # fmt: skip
HOSTILE = [
    "\x00",
    "a\x00b",
    str(2**64),
    str(-(2**70)),
    "-1",
    "0",
    "99999",
    "1e20",
    "NaN",
    "0001-01-01",
    "9999-12-31",
    "31/12/99999",
    "00/00/0000",
    "²",
    "١٢",
    "x" * 5000,
    "2026-Q9",
    "1900-M0",
]


def routes() -> list[str]:
    return sorted(r.key for r in page_routes() if not r.params and "logout" not in r.key)


def test_every_page_holds_against_each_hostile_value(tree, client):
    client.force_login(tree.province_officer)
    client.raise_request_exception = False
    failures = []
    for name in routes():
        url = reverse(name)
        for value in HOSTILE:
            response = client.get(url, dict.fromkeys(NAMES, value))
            if response.status_code >= 500:
                failures.append(
                    f"{name} ({url}) with every parameter = {value[:20]!r}: {response.status_code}"
                )
    assert not failures, "\n".join(failures)


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    name=st.sampled_from(routes()),
    params=st.dictionaries(
        st.sampled_from(NAMES),
        st.one_of(
            st.sampled_from(HOSTILE),
            st.integers().map(str),
            st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
            st.text(max_size=40),
        ),
        max_size=6,
    ),
)
def test_pages_hold_against_random_hostile_parameters(tree, client, name, params):
    client.force_login(tree.province_officer)
    response = client.get(reverse(name), params)
    assert response.status_code < 500, (name, params)
